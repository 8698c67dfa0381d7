// world.cpp — building the initial world and checking its invariants.
#include "model/world.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "agents/households_init.hpp"
#include "agents/zones_init.hpp"
#include "mechanisms/housing/market_rent.hpp"
#include "mechanisms/labour/labour.hpp"
#include "model/governance_step.hpp"
#include "model/investment_step.hpp"
#include "model/supply.hpp"
#include "model/tourism_jobs.hpp"

namespace metrosim::model {

namespace {

agents::ZoneBuildParams zone_build_params(const Scenario& s) {
  agents::ZoneBuildParams zp;
  zp.core_municipality = s.region.core_municipality;
  zp.social_share_of_rented = s.region.social_share_of_rented;
  zp.default_household_size = s.region.household_size;
  zp.ltr_vacant_share_of_nonprincipal = s.region.ltr_vacant_share_of_nonprincipal;
  zp.owner_vacant_share_of_nonprincipal = s.region.owner_vacant_share_of_nonprincipal;
  zp.social_vacancy = s.region.social_vacancy;
  zp.income_backcast = s.region.income_backcast;
  zp.renter_income_ratio = s.region.renter_income_ratio;
  zp.rent_income_elasticity = s.region.rent_income_elasticity;
  zp.reference_rent = s.region.reference_rent;
  zp.external_rent = s.external.rent;
  zp.external_vacant = s.external.vacant_offer;
  zp.external_lat = s.external.lat;
  zp.external_lon = s.external.lon;
  zp.scale = s.agents.scale;
  return zp;
}

}  // namespace

void refresh_zone_parameters(World& w) {
  const Scenario& s = w.scenario;
  agents::Zones& z = w.zones;
  for (std::size_t i = 0; i < z.size(); ++i) {
    z.natural_vacancy[i] = s.housing.natural_vacancy;
    z.amenity[i] = s.relocation.amenity;
  }
  for (const auto& o : s.zone_overrides) {
    for (std::size_t i = 0; i < z.size(); ++i) {
      if (z.code[i] != o.zone_code) continue;
      // The registry (io/scenario_keys.cpp) admits per-zone overrides for exactly these keys.
      if (o.key == "housing.natural_vacancy")
        z.natural_vacancy[i] = o.value;
      else if (o.key == "relocation.amenity")
        z.amenity[i] = o.value;
      else if (o.key == "housing.social_weight" || o.key == "investors.initial_large_share")
        continue;  // resolved by model/supply.cpp
      else if (o.key == "brand.sharing" || o.key == "brand.own_awareness" ||
               o.key == "brand.own_image" || o.key.rfind("agencies.", 0) == 0)
        continue;                                   // read each month by model/governance_step.cpp
      else if (o.key != "tourism.str_licence_cap")  // resolved below
        throw std::invalid_argument("no per-zone parameter " + o.key);
    }
  }
  // The tourism state exists once the world is built (init_tourism resolves it the first time).
  if (!w.tourism.cap_share.empty()) resolve_tourism_zone_parameters(s, z, w.tourism);
}

std::vector<std::string> zone_codes(const Scenario& s, const agents::RegionInput& region) {
  return agents::build_zones(region, zone_build_params(s)).code;
}

World build_world(const Scenario& s, const agents::RegionInput& region, std::uint32_t replicate) {
  World w;
  w.scenario = s;
  w.resolved = s;
  core::YearMonth start;
  if (!core::parse_year_month(s.run.start, start))
    throw std::invalid_argument("run.start is not YYYY-MM: " + s.run.start);
  w.calendar = core::Calendar(start);
  w.rng_key = {s.run.seed, replicate};
  w.weight = 1.0 / s.agents.scale;

  w.zones = agents::build_zones(region, zone_build_params(s));
  if (!region.travel_times.empty()) {
    const auto n = static_cast<Eigen::Index>(w.zones.size());
    w.zones.travel_minutes =
        Eigen::MatrixXd::Constant(n, n, std::numeric_limits<double>::quiet_NaN());
    for (const auto& r : region.travel_times) {
      const auto a = std::find(w.zones.code.begin(), w.zones.code.end(), r.origin);
      const auto b = std::find(w.zones.code.begin(), w.zones.code.end(), r.destination);
      if (a != w.zones.code.end() && b != w.zones.code.end())  // codes validated before
        w.zones.travel_minutes(a - w.zones.code.begin(), b - w.zones.code.begin()) = r.minutes;
    }
  }
  refresh_zone_parameters(w);
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    if (w.zones.is_external[z])
      for (std::size_t u = 0; u < agents::kTenures; ++u)
        w.external_offer[u] = w.zones.stock[z][u] - w.zones.occupied[z][u];

  agents::HouseholdInitParams hp;
  hp.income_log_sd = s.region.income_log_sd;
  hp.renter_income_ratio = s.region.renter_income_ratio;
  // Lease vintages spread over the minimum term of small landlords' leases signed at the start.
  hp.lease_term_months =
      mechanisms::min_lease_term(s.investors, agents::LandlordType::kSmall, start);
  hp.age_shares = s.migration.initial_age_shares;
  // Initial talent = each segment's steady-state stock, arrivals / departure hazard (real
  // households), as a share of LTR households: the talent stock starts near its equilibrium.
  double metro_income = 0.0, metro_households = 0.0, ltr_households = 0.0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    metro_income += w.zones.income_mean[z] * w.zones.households_data[z];
    metro_households += w.zones.households_data[z];
    ltr_households += w.zones.households_data[z] * w.zones.tenure_share[z][1];
  }
  hp.metro_mean_income = metro_income / metro_households;
  const mechanisms::StreamParams* segments[3] = {&s.migration.student, &s.migration.researcher,
                                                 &s.migration.skilled};
  const mechanisms::ArrivalStream streams[3] = {mechanisms::ArrivalStream::kStudent,
                                                mechanisms::ArrivalStream::kResearcher,
                                                mechanisms::ArrivalStream::kSkilled};
  for (std::size_t k = 0; k < 3; ++k) {
    const double hazard =
        mechanisms::departure_rate(s.migration, static_cast<agents::Origin>(k + 1));
    const double stock =
        hazard > 0 ? mechanisms::arrival_rate(s.migration, streams[k], 0.0) / hazard : 0.0;
    hp.talent_share[k] = ltr_households > 0 ? std::min(0.3, stock / ltr_households) : 0.0;
    hp.talent_income_ratio[k] = segments[k]->income_ratio;
  }
  w.households = agents::init_households(w.zones, hp, w.rng_key);
  for (auto band : w.households.age_band)
    if (band == agents::AgeBand::k35to64) w.households_35_64_initial += w.weight;
  // Jobs: the region's jobs table where it has a zone's row, else derived (docs/LABOUR.md).
  std::vector<std::optional<std::array<double, agents::kJobSectors>>> table(w.zones.size());
  for (const auto& r : region.jobs)
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      if (w.zones.code[z] == r.zone_code) table[z] = {{r.tourism, r.tradable, r.local}};
  mechanisms::init_labour(s.labour, w.rng_key, w.weight, w.zones, table, w.households, w.jobs);
  for (const auto& r : region.jobs)
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      if (w.zones.code[z] == r.zone_code) w.jobs.jobs_from_data[z] = r.from_data;
  w.by_zone.build(w.households.zone, w.zones.size());
  w.agencies = agents::build_agencies(region.agencies);
  w.events_calendar = agents::EventCalendar(region.events);
  // Brands start at the loaded scenario's metro awareness and image (MODEL.md §7.2), own brands
  // at brand.own_awareness / own_image; the governance step fills the month's effort before
  // anything reads it.
  init_brands(w);
  w.effort.reset(w.agencies.size(), w.zones.size());
  init_strategy(w, region.events);
  w.tourism = init_tourism(s, region, w.zones);
  w.tourism_reference = w.tourism;
  // Firms matched to the initial jobs by zone and sector (MODEL.md §5, §7.5); projects' reference
  // logsum from the initial world (after brands, effort and the tourism flags exist).
  init_firms_world(w);
  w.loop_gain = mechanisms::rent_loop_gain(s.housing, s.relocation, w.zones,
                                           mechanisms::mean_ltr_income(w.households, w.by_zone));
  init_supply(w);
  w.social_lettings.assign(w.zones.size(), 0);
  w.ltr_to_owner_large.assign(w.zones.size(), 0);
  check_world(w);
  return w;
}

void check_world(const World& w) {
  w.zones.check_invariants();
  w.households.check_invariants(w.zones.size());
  w.firms.check_invariants(w.zones.size());
  check_tourism(w.tourism);
  // Each household occupies exactly one dwelling of its tenure's use: recount occupancy.
  std::vector<std::array<std::int64_t, agents::kTenures>> count(w.zones.size());
  for (auto& c : count) c.fill(0);
  for (std::size_t i = 0; i < w.households.size(); ++i)
    ++count[static_cast<std::size_t>(w.households.zone[i])]
           [static_cast<std::size_t>(w.households.tenure[i])];
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    for (std::size_t u = 0; u < agents::kTenures; ++u)
      if (count[z][u] != w.zones.occupied[z][u])
        throw std::logic_error("zone " + w.zones.code[z] + ": " + std::to_string(count[z][u]) +
                               " " + agents::kTenureNames[u] + " households but occupancy " +
                               std::to_string(w.zones.occupied[z][u]));
  check_supply(w);
  check_firm_jobs(w);
  // Employed households = filled jobs, and filled ≤ slots, for every zone and sector.
  const auto filled = mechanisms::count_filled(w.households, w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    for (std::size_t s = 0; s < agents::kJobSectors; ++s) {
      const std::string cell = "zone " + w.zones.code[z] + ", " + agents::kJobSectorNames[s];
      if (filled[z][s] != w.jobs.filled[z][s])
        throw std::logic_error(cell + ": " + std::to_string(filled[z][s]) +
                               " employed households but " + std::to_string(w.jobs.filled[z][s]) +
                               " filled jobs booked");
      if (filled[z][s] > w.jobs.jobs[z][s] || w.jobs.jobs[z][s] < 0)
        throw std::logic_error(cell + ": " + std::to_string(filled[z][s]) + " filled jobs for " +
                               std::to_string(w.jobs.jobs[z][s]) + " slots");
    }
}

}  // namespace metrosim::model
