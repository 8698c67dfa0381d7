// budgets.hpp — mandates by governance mode, overheads, ring-fenced lines and the allocation of
// each budget line across instruments (MODEL.md §7.1 (a), §7.13). A mode moves mandates and
// budget lines between agencies, never the list of agencies nor a line's mix across instruments
// (the mix is its own lever): with overheads at zero every mode spends the same on every
// instrument, so modes differ only through overheads, pooling and routing, saturation and the
// incentive competition.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/region_input.hpp"
#include "mechanisms/governance/governance_params.hpp"
#include "mechanisms/governance/instruments.hpp"

namespace metrosim::mechanisms {

/// Default shares of the discretionary budget by agency kind: promotion, lead generation, talent
/// (assumptions (swept), docs/GOVERNANCE.md §2).
std::array<double, 3> default_allocation(agents::AgencyKind kind);

/// Which agency acts for each agency's budget line in this mode: metropolitan moves the city
/// council's and the municipal offices' lines to the metropolitan authority, lead_city moves the
/// metropolitan authority's and the municipal offices' lines to the city council; investment-
/// promotion agencies and tourism boards keep theirs. An agency whose target kind is missing keeps
/// its line. acting[a] == a for an agency that acts for itself.
std::vector<std::size_t> acting_agency(GovernanceMode mode,
                                       const std::vector<agents::AgencyKind>& kinds);

/// One budget line: its budget in force, the agency acting for it, its allocation (promotion,
/// lead generation, talent; normalised here) and the acting agency's fixed overhead.
struct BudgetLine {
  double budget_year = 0.0;  ///< EUR/year in force
  std::size_t acting = 0;
  std::array<double, 3> shares{};
  /// Shares of the discretionary remainder spent on event bids and on mitigation on top of their
  /// ring-fenced lines: 0 unless the adaptive strategy review (MODEL.md §7.12) has moved budget
  /// there; their sum is capped at 1.
  double event_bidding_share = 0.0, mitigation_share = 0.0;
};

/// This month's spend by acting agency (EUR/month; after overheads, never above the budget).
struct AgencySpend {
  std::vector<std::array<double, kInstruments>> spend;  ///< [agency][instrument]
  std::vector<double> overhead;                         ///< [agency]
  std::vector<double> budget_month;                     ///< [agency] budget in force / 12
  /// [line][k]: discretionary spend of line l on promotion (0), lead generation (1), talent (2)
  std::vector<std::array<double, 3>> line_discretionary;
  double network_memberships = 0.0;  ///< memberships funded (count)
};

/// Each acting agency pays its overhead (overhead_year[a]/12, at most its monthly budget) first;
/// every line then pays its ring-fenced lines — cooperation as a share of the line, networks,
/// event bids and mitigation as metro totals split pro rata by budget — and splits the rest by
/// its shares. Agencies acting for no line spend nothing and pay no overhead.
AgencySpend spend_budgets(const std::vector<BudgetLine>& lines,
                          const std::vector<double>& overhead_year, const RingFencedParams& rf);

}  // namespace metrosim::mechanisms
