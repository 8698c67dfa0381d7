// externality_params.hpp — irritation and pollution parameters (MODEL.md §7.11). One step = one
// month; pressure is visitors per resident-day; emissions are kg per month; concentrations are
// µg/m³-equivalent increments of a well-mixed box (docs/EXTERNALITIES.md). Scenario section
// `externalities`. The welfare logsum has no parameters of its own: it reuses the relocation
// utility (relocation.beta_burden, beta_distance, amenity), so welfare and choices cannot disagree.
#pragma once

namespace metrosim::mechanisms {

/// p = logistic(a + b·pressure + c·STR share − d·[works in tourism]) (social-exchange theory:
/// residents who draw income from tourism tolerate more of it; Ap 1992, Gursoy et al. 2002).
struct IrritationParams {
  /// a, log-odds at zero pressure and no STR, [-10, 10]; assumption (swept): about one resident
  /// in ten irritated where there are no visitors
  double intercept = -2.0;
  /// b, log-odds per visitor per resident-day, [0, 100]; assumption (swept): central districts at
  /// ~0.2–0.3 visitors per resident-day reach about half (Barcelona's 2017 municipal barometer
  /// ranked tourism the top problem, named by about one resident in five city-wide)
  double per_pressure = 8.0;
  /// c, log-odds per unit STR share of dwellings, [0, 200]; assumption (swept)
  double per_str_share = 10.0;
  /// d, log-odds removed for households working in tourism, [0, 10]; assumption (swept): odds
  /// ratio e^-1 ≈ 0.37
  double tourism_worker_offset = 1.0;
};

/// Emissions = activity × emission factor per source; dispersion by exponential decay from the
/// source zone's point into a well-mixed box (docs/EXTERNALITIES.md §2).
struct PollutionParams {
  // Activity that is not produced by another mechanism (inputs until port and airport traffic
  // are modelled).
  /// cargo and ferry ship-hours at berth per month, [0, 1e6]; assumption (swept): ~7,000 calls a
  /// year × ~20 h at berth / 12
  double cargo_ship_hours = 12000.0;
  /// aircraft landing–take-off cycles per month, [0, 1e6]; Aena 2017: ≈323,000 movements at
  /// Barcelona–El Prat / 2 / 12
  double lto_cycles = 13500.0;
  /// cruise passenger movements per ship call, (0, 1e5]; assumption (swept): Port of Barcelona
  /// 2017 ≈2.7 M movements over ≈800 calls
  double cruise_movements_per_call = 3400.0;
  /// hours at berth per cruise call, (0, 240]; 8,293 ship-hours (2017, MODEL.md) / ≈800 calls
  double cruise_hours_per_call = 10.4;

  // Emission factors, kg per activity unit.
  /// cruise hotelling SOx, kg per ship-hour, [0, 1000]; MODEL.md: 32.8 t over 8,293 h in 2017
  double ef_cruise_sox = 3.955;
  /// cruise hotelling NOx, kg per ship-hour, [0, 10000]; assumption (swept): ~10 MW auxiliary
  /// load × ~14 g/kWh (EMEP/EEA 2019, 1.A.3.d, medium-speed auxiliary engines)
  double ef_cruise_nox = 140.0;
  /// cargo hotelling SOx, kg per ship-hour, [0, 1000]; assumption (swept): ~1.5 MW auxiliary
  /// load at the cruise factors
  double ef_cargo_sox = 0.6;
  /// cargo hotelling NOx, kg per ship-hour, [0, 10000]; assumption (swept), as above
  double ef_cargo_nox = 20.0;
  /// aircraft SOx, kg per LTO cycle, [0, 100]; assumption (swept): A320 family, EMEP/EEA 2019
  /// 1.A.3.a order of magnitude
  double ef_lto_sox = 0.8;
  /// aircraft NOx, kg per LTO cycle, [0, 1000]; assumption (swept): A320 family, ICAO engine
  /// emissions databank order of magnitude
  double ef_lto_nox = 9.0;
  /// vehicle-km driven per commuting person-km (car mode share / car occupancy), [0, 1];
  /// assumption (swept): about a third of AMB commutes by car (EMEF 2017 order) at ~1.2
  /// persons per car. The jobs module yields person-km; this turns them into vehicle-km.
  double commute_car_share = 0.3;
  /// car SOx, kg per vehicle-km, [0, 1e-3]; assumption (swept): 10 ppm S road fuel
  double ef_car_sox = 1.0e-6;
  /// car NOx, kg per vehicle-km, [0, 0.01]; assumption (swept): real-world diesel-heavy fleet
  /// ~0.4 g/km
  double ef_car_nox = 4.0e-4;

  // Source–receptor decay and box.
  /// L, e-folding distance of the source–receptor weight, km, (0, 100]; assumption (swept)
  double decay_km = 3.0;
  /// H, mixing height of the box, m, (0, 5000]; assumption (swept): coastal annual mean order
  double mixing_height_m = 500.0;
  /// τ, residence time of air over the metro, hours, (0, 240]; assumption (swept)
  double residence_hours = 3.0;
};

struct ExternalityParams {
  IrritationParams irritation;
  PollutionParams pollution;
};

}  // namespace metrosim::mechanisms
