// schedule.hpp — THE order of a month (MODEL.md §3, the parts implemented so far):
//   0. calendar: the shocks and regulations calendar sets the month's parameters (calendar_step),
//      then stocks are observed (first day of the month)
//   1. calendar: January indexation of contract rents (CPI, capped by
//      economy.rent_indexation_cap) and incomes (wage index); ageing
//   1b. labour: retirements and separations, the jobs path with the local multiplier, layoffs,
//      vacancies filled by commuting gravity (MODEL.md §3 step 7, before migration)
//   2. exits (emigration, talent departures, dissolutions) free their dwellings
//   3. move events (life-course hazard, renewals, evictions); arrivals appended from thinned
//   streams
//   4. zone choice of movers and arrivals (size-corrected logit, ranked choices)
//   5. matching to vacancies by keyed priority; moves applied; displacement recorded; unhoused
//      arrivals dropped; housed researchers and skilled workers take a vacant tradable job
//   6. vacant social dwellings let to waiting-list LTR tenants; invariants checked; vacant-stock
//      tenure conversion (large holders lose their share of LTR units converted); market rents from
//      post-matching vacancy; asset prices, construction starts and completions, fund purchases
//      (model/supply.hpp); the external zone's offer replenished
//   7. welfare: the household location logsum from this month's market rents and dwelling stocks
//      (MODEL.md §3 step 12); flows and welfare of the month recorded
//   8. strategy review (January, MODEL.md §3 step 13; model/events_step.hpp): KPIs observed with
//      a lag and noise, EWA attractions, reallocation when evaluation.adaptive
// Between 0 and 1b (MODEL.md §3 steps 2–4): city networks scale the month's effective effort,
// then events: January bids and funding applications, won events held this month (their
// attendees join the calendar's in the tourism market) and the awareness boost for the brands.
#pragma once
#include <functional>
#include <vector>

#include "model/headline.hpp"
#include "model/indicators.hpp"
#include "model/world.hpp"

namespace metrosim::model {

/// Indicator values of a run, in real-world units.
struct Recorder {
  std::size_t steps = 0, zones = 0;
  std::vector<double> metro;        ///< [step][MetroInd]
  std::vector<double> zone;         ///< [ZoneInd][step][zone]
  std::vector<double> zone_static;  ///< [ZoneStatic][zone]
  std::size_t agencies = 0, event_kinds = 0;
  std::vector<double> agency;           ///< [AgencyInd][step][agency]
  std::vector<double> event_attendees;  ///< [step][event kind], persons/month
  std::vector<double> headline;         ///< [step][HeadlineInd] (headline.hpp)
  std::vector<double> zone_headline;    ///< [ZoneHeadlineInd][step][zone]
  void resize(std::size_t n_steps, std::size_t n_zones, std::size_t n_agencies = 0,
              std::size_t n_event_kinds = 0);
  double& m(core::Step t, MetroInd k) {
    return metro[static_cast<std::size_t>(t) * kMetroCount + static_cast<std::size_t>(k)];
  }
  double& a(AgencyInd k, core::Step t, std::size_t agency_index) {
    return agency[(static_cast<std::size_t>(k) * steps + static_cast<std::size_t>(t)) * agencies +
                  agency_index];
  }
  double& z(ZoneInd k, core::Step t, std::size_t zone_index) {
    return zone[(static_cast<std::size_t>(k) * steps + static_cast<std::size_t>(t)) * zones +
                zone_index];
  }
  double& h(core::Step t, HeadlineInd k) {
    return headline[static_cast<std::size_t>(t) * kHeadlineCount + static_cast<std::size_t>(k)];
  }
  double& zh(ZoneHeadlineInd k, core::Step t, std::size_t zone_index) {
    return zone_headline[(static_cast<std::size_t>(k) * steps + static_cast<std::size_t>(t)) *
                             zones +
                         zone_index];
  }
};

/// Advances the world by month t and records its indicators.
void step(World& w, core::Step t, Recorder& rec);

/// Runs every month of the scenario; `progress(done, total)` is called after each month.
Recorder simulate(World& w, const std::function<void(core::Step, core::Step)>& progress = {});

}  // namespace metrosim::model
