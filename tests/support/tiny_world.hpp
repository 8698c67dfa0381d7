// tiny_world.hpp — hand-built regions for mechanism and model tests (no files involved).
#pragma once
#include "agents/region_input.hpp"
#include "model/scenario.hpp"

namespace metrosim::testing {

/// Three municipalities 5–10 km apart; the first is the core. Round numbers so that expected
/// stocks can be computed by hand: 10,000 / 4,000 / 2,000 households.
inline agents::RegionInput tiny_region() {
  agents::RegionInput r;
  auto add = [&](const char* code, const char* name, double lat, double lon, double hh,
                 double owned, double rented, double np, double income) {
    agents::MunicipalityRow m;
    m.ine_code = code;
    m.name = name;
    m.area_km2 = 10;
    m.lat = lat;
    m.lon = lon;
    m.households = hh;
    m.dwellings_owned = owned;
    m.dwellings_rented = rented;
    m.dwellings_other_tenure = hh - owned - rented;
    m.dwellings_nonprincipal = np;
    m.income_per_household = income;
    r.municipalities.push_back(m);
  };
  add("00001", "Core", 41.40, 2.17, 10000, 6000, 3600, 1000, 40000);
  add("00002", "North", 41.45, 2.20, 4000, 3000, 800, 300, 36000);
  add("00003", "West", 41.38, 2.05, 2000, 1500, 400, 200, 45000);
  return r;
}

inline model::Scenario tiny_scenario(double scale = 1.0, std::int64_t steps = 24) {
  model::Scenario s;
  s.run.steps = steps;
  s.agents.scale = scale;
  s.region.core_municipality = "00001";
  s.external.vacant_offer = 300;
  // Migration flows scaled to a 16,000-household world (the defaults are the AMB's).
  s.migration.other.arrivals_per_year = 500;
  s.migration.student.arrivals_per_year = 100;
  s.migration.researcher.arrivals_per_year = 20;
  s.migration.skilled.arrivals_per_year = 80;
  return s;
}

}  // namespace metrosim::testing
