// shock.hpp — one dated entry of the shocks and regulations calendar (MODEL.md §6, §3 step 1):
// in the months [start, end) a scenario key takes a set value or a multiple of the value the
// scenario resolved; outside them the resolved value holds. io/shocks_reader builds entries from
// CSV and binds them to their key's getter and setter; model/calendar_step applies them.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/calendar.hpp"

namespace metrosim::model {

struct Scenario;

enum class ShockOp : std::uint8_t { kSet, kMultiply };
inline constexpr const char* kShockOpNames[] = {"set", "multiply"};

struct Shock {
  std::string id;         ///< unique over the region's file and the scenario's extra file
  core::YearMonth start;  ///< first month in force
  std::optional<core::YearMonth> end;  ///< first month no longer in force; nullopt = permanent
  std::string target;                  ///< as written: "housing.rent_cap" or "key@PATTERN|PATTERN"
  std::string key;                     ///< "section.key"
  /// Zone codes the entry applies to; empty = the key's plain value (and, for a per-zone key,
  /// every zone).
  std::vector<std::string> zones;
  bool per_zone_key = false;  ///< the key admits `key@ZONE` overrides
  ShockOp op = ShockOp::kSet;
  double value = 0.0;      ///< booleans as 0/1, integers exact
  std::string value_text;  ///< as written, for the output listing
  std::string source;      ///< the public document the entry rests on
  std::string file;        ///< the calendar file it was read from (for messages and the output)
  int line = 0;            ///< its CSV line
  /// The key's value in a scenario, and the registry's setter (the path of `--set`).
  std::function<double(const Scenario&)> get;
  std::function<void(Scenario&, double)> set;

  bool active(core::YearMonth m) const { return start <= m && (!end || m < *end); }
  /// True when the entry applies to `zone_code` (always for an entry without zones).
  bool applies_to(const std::string& zone_code) const;
};

/// The value of one target in month `m`: the entries, in order, applied to the value the
/// scenario resolved. `set` replaces the running value, `multiply` scales it; inactive entries are
/// skipped. Every month starts again from `resolved`, so nothing compounds over time.
double effective_value(double resolved, std::span<const Shock* const> entries, core::YearMonth m);

}  // namespace metrosim::model
