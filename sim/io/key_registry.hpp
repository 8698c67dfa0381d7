// key_registry.hpp — the table of scenario keys: for each `section.key` its type, unit, default,
// allowed values, source and one setter/getter pair bound to a model::Scenario field. The table
// itself lives in scenario_keys.cpp; this header holds the machinery that parses, checks and
// prints values by a key's spec, so no other file looks keys up by string.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/scenario.hpp"

namespace metrosim::io {

enum class KeyType { kDouble, kInt, kUInt64, kBool, kString, kEnum, kList };

/// A parsed value; the alternative follows the key's type (kInt -> int64, kEnum -> string).
using KeyValue =
    std::variant<double, std::int64_t, std::uint64_t, bool, std::string, std::vector<std::string>>;

/// Numeric bounds; an infinite bound is no bound. `lo_open` means lo itself is excluded.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  bool hi_open = false;
};

struct KeySpec {
  std::string name{};  ///< "section.key"
  KeyType type = KeyType::kDouble;
  std::string unit{};                  ///< "" when dimensionless text
  Range range{};                       ///< kDouble and kInt
  std::vector<std::string> choices{};  ///< kEnum choices, or the only allowed kInt values
  bool per_zone = false;               ///< accepts `key@ZONE = value`
  bool per_agency = false;             ///< accepts `key@AGENCY = value` (agency code)
  bool allow_empty = false;            ///< "" is a meaningful value (kString, kList)
  bool is_path = false;                ///< relative values resolve against the including file's dir
  /// Read by the model every month where used, so the shocks calendar may change it mid-run.
  /// False for keys that only shape the initial world or the run (run.*, agents.*, region.*,
  /// output.*, shocks.*, ...): a shock on them would silently do nothing, so it is refused.
  bool dynamic = true;
  std::string allowed_text{};  ///< kString/kList: what is allowed, in words
  /// kString/kList extra check: returns "" when fine, else what is wrong.
  std::function<std::string(const std::string&)> check{};
  /// kList check of the whole list (count, sum): returns "" when fine, else what is wrong.
  std::function<std::string(const std::vector<std::string>&)> check_list{};
  std::string source{};  ///< where the default comes from: data named, or "assumption (swept)"
  std::string doc{};     ///< one line
  std::function<KeyValue(const model::Scenario&)> get{};
  std::function<void(model::Scenario&, const KeyValue&)> set{};

  std::string section() const { return name.substr(0, name.find('.')); }
  std::string key() const { return name.substr(name.find('.') + 1); }
};

/// Every scenario key, sorted by name; defined in scenario_keys.cpp.
const std::vector<KeySpec>& scenario_keys();
/// nullptr when `name` ("section.key") is not registered.
const KeySpec* find_key(std::string_view name);
/// True when the shocks calendar may target the key: dynamic and of type double, int or bool.
bool shockable(const KeySpec& spec);
/// Section names, sorted.
std::vector<std::string> scenario_sections();

/// Strict number parsing shared by the INI and CSV readers: the whole token in decimal or
/// exponent notation, an optional leading '+', no hex, no decimal comma, finite. Return "" when
/// fine, else what is wrong with the token (the caller adds what is allowed).
std::string parse_number(std::string_view text, double& out);
std::string parse_integer(std::string_view text, std::int64_t& out);

/// Parses `text` (already trimmed) by the spec's type and checks range/choices/format. On failure
/// returns nullopt and sets `error` to what is wrong and what is allowed.
std::optional<KeyValue> parse_value(const KeySpec& spec, std::string_view text, std::string& error);
/// Canonical text of a value: doubles shortest round-trip (std::to_chars), lists joined by ','.
std::string format_value(const KeySpec& spec, const KeyValue& value);
std::string format_double(double v);
/// "an integer in [1, 1200]", "one of float64, float32", ...
std::string describe_allowed(const KeySpec& spec);
std::string type_name(KeyType type);

/// Edit distance (optimal string alignment: a swap of neighbours counts 1), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The closest candidate within distance max(1, size/3) (a likely typo), else "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
/// "; did you mean 'x'?" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace metrosim::io
