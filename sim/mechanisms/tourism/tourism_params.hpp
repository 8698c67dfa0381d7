// tourism_params.hpp — tourism and short-term-rental parameters (MODEL.md §7.8). One step = one
// month; money nominal EUR; nights are visitor-nights (overnight stays of one person); pressure
// is visitors per resident-day. Scenario section `tourism`. Sources and reasoning for every
// default: docs/TOURISM.md ("Parameters").
#pragma once
#include <array>

namespace metrosim::mechanisms {

struct TourismParams {
  // Demand: N = N0·season·(A/A0)^φ·(Q/Q0)^ψ·(price index)^(−ε_p) + congress + cruise nights.
  /// N0, leisure visitor-nights per month at reference brand and prices, [0, 2e7]; 2019 AMB
  /// order of magnitude (~33 M city + ~6 M periphery a year, net of congress and cruise) / 12
  double base_nights = 3.0e6;
  /// Jan..Dec, mean 1, each [0, 3]; assumption (swept via season_amplitude): summer peak
  std::array<double, 12> season_profile = {0.75, 0.80, 0.95, 1.05, 1.10, 1.10,
                                           1.20, 1.20, 1.10, 1.10, 0.85, 0.80};
  double season_amplitude = 1.0;  ///< 1 + a·(profile − 1), [0, 2]; assumption (swept)
  double awareness = 0.8;  ///< A, metro awareness (constant until brands exist), [0, 1]; assumption
  double image = 0.7;      ///< Q, metro image (constant until brands exist), [0, 1]; assumption
  double awareness_ref = 0.8;  ///< A0, awareness at which N0 holds, (0, 1]; assumption
  double image_ref = 0.7;      ///< Q0, image at which N0 holds, (0, 1]; assumption
  double phi = 1.0;  ///< φ, elasticity of nights to awareness, [0, 3]; assumption (swept)
  double psi = 1.0;  ///< ψ, elasticity of nights to image, [0, 3]; assumption (swept)
  double price_elasticity = 0.7;  ///< ε_p, to the guest price index, [0, 2]; literature 0.5–1.0
  double nights_per_attendee = 3.5;   ///< nights per congress attendee, [0, 10]; assumption (swept)
  double cruise_passengers = 260000;  ///< movements per month, [0, 1e7]; port: 3.14 M in 2019 / 12
  double turnaround_share = 0.57;     ///< home-port share, [0, 1]; assumption (swept)
  double nights_per_turnaround = 1.0;  ///< per movement, [0, 7]; assumption (swept)
  double day_trips = 500000;  ///< non-cruise day visits per month, [0, 1e7]; assumption (swept)
  double cruise_local_share = 0.5;  ///< at terminals, [0, 1]; assumption (swept)
  double day_visitor_weight = 0.5;  ///< w_d, a day visit in pressure, [0, 1]; assumption (swept)
  double nights_per_leisure_visitor = 2.75;  ///< mean stay, nights, [1, 30]; 2019: 33 M / 12 M

  // Allocation: nested logit over zone × type; nests {hotel}, {licensed STR, unlicensed STR}.
  double beta_attraction = 3.0;  ///< β_A, utility per unit attraction, [0, 20]; assumption (swept)
  double beta_price = 2.0;       ///< β_p, utility per unit ln(EUR), [0, 10]; assumption (swept)
  double beta_pressure = 1.0;  ///< β_P, per visitor per resident-day, [0, 50]; assumption (swept)
  double nest_scale = 0.6;     ///< μ, (0, 1], 1 = multinomial logit; assumption (swept)
  double const_str_licensed = -1.0;      ///< α vs hotel, utility, [-10, 10]; assumption (swept)
  double const_str_unlicensed = -1.3;    ///< α vs hotel, utility, [-10, 10]; assumption (swept)
  double hotel_price_base = 70.0;        ///< EUR per visitor-night at start, (0, 1000]; assumption
  double str_price_base = 35.0;          ///< EUR per visitor-night at start, (0, 1000]; assumption
  double price_floor = 0.5;              ///< lowest price / base, (0, 1]; assumption (swept)
  double price_ceiling = 4.0;            ///< highest price / base, [1, 20]; assumption (swept)
  double target_occupancy_hotel = 0.75;  ///< of bed capacity, (0, 1]; bed-occupancy magnitude
  double target_occupancy_str = 0.70;    ///< of guest capacity, (0, 1]; assumption (swept)
  double price_step = 0.5;               ///< η, damped step (× μ/β_p), (0, 1]; numerical
  int price_iterations = 40;  ///< tâtonnement iterations per month, [0, 1000]; numerical
  int overflow_rounds = 2;    ///< re-choice rounds for demand without a room, [0, 10]; numerical
  double str_guests_per_unit = 3.5;  ///< visitors per occupied STR unit-night, [1, 12]; 2017 data

  // Levers (MODEL.md §8).
  double tax_per_night = 1.0;           ///< EUR per visitor-night, [0, 100]; 2015 magnitude
  double tax_evasion_unlicensed = 1.0;  ///< tax share unlicensed units skip, [0, 1]; assumption
  double str_licence_cap = 1.0;      ///< max licensed STR / dwellings, [0, 1], per zone; 1 = no cap
  bool register_frozen_core = false;  ///< no new licences in core zones (shocks.csv: from 2014)
  double enforcement = 0.02;         ///< removal rate per month, [0, 1]; assumption (swept)
  double dispersal = 0.0;            ///< promotion of peripheral attractions, intensity, [0, 1]
  double dispersal_gain = 0.2;  ///< attraction added at dispersal 1, [0, 1]; assumption (swept)
  double cruise_cap = -1.0;     ///< max cruise movements per month; < 0: no cap, [-1, 1e7]

  // STR conversion: landlords' LTR ↔ STR choice.
  double switching_cost = 10000.0;  ///< c, one-off, EUR, [0, 1e5]; assumption (swept)
  double switching_sigma = 300.0;   ///< σ, EUR/month, (0, 1e4]; assumption (swept)
  double switching_max = 0.05;      ///< h, max monthly switching share, [0, 1]; assumption (swept)
  double nonrenewal_max = 0.1;  ///< max P(lease not renewed to convert), [0, 1]; assumption (swept)
  double str_cost_share = 0.3;  ///< operating costs / STR revenue, [0, 1); assumption (swept)
  double fine_unlicensed = 30000.0;   ///< EUR per unit caught, [0, 1e6]; assumption (swept)
  double licence_withdrawal = 0.083;  ///< monthly share of licences above cap, [0, 1]; assumption
  double expectation_months = 12.0;   ///< smoothing, months, [1, 120]; assumption (swept)
  double unlicensed_per_licensed = 0.5;  ///< at start, [0, 5]; assumption (swept)
};

}  // namespace metrosim::mechanisms
