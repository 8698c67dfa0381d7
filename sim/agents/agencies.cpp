// agencies.cpp — see agencies.hpp.
#include "agents/agencies.hpp"

#include <algorithm>

namespace metrosim::agents {

Agencies build_agencies(const std::vector<AgencyRow>& rows) {
  Agencies a;
  for (const auto& r : rows) {
    a.code.push_back(r.code);
    a.name.push_back(r.name);
    a.jurisdiction.push_back(r.jurisdiction);
    a.kind.push_back(r.kind);
    a.budget_base.push_back(r.budget_eur_year);
    a.staff.push_back(r.staff);
    a.allocation.emplace_back();
    a.political_will.push_back(0.5);  // neutral will (z = 0): the data budget is in force
    a.budget.push_back(r.budget_eur_year);
    a.will_index.push_back(0.0);
    a.line_budget.push_back(r.budget_eur_year);
    a.active.push_back(1);
  }
  return a;
}

EventCalendar::EventCalendar(const std::vector<EventRow>& rows) {
  for (const auto& r : rows) {
    auto it = std::find(kinds_.begin(), kinds_.end(), r.kind);
    if (it == kinds_.end()) {
      kinds_.push_back(r.kind);
      editions_.emplace_back();
      it = kinds_.end() - 1;
    }
    editions_[static_cast<std::size_t>(it - kinds_.begin())].push_back(r);
  }
  for (auto& e : editions_)
    std::stable_sort(e.begin(), e.end(),
                     [](const auto& a, const auto& b) { return a.year < b.year; });
}

double EventCalendar::attendees(std::size_t k, int year, int month) const {
  const auto& e = editions_[k];
  if (e.empty() || year < e.front().year) return 0.0;
  const EventRow* row = &e.back();  // years after the last edition repeat it
  for (const auto& r : e)
    if (r.year == year) row = &r;
  if (year <= e.back().year && row->year != year) return 0.0;  // a gap year in the data
  return row->month == month ? row->attendees : 0.0;
}

}  // namespace metrosim::agents
