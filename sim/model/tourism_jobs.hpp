// tourism_jobs.hpp — the tourism market feeds the labour mechanism's tourism demand hook
// (JobsState::tourism_demand; docs/LABOUR.md "Tourism demand from the market"). Tourism jobs at
// start come from data, which describe the metro as it was, without this scenario's tourism
// levers; so the hook compares last month's visitor-nights sold in a zone with the nights the
// same calendar month sold in a reference year: the market's first 12 months run at build on
// the initial stocks and residents, with the scenario's tourism keys but its levers at their
// defaults. Same-month ratios carry no seasonality (no seasonal layoffs), and a lever set from
// the start acts on jobs (a within-run reference would absorb it).
#pragma once
#include <vector>

#include "core/calendar.hpp"

namespace metrosim::model {

struct World;
struct Scenario;

/// Scenario s with the tourism market's policy levers (tax_per_night, tax_evasion_unlicensed,
/// dispersal, dispersal_gain, cruise_cap) at their defaults.
Scenario without_tourism_levers(const Scenario& s);

/// Visitor-nights sold per zone in each of the 12 calendar months of the reference year,
/// [month - 1][zone]; empty when the world has no tourism market. Needs w.tourism, calendar and
/// events calendar built; changes nothing in w.
std::vector<std::vector<double>> tourism_reference_nights(const World& w);

/// The hook's per-zone index for month t: nights sold last month / the reference's nights in
/// the same calendar month (1 where the reference sold none, in month 0, or without a market).
std::vector<double> tourism_demand_from_market(const World& w, core::Step t);

}  // namespace metrosim::model
