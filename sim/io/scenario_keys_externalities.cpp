// scenario_keys_externalities.cpp — keys of the [externalities] section (irritation and
// pollution; MODEL.md §7.11), bound to model::Scenario::externalities. The welfare logsum has
// no keys of its own: it reuses the relocation utility's.
#include "io/key_binding.hpp"

namespace metrosim::io::key_binding {

namespace {

using E = mechanisms::ExternalityParams;
using I = mechanisms::IrritationParams;
using P = mechanisms::PollutionParams;

}  // namespace

void add_externality_keys(Keys& k) {
  const auto irr = [&](KeySpec spec, double I::*f) {
    add(k, std::move(spec), &Scenario::externalities, &E::irritation, f);
  };
  const auto pol = [&](KeySpec spec, double P::*f) {
    add(k, std::move(spec), &Scenario::externalities, &E::pollution, f);
  };
  irr(dbl("externalities.irritation_intercept", "log-odds", in(-10, 10),
          "a: log-odds of a resident's irritation at zero tourism pressure and no STR"),
      &I::intercept);
  irr(dbl("externalities.irritation_per_pressure", "log-odds per visitor per resident-day",
          in(0, 100), "b: rise of the irritation log-odds with the zone's tourism pressure"),
      &I::per_pressure);
  irr(dbl("externalities.irritation_per_str_share", "log-odds per unit share", in(0, 200),
          "c: rise of the irritation log-odds with the zone's STR share of dwellings"),
      &I::per_str_share);
  irr(dbl("externalities.irritation_tourism_worker", "log-odds", in(0, 10),
          "d: irritation log-odds removed for households working in tourism"),
      &I::tourism_worker_offset);

  pol(dbl("externalities.cargo_ship_hours", "ship-hours/month", in(0, 1e6),
          "cargo and ferry ship-hours at berth (input until port traffic is modelled)"),
      &P::cargo_ship_hours);
  pol(dbl("externalities.lto_cycles", "LTO cycles/month", in(0, 1e6),
          "aircraft landing-take-off cycles (input until air traffic is modelled)",
          "Aena 2017: ~323,000 movements at Barcelona-El Prat / 2 / 12"),
      &P::lto_cycles);
  pol(dbl("externalities.cruise_movements_per_call", "passenger movements", in(0, 1e5, "(]"),
          "cruise passenger movements per ship call (turns movements into ship-hours)",
          "assumption (swept): Port of Barcelona 2017, ~2.7 M movements over ~800 calls"),
      &P::cruise_movements_per_call);
  pol(dbl("externalities.cruise_hours_per_call", "hours", in(0, 240, "(]"),
          "hours at berth per cruise call",
          "8,293 ship-hours in 2017 (MODEL.md §7.11) / ~800 calls"),
      &P::cruise_hours_per_call);
  pol(dbl("externalities.ef_cruise_sox", "kg/ship-hour", in(0, 1000),
          "SOx emission factor of cruise ships at berth",
          "32.8 t over 8,293 ship-hours in 2017 (MODEL.md §7.11)"),
      &P::ef_cruise_sox);
  pol(dbl("externalities.ef_cruise_nox", "kg/ship-hour", in(0, 10000),
          "NOx emission factor of cruise ships at berth",
          "assumption (swept): ~10 MW auxiliary load x ~14 g/kWh (EMEP/EEA 2019, 1.A.3.d)"),
      &P::ef_cruise_nox);
  pol(dbl("externalities.ef_cargo_sox", "kg/ship-hour", in(0, 1000),
          "SOx emission factor of cargo ships at berth (~1.5 MW auxiliary load)"),
      &P::ef_cargo_sox);
  pol(dbl("externalities.ef_cargo_nox", "kg/ship-hour", in(0, 10000),
          "NOx emission factor of cargo ships at berth (~1.5 MW auxiliary load)"),
      &P::ef_cargo_nox);
  pol(dbl("externalities.ef_lto_sox", "kg/LTO cycle", in(0, 100),
          "SOx per aircraft landing-take-off cycle (A320 family order of magnitude)"),
      &P::ef_lto_sox);
  pol(dbl("externalities.ef_lto_nox", "kg/LTO cycle", in(0, 1000),
          "NOx per aircraft landing-take-off cycle (A320 family order of magnitude)"),
      &P::ef_lto_nox);
  pol(dbl("externalities.commute_car_share", "vehicle-km/person-km", in(0, 1),
          "commuting vehicle-km per person-km (car mode share / occupancy); converts the "
          "labour module's commuting person-km into car-km"),
      &P::commute_car_share);
  pol(dbl("externalities.ef_car_sox", "kg/vehicle-km", in(0, 1e-3),
          "SOx per commuting car-km (10 ppm sulphur road fuel)"),
      &P::ef_car_sox);
  pol(dbl("externalities.ef_car_nox", "kg/vehicle-km", in(0, 0.01),
          "NOx per commuting car-km (real-world diesel-heavy fleet)"),
      &P::ef_car_nox);
  pol(dbl("externalities.decay_km", "km", in(0, 100, "(]"),
          "L: e-folding distance of the source-receptor weight exp(-d/L)"),
      &P::decay_km);
  pol(dbl("externalities.mixing_height_m", "m", in(0, 5000, "(]"),
          "H: mixing height of the well-mixed box that turns mass into concentration"),
      &P::mixing_height_m);
  pol(dbl("externalities.residence_hours", "hours", in(0, 240, "(]"),
          "tau: residence time of air over a zone in the box model"),
      &P::residence_hours);
}

}  // namespace metrosim::io::key_binding
