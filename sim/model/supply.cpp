// supply.cpp — see supply.hpp.
#include "model/supply.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace metrosim::model {

namespace {
constexpr auto kLtr = static_cast<std::size_t>(agents::Tenure::kLtr);
}  // namespace

std::vector<double> zone_parameter(const Scenario& s, const agents::Zones& zones,
                                   std::string_view key, double fallback) {
  std::vector<double> v(zones.size(), fallback);
  for (const auto& o : s.zone_overrides) {
    if (o.key != key) continue;
    for (std::size_t z = 0; z < zones.size(); ++z)
      if (zones.code[z] == o.zone_code) v[z] = o.value;
  }
  return v;
}

void resolve_supply_zone_parameters(World& w) {
  w.construction.social_weight = zone_parameter(w.scenario, w.zones, "housing.social_weight",
                                                w.scenario.construction.social_weight);
}

void init_supply(World& w) {
  const Scenario& s = w.scenario;
  mechanisms::init_asset_prices(s.asset_price, s.asset_price.interest_rate, w.zones.rent_market,
                                w.asset);
  mechanisms::init_construction(s.construction, s.agents.scale, w.asset.price, w.zones,
                                w.construction);
  resolve_supply_zone_parameters(w);
  mechanisms::init_investors(
      s.investors, w.zones,
      zone_parameter(s, w.zones, "investors.initial_large_share", s.investors.initial_large_share),
      w.investors);
  w.supply_flows.reset(w.zones.size());
  w.fund_flows.reset(w.zones.size());
  // Large holders' tenants at start: the occupied part of their units, drawn among LTR tenants.
  std::vector<std::int64_t> occupied(w.zones.size(), 0);
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    occupied[z] = mechanisms::occupied_in_transfer(
        w.investors.ltr_large[z], w.zones.occupied[z][kLtr], w.zones.stock[z][kLtr]);
  const core::StepContext init{-1, w.calendar, w.rng_key};
  mechanisms::transfer_tenants(init, core::Mechanism::kLandlord, occupied, w.households,
                               w.households.landlord);
}

std::vector<std::int64_t> occupied_large(const World& w) {
  // Integer counts: a serial pass is exact and order-free.
  std::vector<std::int64_t> n(w.zones.size(), 0);
  const auto& hh = w.households;
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (hh.landlord[i] == agents::LandlordType::kLarge && hh.zone[i] >= 0)
      ++n[static_cast<std::size_t>(hh.zone[i])];
  return n;
}

mechanisms::LtrVacancies ltr_vacancies(const World& w) {
  mechanisms::LtrVacancies v;
  v.all.resize(w.zones.size());
  v.large = occupied_large(w);
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    v.all[z] = w.zones.vacant(z, agents::Tenure::kLtr);
    v.large[z] = std::clamp<std::int64_t>(w.investors.ltr_large[z] - v.large[z], 0, v.all[z]);
  }
  return v;
}

std::vector<std::int64_t> convert_out_of_ltr(World& w, std::span<const std::int64_t> moved,
                                             core::Step t) {
  std::vector<std::int64_t> large_out(w.zones.size(), 0);
  std::vector<std::int64_t> occ;  // counted only when a zone converts out of LTR
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    if (moved[z] >= 0) continue;
    if (occ.empty()) occ = occupied_large(w);
    const std::int64_t n = -moved[z];
    // Vacant units before the conversion, by owner type (only vacant units convert).
    const std::int64_t vacant = w.zones.vacant(z, agents::Tenure::kLtr) + n;
    const std::int64_t vacant_large = std::max<std::int64_t>(0, w.investors.ltr_large[z] - occ[z]);
    const std::array<double, 2> weights = {static_cast<double>(vacant - vacant_large),
                                           static_cast<double>(vacant_large)};
    std::array<std::int64_t, 2> parts{};
    mechanisms::apportion(n, weights,
                          static_cast<std::size_t>((t + static_cast<core::Step>(z)) % 2), parts);
    large_out[z] = parts[1];
    w.investors.ltr_large[z] -= parts[1];
  }
  return large_out;
}

void step_supply(World& w, const core::StepContext& ctx) {
  const Scenario& s = w.scenario;
  resolve_supply_zone_parameters(w);
  mechanisms::update_asset_prices(s.asset_price, s.asset_price.interest_rate, w.zones.rent_market,
                                  w.asset);
  mechanisms::step_construction(s.construction, ctx.step, s.agents.scale, w.asset.price, w.zones,
                                w.construction, w.supply_flows);
  mechanisms::add_ltr_completions(s.investors, w.supply_flows.completions_ltr, w.investors);
  // Small landlords' stock and tenants before the purchases (completions are vacant).
  const std::size_t n = w.zones.size();
  const auto occ_large = occupied_large(w);
  std::vector<std::int64_t> small_stock(n), small_occupied(n), tenants(n, 0);
  for (std::size_t z = 0; z < n; ++z) {
    small_stock[z] = w.zones.stock[z][kLtr] - w.investors.ltr_large[z];
    small_occupied[z] = w.zones.occupied[z][kLtr] - occ_large[z];
  }
  mechanisms::fund_purchases(s.investors, s.agents.scale, w.zones.rent_market, w.asset.price,
                             w.zones, w.investors, w.fund_flows);
  bool any = false;
  for (std::size_t z = 0; z < n; ++z) {
    tenants[z] =
        mechanisms::occupied_in_transfer(w.fund_flows.units[z], small_occupied[z], small_stock[z]);
    any = any || tenants[z] > 0;
  }
  if (any)
    mechanisms::transfer_tenants(ctx, core::Mechanism::kLandlord, tenants, w.households,
                                 w.households.landlord);
}

void check_supply(const World& w) {
  mechanisms::check_construction(w.construction);
  mechanisms::check_investors(w.investors, w.zones);
  const auto occ = occupied_large(w);
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    if (occ[z] > w.investors.ltr_large[z])
      throw std::logic_error("zone " + w.zones.code[z] + ": " + std::to_string(occ[z]) +
                             " tenants of large holders but large holders own " +
                             std::to_string(w.investors.ltr_large[z]) + " LTR dwellings");
}

}  // namespace metrosim::model
