// key_binding.hpp — helpers that bind scenario keys to Scenario fields (internal to the key
// registry's source files: scenario_keys*.cpp). Each key's getter and setter touch one field.
#pragma once
#include <string>
#include <type_traits>
#include <vector>

#include "io/key_registry.hpp"
#include "model/scenario.hpp"

namespace metrosim::io::key_binding {

using model::Scenario;
using Keys = std::vector<KeySpec>;

inline constexpr const char* kSwept = "assumption (swept)";
inline constexpr const char* kRun = "run control";
inline constexpr const char* kRegionData = "region data (scenarios/barcelona-amb/SOURCES.md)";

/// shape is "[]", "(]", "[)" or "()": which bounds are excluded.
inline Range in(double lo, double hi, const char* shape = "[]") {
  return Range{lo, hi, shape[0] == '(', shape[1] == ')'};
}

/// A double-valued key (the common case); bind it with add().
inline KeySpec dbl(const char* name, const char* unit, Range r, const char* doc,
                   const char* source = kSwept, bool per_zone = false) {
  return {.name = name,
          .type = KeyType::kDouble,
          .unit = unit,
          .range = r,
          .per_zone = per_zone,
          .source = source,
          .doc = doc};
}

template <class F>
KeyValue to_value(const F& v) {
  if constexpr (std::is_same_v<F, bool> || std::is_same_v<F, double> ||
                std::is_same_v<F, std::uint64_t> || std::is_same_v<F, std::string> ||
                std::is_same_v<F, std::vector<std::string>>)
    return KeyValue(v);
  else
    return KeyValue(static_cast<std::int64_t>(v));
}

template <class F>
F from_value(const KeyValue& v) {
  if constexpr (std::is_same_v<F, bool> || std::is_same_v<F, double> ||
                std::is_same_v<F, std::uint64_t> || std::is_same_v<F, std::string> ||
                std::is_same_v<F, std::vector<std::string>>)
    return std::get<F>(v);
  else
    return static_cast<F>(std::get<std::int64_t>(v));  // range-checked by parse_value
}

/// Registers `k` bound to field `f` of parameter group `g`.
template <class G, class F>
void add(Keys& keys, KeySpec k, G Scenario::*g, F G::*f) {
  k.get = [g, f](const Scenario& s) { return to_value<F>(s.*g.*f); };
  k.set = [g, f](Scenario& s, const KeyValue& v) { s.*g.*f = from_value<F>(v); };
  keys.push_back(std::move(k));
}

/// A field two levels down: s.*g.*h.*f (e.g. Scenario::migration.student.arrivals_per_year).
template <class G, class H, class F>
void add(Keys& keys, KeySpec k, G Scenario::*g, H G::*h, F H::*f) {
  k.get = [g, h, f](const Scenario& s) { return to_value<F>(s.*g.*h.*f); };
  k.set = [g, h, f](Scenario& s, const KeyValue& v) { s.*g.*h.*f = from_value<F>(v); };
  keys.push_back(std::move(k));
}

/// Keys of the migration and talent sections (scenario_keys_migration.cpp).
void add_migration_keys(Keys& k);
void add_tourism_keys(Keys& k);

/// Keys of housing supply, asset prices, rent regulation ([housing]) and investors
/// ([investors]) (scenario_keys_supply.cpp).
void add_supply_keys(Keys& k);
/// Keys of the labour section (scenario_keys_labour.cpp).
void add_labour_keys(Keys& k);
/// Keys of the externalities section (scenario_keys_externalities.cpp).
void add_externality_keys(Keys& k);
/// Keys of the events, evaluation, networks and funding sections (scenario_keys_events.cpp).
void add_events_keys(Keys& k);
/// Keys of governance, agencies, politics, ring-fenced lines, promoters, incentives and brands
/// (scenario_keys_governance.cpp).
void add_governance_brand_keys(Keys& k);
/// Keys of the investment and firms sections (scenario_keys_investment.cpp).
void add_investment_keys(Keys& k);

}  // namespace metrosim::io::key_binding
