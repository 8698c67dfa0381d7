// agencies.hpp — agencies acting internationally (structure of arrays) and the calendar of
// recurring events. Both come from region tables and are the same in every scenario; governance
// (issue 4) will change mandates and budgets, never the list.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "agents/region_input.hpp"
#include "mechanisms/governance/instruments.hpp"

namespace metrosim::agents {

struct Agencies {
  std::vector<std::string> code, name, jurisdiction;
  std::vector<AgencyKind> kind;
  std::vector<double> budget_base;  ///< international-action budget B0, EUR per year (nominal)
  std::vector<double> staff;        ///< persons
  // State the governance step (issue 4, MODEL.md §7.1) keeps and the evaluation step (§7.12)
  // may revise in January.
  /// allocation[a][k]: share of agency a's discretionary budget on instrument k (rows sum to 1
  /// over the non-ring-fenced instruments)
  std::vector<std::array<double, mechanisms::kInstruments>> allocation;
  std::vector<double> political_will;  ///< w in [0, 1], per agency
  std::vector<double> budget;          ///< budget in force this year, EUR per year (nominal)
  // Added by the governance step (issue 4): the will index z (w = logistic(z)), each agency's own
  // budget line in force (EUR/year; `budget` is what the agency acts for after the mode's
  // transfers) and whether the agency acts this month (an inactive agency reports budget 0).
  std::vector<double> will_index;
  std::vector<double> line_budget;
  std::vector<std::uint8_t> active;
  std::size_t size() const { return code.size(); }
};

Agencies build_agencies(const std::vector<AgencyRow>& rows);

/// Recurring events by kind. An edition happens in its row's year and month; years after a
/// kind's last row repeat its last edition (month and attendees: assumption, docs/DATA.md);
/// years before its first row have none.
class EventCalendar {
 public:
  explicit EventCalendar(const std::vector<EventRow>& rows = {});
  const std::vector<std::string>& kinds() const { return kinds_; }
  /// Attendees (persons) of kind k's edition in this calendar month; 0 if none is held.
  double attendees(std::size_t k, int year, int month) const;

 private:
  std::vector<std::string> kinds_;
  std::vector<std::vector<EventRow>> editions_;  ///< by kind, ascending year
};

}  // namespace metrosim::agents
