// supply.hpp — the housing-supply, asset-price and investor steps of a month (MODEL.md §7.9) on
// the world: initialisation, the monthly update after market rents, the landlord split of vacant
// LTR units that change use, and the invariants. The mechanisms live in mechanisms/housing/;
// this file only wires them to the world's stores (docs/HOUSING_SUPPLY.md §3).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/step_context.hpp"
#include "model/world.hpp"

namespace metrosim::model {

/// Per-zone value of a per-zone key: `fallback` overridden by `key@ZONE` entries of the scenario.
std::vector<double> zone_parameter(const Scenario& s, const agents::Zones& zones,
                                   std::string_view key, double fallback);

/// Re-derives the per-zone supply parameters from w.scenario (social-unit weights), so a scenario
/// changed mid-run acts from the month it changes.
void resolve_supply_zone_parameters(World& w);

/// Builds the supply state after zones, rents and households: asset prices at the start
/// interest rate, the construction pipeline, large holders' LTR stock by zone, and the landlord
/// column, giving occupied_in_transfer(ltr_large, occupied, stock) LTR tenants of each zone a
/// large landlord (keyed draws of core::Mechanism::kLandlord at step −1).
void init_supply(World& w);

/// LTR dwellings of large holders occupied by their tenants, by zone (counted from households).
std::vector<std::int64_t> occupied_large(const World& w);

/// Vacant LTR dwellings by zone, all and those of large holders (for the new-lease draw).
mechanisms::LtrVacancies ltr_vacancies(const World& w);

/// After vacant-stock tenure conversion (`moved` as returned by convert_vacant_tenure: negative
/// = LTR units that became owner-occupied): the converted units are split between small
/// landlords' and large holders' vacant LTR units by largest remainder, and the large part leaves
/// ltr_large. Returns the large holders' units converted, by zone.
std::vector<std::int64_t> convert_out_of_ltr(World& w, std::span<const std::int64_t> moved,
                                             core::Step t);

/// The month's supply step, after market rents: asset prices (interest rate read from
/// w.scenario), starts and completions, large holders' share of LTR completions, fund purchases
/// and the transfer of the purchased units' tenants to large landlords. Flows go to
/// w.supply_flows and w.fund_flows.
void step_supply(World& w, const core::StepContext& ctx);

/// Throws std::logic_error naming the breach: the construction pipeline, 0 ≤ ltr_large ≤ LTR
/// stock, and occupied large-holder dwellings ≤ ltr_large in every zone.
void check_supply(const World& w);

}  // namespace metrosim::model
