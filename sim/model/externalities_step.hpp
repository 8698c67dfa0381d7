// externalities_step.hpp — irritation and pollution in the running model (MODEL.md §3 step 12,
// §7.11; docs/EXTERNALITIES.md §5). The mechanisms live in mechanisms/externalities; this file
// gathers their inputs from the tourism world (pressure, STR stocks, capped cruise movements,
// source flags) and the labour state (tourism workers, commuting car-km) every month.
#pragma once
#include <cstdint>
#include <vector>

#include "core/step_context.hpp"
#include "mechanisms/externalities/irritation.hpp"
#include "mechanisms/externalities/pollution.hpp"

namespace metrosim::model {

struct World;

/// This month's externalities (World::externalities), computed after the market and the moves.
struct ExternalitiesState {
  mechanisms::IrritationByZone irritation;
  mechanisms::Emissions emissions;
  std::vector<mechanisms::PerPollutant> pollution;  ///< µg/m³-equivalent increment by zone
};

/// Commuting vehicle-km driven in each zone this month: every employed household's round trip
/// (2 × workdays_per_month × km(home, workplace)) × workers_per_employed_household × weight ×
/// externalities.commute_car_share, half placed in the zone of residence and half in the zone
/// of work (the route between them is not modelled). Serial, in row order.
std::vector<double> commuting_car_km(const World& w);

/// Share of a zone's dwellings in STR use: (licensed + unlicensed) / (owner + LTR + social +
/// STR); 0 without dwellings.
std::vector<double> str_share(const World& w);

/// 1 for households employed in the tourism sector, per row.
std::vector<std::uint8_t> tourism_workers(const World& w);

/// Step 12's irritation and pollution from the current world, into w.externalities.
void step_externalities(World& w, const core::StepContext& ctx, core::Step t);

}  // namespace metrosim::model
