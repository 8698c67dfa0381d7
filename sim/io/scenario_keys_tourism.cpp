// scenario_keys_tourism.cpp — keys of the [tourism] section, bound to model::Scenario::tourism
// (MODEL.md §7.8; sources and reasoning per key in docs/TOURISM.md §4). The brand's awareness
// and image come from `brand.metro_awareness` / `brand.metro_image`, not from this section.
#include <cmath>
#include <cstdlib>

#include "io/key_binding.hpp"

namespace metrosim::io::key_binding {

namespace {

using P = mechanisms::TourismParams;
constexpr const char* kLever = "policy lever";
constexpr const char* kNumerical = "numerical setting";

KeySpec spec(const char* name, KeyType type, const char* unit, Range r, const char* doc,
             const char* source) {
  return {.name = name, .type = type, .unit = unit, .range = r, .source = source, .doc = doc};
}

/// One value of the season profile: a number in [0, 3].
std::string check_season_value(const std::string& cell) {
  double v = 0.0;
  if (auto p = parse_number(cell, v); !p.empty()) return "'" + cell + "': " + p;
  if (!(v >= 0.0 && v <= 3.0)) return "'" + cell + "' is outside [0, 3]";
  return "";
}

/// The whole profile: 12 values with mean 1 (another mean would silently rescale base_nights).
std::string check_season_profile(const std::vector<std::string>& cells) {
  if (cells.size() != 12)
    return "expected 12 monthly values (January to December), found " +
           std::to_string(cells.size());
  double sum = 0.0;
  for (const auto& c : cells) sum += std::strtod(c.c_str(), nullptr);
  if (std::abs(sum / 12.0 - 1.0) > 1e-9)
    return "the 12 values must have mean 1 (their mean is " + format_double(sum / 12.0) + ")";
  return "";
}

}  // namespace

void add_tourism_keys(Keys& k) {
  const auto d = [&](const char* name, const char* unit, Range r, const char* doc, double P::*f,
                     const char* source = kSwept, bool per_zone = false) {
    KeySpec s = spec(name, KeyType::kDouble, unit, r, doc, source);
    s.per_zone = per_zone;
    add(k, std::move(s), &Scenario::tourism, f);
  };
  const auto i = [&](const char* name, Range r, const char* doc, int P::*f) {
    add(k, spec(name, KeyType::kInt, "count", r, doc, kNumerical), &Scenario::tourism, f);
  };
  // Demand.
  d("tourism.base_nights", "visitor-nights/month", in(0, 2e7),
    "N0: leisure visitor-nights per month at reference brand and base prices (net of congress "
    "and cruise nights)",
    &P::base_nights, "2019 AMB order of magnitude (docs/TOURISM.md §4); calibrated in issue 5");
  {
    KeySpec s{.name = "tourism.season_profile",
              .type = KeyType::kList,
              .unit = "1 (January..December)",
              .allowed_text = "12 comma-separated numbers in [0, 3] with mean 1",
              .check = check_season_value,
              .check_list = check_season_profile,
              .source = "shape of Barcelona's monthly hotel stays (summer peak), approximate",
              .doc = "seasonal profile of leisure demand"};
    s.get = [](const Scenario& sc) {
      std::vector<std::string> out;
      for (double v : sc.tourism.season_profile) out.push_back(format_double(v));
      return KeyValue(out);
    };
    s.set = [](Scenario& sc, const KeyValue& v) {
      const auto& cells = std::get<std::vector<std::string>>(v);
      for (std::size_t m = 0; m < 12 && m < cells.size(); ++m)
        sc.tourism.season_profile[m] = std::strtod(cells[m].c_str(), nullptr);
    };
    k.push_back(std::move(s));
  }
  d("tourism.season_amplitude", "1", in(0, 2), "season = 1 + amplitude·(profile − 1)",
    &P::season_amplitude);
  d("tourism.awareness_ref", "1", in(0, 1, "(]"), "A0: metro awareness at which N0 holds",
    &P::awareness_ref);
  d("tourism.image_ref", "1", in(0, 1, "(]"), "Q0: metro image at which N0 holds", &P::image_ref);
  d("tourism.phi", "1", in(0, 3), "φ: elasticity of nights to awareness", &P::phi);
  d("tourism.psi", "1", in(0, 3), "ψ: elasticity of nights to image", &P::psi);
  d("tourism.price_elasticity", "1", in(0, 2), "ε_p: elasticity of nights to the guest price index",
    &P::price_elasticity, "tourism-demand literature, typically 0.5-1.0");
  d("tourism.nights_per_attendee", "nights", in(0, 10), "nights per congress attendee",
    &P::nights_per_attendee);
  d("tourism.cruise_passengers", "movements/month", in(0, 1e7),
    "cruise passenger movements offered to the port (an input path)", &P::cruise_passengers,
    "Port of Barcelona: 3.14 M movements in 2019 / 12");
  d("tourism.turnaround_share", "1", in(0, 1), "home-port (turnaround) share of cruise movements",
    &P::turnaround_share);
  d("tourism.nights_per_turnaround", "nights/movement", in(0, 7),
    "nights in the metro per turnaround movement", &P::nights_per_turnaround);
  d("tourism.day_trips", "visits/month", in(0, 1e7), "non-cruise day visits per month",
    &P::day_trips);
  d("tourism.cruise_local_share", "1", in(0, 1),
    "share of transit cruise visits spent in the terminal's zone", &P::cruise_local_share);
  d("tourism.day_visitor_weight", "1", in(0, 1), "w_d: weight of a day visit in pressure",
    &P::day_visitor_weight);
  d("tourism.nights_per_leisure_visitor", "nights", in(1, 30), "mean leisure stay",
    &P::nights_per_leisure_visitor, "2019 city: ~33 M stays / ~12 M tourists");
  // Allocation.
  d("tourism.beta_attraction", "utility", in(0, 20), "β_A: utility per unit attraction",
    &P::beta_attraction);
  d("tourism.beta_price", "utility per ln EUR", in(0, 10), "β_p: price disutility", &P::beta_price);
  d("tourism.beta_pressure", "utility per visitor per resident-day", in(0, 50),
    "β_P: crowding disutility of last month's pressure", &P::beta_pressure);
  d("tourism.nest_scale", "1", in(0, 1, "(]"), "μ: nest scale of the STR nest (1 = MNL)",
    &P::nest_scale);
  d("tourism.const_str_licensed", "utility", in(-10, 10), "α of licensed STR vs hotels",
    &P::const_str_licensed);
  d("tourism.const_str_unlicensed", "utility", in(-10, 10), "α of unlicensed STR vs hotels",
    &P::const_str_unlicensed);
  d("tourism.hotel_price_base", "EUR/visitor-night", in(0, 1000, "(]"),
    "hotel price per guest-night at start (nominal)", &P::hotel_price_base,
    "Barcelona hotel ADR order of magnitude: ~130 EUR per room-night / 1.9 guests");
  d("tourism.str_price_base", "EUR/visitor-night", in(0, 1000, "(]"),
    "STR price per guest-night at start (nominal)", &P::str_price_base,
    "Barcelona tourist-flat nightly rates, order of magnitude: ~120 EUR / 3.5 guests");
  d("tourism.price_floor", "× base price", in(0, 1, "(]"), "lowest clearing price / base",
    &P::price_floor);
  d("tourism.price_ceiling", "× base price", in(1, 20), "highest clearing price / base",
    &P::price_ceiling);
  d("tourism.target_occupancy_hotel", "1", in(0, 1, "(]"),
    "hotel bed occupancy at which prices are stable", &P::target_occupancy_hotel,
    "order of magnitude of Barcelona's bed occupancy");
  d("tourism.target_occupancy_str", "1", in(0, 1, "(]"), "STR occupancy at which prices are stable",
    &P::target_occupancy_str);
  d("tourism.price_step", "1", in(0, 1, "(]"), "η: damped tâtonnement step", &P::price_step,
    kNumerical);
  i("tourism.price_iterations", in(0, 1000), "tâtonnement iterations per month",
    &P::price_iterations);
  i("tourism.overflow_rounds", in(0, 10), "re-choice rounds for demand without a room",
    &P::overflow_rounds);
  d("tourism.str_guests_per_unit", "visitors/unit-night", in(1, 12),
    "guests per occupied STR unit-night", &P::str_guests_per_unit,
    "2017: 58,911 places in 9,657 licensed flats, not all filled");
  // Levers.
  d("tourism.tax_per_night", "EUR/visitor-night", in(0, 100), "lever: tourist tax per night",
    &P::tax_per_night, "policy lever; 2015 magnitude of the Catalan tax in Barcelona");
  d("tourism.tax_evasion_unlicensed", "1", in(0, 1), "share of the tax unlicensed units skip",
    &P::tax_evasion_unlicensed);
  d("tourism.str_licence_cap", "share of dwellings", in(0, 1),
    "lever: most licensed STR dwellings / all dwellings in a zone (1 = no cap)",
    &P::str_licence_cap, kLever, true);
  add(k,
      {.name = "tourism.register_frozen_core",
       .type = KeyType::kBool,
       .source = "Barcelona's 2014 licence moratorium and 2017 special plan (PEUAT)",
       .doc = "no new STR licences in core zones beyond the initial register"},
      &Scenario::tourism, &P::register_frozen_core);
  d("tourism.enforcement", "per month", in(0, 1),
    "lever: share of unlicensed STR units found and closed per month", &P::enforcement, kLever);
  d("tourism.dispersal", "intensity", in(0, 1),
    "lever: promotion of peripheral attractions (0 = none)", &P::dispersal, kLever);
  d("tourism.dispersal_gain", "attraction", in(0, 1),
    "attraction added to peripheral zones at "
    "dispersal 1",
    &P::dispersal_gain);
  d("tourism.cruise_cap", "movements/month", in(-1, 1e7),
    "lever: most cruise passenger movements per month (< 0 = no cap)", &P::cruise_cap, kLever);
  // Landlords' LTR ↔ STR choice.
  d("tourism.switching_cost", "EUR", in(0, 1e5), "c: one-off cost of switching use",
    &P::switching_cost);
  d("tourism.switching_sigma", "EUR/month", in(0, 1e4, "(]"),
    "σ: spread of landlords' switching thresholds", &P::switching_sigma);
  d("tourism.switching_max", "per month", in(0, 1), "h: largest monthly switching share",
    &P::switching_max);
  d("tourism.nonrenewal_max", "probability per renewal", in(0, 1),
    "largest probability that a renewing lease ends so the flat can become an STR",
    &P::nonrenewal_max);
  d("tourism.str_cost_share", "1", in(0, 1, "[)"), "operating costs / STR revenue",
    &P::str_cost_share);
  d("tourism.fine_unlicensed", "EUR", in(0, 1e6), "fine per unlicensed unit caught",
    &P::fine_unlicensed);
  d("tourism.licence_withdrawal", "per month", in(0, 1),
    "share of licences above the cap withdrawn per month", &P::licence_withdrawal);
  d("tourism.expectation_months", "months", in(1, 120),
    "smoothing of landlords' expected STR revenue", &P::expectation_months);
  d("tourism.unlicensed_per_licensed", "1", in(0, 5),
    "unlicensed STR units per licensed unit at start", &P::unlicensed_per_licensed);
}

}  // namespace metrosim::io::key_binding
