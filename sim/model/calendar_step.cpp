// calendar_step.cpp — see calendar_step.hpp.
#include "model/calendar_step.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace metrosim::model {

namespace {

/// The override of (key, code) in `overrides`, or nullptr.
template <class Overrides>
auto* find_override(Overrides& overrides, const std::string& key, const std::string& code) {
  const auto it = std::find_if(overrides.begin(), overrides.end(), [&](const ZoneOverride& o) {
    return o.key == key && o.zone_code == code;
  });
  return it == overrides.end() ? nullptr : &*it;
}

/// A per-zone key: writes the effective value of every zone that has its own value (an override
/// in the resolved scenario, or named by an entry) as an override. Zones without one take the
/// plain value, to which the entries without zones were applied already.
void apply_zoned(World& w, const std::string& key, std::span<const Shock* const> on_key,
                 double resolved_plain, core::YearMonth m) {
  std::vector<std::string> codes;
  for (const ZoneOverride& o : w.resolved.zone_overrides)
    if (o.key == key) codes.push_back(o.zone_code);
  for (const Shock* e : on_key) codes.insert(codes.end(), e->zones.begin(), e->zones.end());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::vector<const Shock*> here;
  for (const std::string& code : codes) {
    const ZoneOverride* base = find_override(w.resolved.zone_overrides, key, code);
    here.clear();
    for (const Shock* e : on_key)
      if (e->applies_to(code)) here.push_back(e);
    const double v = effective_value(base ? base->value : resolved_plain, here, m);
    if (ZoneOverride* o = find_override(w.scenario.zone_overrides, key, code))
      o->value = v;
    else
      w.scenario.zone_overrides.push_back({key, code, v, "shocks calendar", 0});
  }
}

}  // namespace

void apply_shocks(World& w, core::Step t) {
  const std::vector<Shock>& entries = w.resolved.shock_entries;
  if (entries.empty()) return;
  const core::YearMonth m = w.calendar.at(t);
  std::vector<std::string> keys;  // distinct targets in order of first appearance
  for (const Shock& e : entries)
    if (std::find(keys.begin(), keys.end(), e.key) == keys.end()) keys.push_back(e.key);
  bool zoned = false;
  std::vector<const Shock*> on_key, plain;
  for (const std::string& key : keys) {
    on_key.clear();
    plain.clear();
    for (const Shock& e : entries) {
      if (e.key != key) continue;
      on_key.push_back(&e);
      if (e.zones.empty()) plain.push_back(&e);
    }
    const Shock& first = *on_key.front();
    const double resolved = first.get(w.resolved);
    first.set(w.scenario, effective_value(resolved, plain, m));
    if (first.per_zone_key) {
      apply_zoned(w, key, on_key, resolved, m);
      zoned = true;
    }
  }
  if (zoned) refresh_zone_parameters(w);
}

}  // namespace metrosim::model
