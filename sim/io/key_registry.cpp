// key_registry.cpp — parsing, checking and printing of scenario values by their KeySpec, and the
// typo suggestions used by every reader's messages.
#include "io/key_registry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace metrosim::io {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view strip_plus(std::string_view t) {
  if (t.size() > 1 && t[0] == '+' && (is_digit(t[1]) || t[1] == '.')) t.remove_prefix(1);
  return t;
}

bool looks_hex(std::string_view t) {
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  return t.size() > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
}

std::string format_bound(double v) {
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return format_double(v);
}

std::string range_text(const Range& r) {
  return std::string(r.lo_open ? "(" : "[") + format_bound(r.lo) + ", " + format_bound(r.hi) +
         (r.hi_open ? ")" : "]");
}

bool in_range(const Range& r, double v) {
  const bool lo_ok = r.lo_open ? v > r.lo : v >= r.lo;
  const bool hi_ok = r.hi_open ? v < r.hi : v <= r.hi;
  return lo_ok && hi_ok;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string check_text(const KeySpec& spec, const std::string& item) {
  for (char c : item)
    if (static_cast<unsigned char>(c) < 0x20) return "control character";
  return spec.check ? spec.check(item) : std::string();
}

}  // namespace

std::string format_double(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string parse_number(std::string_view text, double& out) {
  if (text.empty()) return "empty";
  const std::string_view t = strip_plus(text);
  if (t.find(',') != std::string_view::npos) return "decimal comma: use '.'";
  if (looks_hex(t)) return "hexadecimal is not accepted";
  const auto res = std::from_chars(t.data(), t.data() + t.size(), out, std::chars_format::general);
  if (res.ec == std::errc::invalid_argument) return "not a number";
  if (res.ec == std::errc::result_out_of_range) return "outside the range of a double";
  if (res.ptr != t.data() + t.size())
    return "trailing '" + std::string(res.ptr, t.data() + t.size()) + "'";
  if (!std::isfinite(out)) return "not a finite number";
  return "";
}

std::string parse_integer(std::string_view text, std::int64_t& out) {
  if (text.empty()) return "empty";
  const std::string_view t = strip_plus(text);
  double d = 0.0;
  if (t.find(',') != std::string_view::npos) return "',' in a number: use '.' for decimals";
  if (looks_hex(t)) return "hexadecimal is not accepted";
  const auto res = std::from_chars(t.data(), t.data() + t.size(), out, 10);
  if (res.ec == std::errc::result_out_of_range) return "too large";
  if (res.ec == std::errc::invalid_argument || res.ptr != t.data() + t.size()) {
    if (parse_number(t, d).empty()) return "not an integer";
    if (res.ec == std::errc::invalid_argument) return "not a number";
    return "trailing '" + std::string(res.ptr, t.data() + t.size()) + "'";
  }
  return "";
}

std::string type_name(KeyType type) {
  switch (type) {
    case KeyType::kDouble:
      return "double";
    case KeyType::kInt:
      return "int";
    case KeyType::kUInt64:
      return "uint64";
    case KeyType::kBool:
      return "bool";
    case KeyType::kString:
      return "string";
    case KeyType::kEnum:
      return "enum";
    case KeyType::kList:
      return "list of strings";
  }
  return "?";
}

std::string describe_allowed(const KeySpec& spec) {
  switch (spec.type) {
    case KeyType::kDouble:
      if (std::isinf(spec.range.lo) && std::isinf(spec.range.hi)) return "a finite number";
      return "a number in " + range_text(spec.range);
    case KeyType::kInt:
      if (!spec.choices.empty()) return "one of " + join(spec.choices, ", ");
      return "an integer in " + range_text(spec.range);
    case KeyType::kUInt64:
      return "an integer in [0, " +
             (std::isinf(spec.range.hi)
                  ? std::to_string(std::numeric_limits<std::uint64_t>::max())
                  : std::to_string(static_cast<std::uint64_t>(spec.range.hi))) +
             "]";
    case KeyType::kBool:
      return "true or false";
    case KeyType::kEnum:
      return "one of " + join(spec.choices, ", ");
    case KeyType::kString:
    case KeyType::kList:
      return spec.allowed_text.empty() ? "text" : spec.allowed_text;
  }
  return "?";
}

std::optional<KeyValue> parse_value(const KeySpec& spec, std::string_view text,
                                    std::string& error) {
  const std::string allowed = describe_allowed(spec);
  auto fail = [&](const std::string& problem) -> std::optional<KeyValue> {
    error = "expected " + allowed + ", got '" + std::string(text) + "'";
    if (!problem.empty()) error += " (" + problem + ")";
    return std::nullopt;
  };
  if (text.empty()) {
    if (spec.allow_empty && spec.type == KeyType::kString) return KeyValue(std::string());
    if (spec.allow_empty && spec.type == KeyType::kList)
      return KeyValue(std::vector<std::string>());
    error = "empty value; expected " + allowed;
    return std::nullopt;
  }
  switch (spec.type) {
    case KeyType::kDouble: {
      double v = 0.0;
      if (auto p = parse_number(text, v); !p.empty()) return fail(p);
      if (!in_range(spec.range, v)) return fail("out of range");
      return KeyValue(v);
    }
    case KeyType::kInt: {
      std::int64_t v = 0;
      if (auto p = parse_integer(text, v); !p.empty()) return fail(p);
      if (!spec.choices.empty()) {
        const auto s = std::to_string(v);
        if (std::find(spec.choices.begin(), spec.choices.end(), s) == spec.choices.end())
          return fail("not an allowed value");
      } else if (!in_range(spec.range, static_cast<double>(v))) {
        return fail("out of range");
      }
      return KeyValue(v);
    }
    case KeyType::kUInt64: {
      const std::string_view t = strip_plus(text);
      if (!t.empty() && t[0] == '-') return fail("negative");
      std::int64_t probe = 0;
      std::uint64_t v = 0;
      const auto res = std::from_chars(t.data(), t.data() + t.size(), v, 10);
      if (res.ec == std::errc::result_out_of_range) return fail("too large");
      if (res.ec != std::errc() || res.ptr != t.data() + t.size())
        return fail(parse_integer(t, probe));
      if (!std::isinf(spec.range.hi) && static_cast<double>(v) > spec.range.hi)
        return fail("too large");
      return KeyValue(v);
    }
    case KeyType::kBool:
      if (text == "true") return KeyValue(true);
      if (text == "false") return KeyValue(false);
      return fail("");
    case KeyType::kEnum:
      if (std::find(spec.choices.begin(), spec.choices.end(), text) != spec.choices.end())
        return KeyValue(std::string(text));
      return fail(closest(text, spec.choices).empty()
                      ? std::string()
                      : "did you mean '" + closest(text, spec.choices) + "'?");
    case KeyType::kString: {
      const std::string s(text);
      if (auto p = check_text(spec, s); !p.empty()) return fail(p);
      return KeyValue(s);
    }
    case KeyType::kList: {
      std::vector<std::string> items;
      std::size_t start = 0;
      while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string item = trim(text.substr(start, comma - start));
        if (item.empty()) return fail("empty item");
        if (auto p = check_text(spec, item); !p.empty()) return fail(p);
        items.push_back(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
      if (spec.check_list)
        if (auto p = spec.check_list(items); !p.empty()) return fail(p);
      return KeyValue(items);
    }
  }
  return fail("");
}

std::string format_value(const KeySpec& spec, const KeyValue& value) {
  (void)spec;
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>)
          return format_double(v);
        else if constexpr (std::is_same_v<T, bool>)
          return v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::string>)
          return v;
        else if constexpr (std::is_same_v<T, std::vector<std::string>>)
          return join(v, ",");
        else
          return std::to_string(v);
      },
      value);
}

const KeySpec* find_key(std::string_view name) {
  const auto& keys = scenario_keys();
  const auto it = std::lower_bound(keys.begin(), keys.end(), name,
                                   [](const KeySpec& k, std::string_view n) { return k.name < n; });
  return (it != keys.end() && it->name == name) ? &*it : nullptr;
}

bool shockable(const KeySpec& spec) {
  return spec.dynamic && (spec.type == KeyType::kDouble || spec.type == KeyType::kInt ||
                          spec.type == KeyType::kBool);
}

std::vector<std::string> scenario_sections() {
  std::set<std::string> sections;
  for (const KeySpec& k : scenario_keys()) sections.insert(k.section());
  return {sections.begin(), sections.end()};
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent transpositions.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::string best;
  std::size_t best_d = limit + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string c = closest(word, candidates);
  return c.empty() ? std::string() : "; did you mean '" + c + "'?";
}

}  // namespace metrosim::io
