// shocks_reader.cpp — see shocks_reader.hpp.
#include "io/shocks_reader.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "io/csv_reader.hpp"
#include "io/csv_schema.hpp"
#include "io/key_registry.hpp"
#include "io/sha256.hpp"

namespace metrosim::io {

namespace fs = std::filesystem;
using csv::Cell;
using csv::Column;
using csv::Diags;
using csv::RowValues;

namespace {

// Dates and the op are checked here rather than by Cell kinds, to say what they mean.
const std::vector<Column> kShockColumns = {
    {"id", Cell::kCode, true},     {"start", Cell::kText, true}, {"end", Cell::kText, false},
    {"target", Cell::kText, true}, {"op", Cell::kText, true},    {"value", Cell::kText, true},
    {"source", Cell::kText, true}};

constexpr const char* kWindowRule =
    "an entry is in force in the months start <= m < end (end = the first month without it; "
    "empty = permanent)";

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

double to_double(const KeyValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
  throw std::logic_error("shock target of a non-numeric key type");
}

KeyValue from_double(const KeySpec& spec, double v) {
  if (spec.type == KeyType::kInt) return KeyValue(static_cast<std::int64_t>(std::llround(v)));
  if (spec.type == KeyType::kBool) return KeyValue(v != 0.0);
  return KeyValue(v);
}

bool in_range(const Range& r, double v) {
  return (r.lo_open ? v > r.lo : v >= r.lo) && (r.hi_open ? v < r.hi : v <= r.hi);
}

std::vector<std::string> shockable_key_names() {
  std::vector<std::string> out;
  for (const KeySpec& k : scenario_keys())
    if (shockable(k)) out.push_back(k.name);
  return out;
}

std::vector<std::string> per_zone_key_names() {
  std::vector<std::string> out;
  for (const KeySpec& k : scenario_keys())
    if (k.per_zone) out.push_back(k.name);
  return out;
}

void bind(model::Shock& e, const KeySpec* spec) {
  e.per_zone_key = spec->per_zone;
  e.get = [spec](const model::Scenario& s) { return to_double(spec->get(s)); };
  e.set = [spec](model::Scenario& s, double x) { spec->set(s, from_double(*spec, x)); };
}

class Reader {
 public:
  Reader(const std::vector<std::string>& zone_codes, Diags& diags)
      : zone_codes_(zone_codes), diags_(diags) {}

  /// Reads one calendar file; returns its entries in file order (rows with problems left out).
  std::vector<model::Shock> read(const std::string& path, const char* key,
                                 std::map<std::string, std::string>& sha256,
                                 const std::string& sha_name) {
    std::vector<model::Shock> out;
    std::string bytes, error;
    if (!read_file_bytes(path, bytes, error)) {
      diags_.push_back({path, 0, key, "cannot read shocks file: " + error});
      return out;
    }
    sha256[sha_name] = sha256_hex(bytes);
    CsvTable table;
    if (!parse_csv(bytes, path, table, diags_, /*allow_no_rows=*/true)) return out;
    csv::check_table(
        table, kShockColumns, {},
        [&](const CsvRow& row, const RowValues& v) {
          if (auto e = parse_row(path, row.line, v)) out.push_back(std::move(*e));
        },
        diags_);
    return out;
  }

 private:
  void problem(const std::string& path, int line, const char* column, std::string message) {
    diags_.push_back({path, line, column, std::move(message)});
  }

  static const std::string& text(const RowValues& v, const char* column) {
    static const std::string empty;
    const auto it = v.find(column);
    return it == v.end() ? empty : it->second.first;
  }

  /// "P|Q|..." -> the zone codes (in region order) matched by any pattern; false on a problem.
  bool expand_zones(const std::string& path, int line, const std::string& patterns,
                    std::vector<std::string>& out) {
    std::vector<std::string> list;
    std::size_t from = 0;
    while (true) {
      const std::size_t bar = patterns.find('|', from);
      list.push_back(patterns.substr(from, bar - from));
      if (bar == std::string::npos) break;
      from = bar + 1;
    }
    bool ok = true;
    for (const std::string& p : list) {
      if (p.empty() || p.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789_-*?") != std::string::npos) {
        problem(path, line, "target",
                "bad zone pattern '" + p + "' after '@'; expected zone codes or globs (letters, " +
                    "digits, _ - * ?) separated by '|', e.g. key@0801901|0801902 or key@08019*");
        ok = false;
        continue;
      }
      bool any = false;
      for (const std::string& c : zone_codes_) any |= ::fnmatch(p.c_str(), c.c_str(), 0) == 0;
      if (any) continue;
      std::vector<std::string> parts;  // a municipality split into districts
      for (const std::string& c : zone_codes_)
        if (c.size() == p.size() + 2 && c.rfind(p, 0) == 0) parts.push_back(c);
      const std::string hint = parts.empty() ? did_you_mean(p, zone_codes_)
                                             : "; it is split into zones " + join(parts, ", ") +
                                                   ": write " + p + "* for all of them";
      problem(path, line, "target",
              "zone pattern '" + p + "' matches no zone code of the region" + hint);
      ok = false;
    }
    if (!ok) return false;
    for (const std::string& c : zone_codes_)
      for (const std::string& p : list)
        if (::fnmatch(p.c_str(), c.c_str(), 0) == 0) {
          out.push_back(c);
          break;
        }
    return true;
  }

  std::optional<model::Shock> parse_row(const std::string& path, int line, const RowValues& v) {
    model::Shock e;
    bool ok = true;
    e.id = text(v, "id");
    e.file = path;
    e.line = line;
    e.source = text(v, "source");
    const std::string& start = text(v, "start");
    if (!core::parse_year_month(start, e.start)) {
      problem(path, line, "start",
              "expected a month YYYY-MM with year in [1900, 2200], got '" + start + "'");
      ok = false;
    }
    if (const std::string& end = text(v, "end"); !end.empty()) {
      core::YearMonth ym;
      if (!core::parse_year_month(end, ym)) {
        problem(path, line, "end",
                "expected a month YYYY-MM with year in [1900, 2200] or an empty cell (permanent), "
                "got '" +
                    end + "'");
        ok = false;
      } else if (ok && ym <= e.start) {
        problem(path, line, "end",
                "end " + end + " is not after start " + start + ": the window is empty; " +
                    kWindowRule);
        ok = false;
      } else {
        e.end = ym;
      }
    }
    e.target = text(v, "target");
    const std::size_t at = e.target.find('@');
    e.key = e.target.substr(0, at);
    const KeySpec* spec = find_key(e.key);
    if (spec == nullptr) {
      problem(path, line, "target",
              "unknown key '" + e.key + "'" + did_you_mean(e.key, shockable_key_names()) +
                  " (expected section.key of a key the calendar may change: `metrosim keys`, "
                  "column shocks)");
      return std::nullopt;
    }
    if (!spec->dynamic) {
      problem(path, line, "target",
              "key '" + e.key +
                  "' only shapes the initial world or the run and is not read mid-run, so it "
                  "cannot be a shock target (`metrosim keys`, column shocks)");
      return std::nullopt;
    }
    if (!shockable(*spec)) {
      problem(path, line, "target",
              "key '" + e.key + "' is of type " + type_name(spec->type) +
                  "; shocks target numbers and booleans only");
      return std::nullopt;
    }
    e.per_zone_key = spec->per_zone;
    if (at != std::string::npos) {
      if (!spec->per_zone) {
        problem(path, line, "target",
                "key '" + e.key + "' takes no per-zone value; expected '" + e.key +
                    "' without '@' (per-zone keys: " + join(per_zone_key_names(), ", ") + ")");
        ok = false;
      } else if (!expand_zones(path, line, e.target.substr(at + 1), e.zones)) {
        ok = false;
      }
    }
    const std::string& op = text(v, "op");
    const std::string& value = text(v, "value");
    e.value_text = value;
    if (op == "set") {
      e.op = model::ShockOp::kSet;
      std::string error;
      if (auto parsed = parse_value(*spec, value, error)) {
        e.value = to_double(*parsed);
      } else {
        problem(path, line, "value", e.key + ": " + error);
        ok = false;
      }
    } else if (op == "multiply") {
      e.op = model::ShockOp::kMultiply;
      if (spec->type != KeyType::kDouble) {
        problem(path, line, "op",
                "multiply needs a real-valued key; '" + e.key + "' is of type " +
                    type_name(spec->type) + ": use set");
        ok = false;
      } else if (auto p = parse_number(value, e.value); !p.empty() || e.value < 0) {
        problem(path, line, "value",
                e.key + ": expected a multiplier >= 0, got '" + value + "'" +
                    (p.empty() ? std::string(" (negative)") : " (" + p + ")"));
        ok = false;
      }
    } else {
      problem(path, line, "op",
              "expected set or multiply, got '" + op + "'" + did_you_mean(op, {"set", "multiply"}));
      ok = false;
    }
    if (!ok) return std::nullopt;
    bind(e, spec);
    return e;
  }

  const std::vector<std::string>& zone_codes_;
  Diags& diags_;
};

/// A multiplied value must stay inside its key's range in every month of the run (set values
/// were checked when read). Blames the last multiply in force when the result leaves the range.
void check_ranges(const model::Scenario& s, const std::vector<model::Shock>& entries,
                  const std::vector<std::string>& zone_codes, Diags& diags) {
  core::YearMonth first;
  if (!core::parse_year_month(s.run.start, first)) return;  // reported by the loader
  const core::Calendar calendar(first);
  std::set<const model::Shock*> blamed;
  std::vector<const model::Shock*> here;
  for (const model::Shock& target : entries) {
    if (&target != &*std::find_if(entries.begin(), entries.end(),
                                  [&](const auto& e) { return e.key == target.key; }))
      continue;  // each key once
    const KeySpec& spec = *find_key(target.key);
    const double plain = target.get(s);
    std::vector<std::pair<std::string, double>> bases{{"", plain}};  // "" = the plain value
    if (target.per_zone_key)
      for (const std::string& code : zone_codes) {
        double base = plain;
        for (const model::ZoneOverride& o : s.zone_overrides)
          if (o.key == target.key && o.zone_code == code) base = o.value;
        bases.emplace_back(code, base);
      }
    for (core::Step t = 0; t < static_cast<core::Step>(s.run.steps); ++t) {
      const core::YearMonth m = calendar.at(t);
      for (const auto& [code, base] : bases) {
        here.clear();
        const model::Shock* last_multiply = nullptr;
        for (const model::Shock& e : entries) {
          if (e.key != target.key || (code.empty() ? !e.zones.empty() : !e.applies_to(code)))
            continue;
          here.push_back(&e);
          if (e.active(m)) last_multiply = e.op == model::ShockOp::kMultiply ? &e : nullptr;
        }
        const double v = model::effective_value(base, here, m);
        if (in_range(spec.range, v) || last_multiply == nullptr ||
            !blamed.insert(last_multiply).second)
          continue;
        diags.push_back({last_multiply->file, last_multiply->line, "value",
                         target.key + ": the multiplied value " + format_double(v) + " in " +
                             core::format_year_month(m) +
                             (code.empty() ? std::string() : " (zone " + code + ")") +
                             " is outside the key's range; expected " + describe_allowed(spec)});
      }
    }
  }
}

}  // namespace

std::vector<model::Shock> read_shocks(const LoadedScenario& loaded, const std::string& region_dir,
                                      const std::vector<std::string>& zone_codes,
                                      std::map<std::string, std::string>& sha256) {
  const model::Scenario& s = loaded.scenario;
  Diags diags;
  Reader reader(zone_codes, diags);
  std::vector<model::Shock> all;
  if (!s.shocks.file.empty())
    all = reader.read((fs::path(region_dir) / s.shocks.file).string(), "shocks.file", sha256,
                      fs::path(s.shocks.file).filename().string());
  const std::size_t n_region = all.size();
  if (!s.shocks.extra.empty()) {
    auto extra = reader.read(s.shocks.extra, "shocks.extra", sha256, s.shocks.extra);
    for (auto& e : extra) {
      const auto first =
          std::find_if(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n_region),
                       [&](const model::Shock& r) { return r.id == e.id; });
      if (first != all.begin() + static_cast<std::ptrdiff_t>(n_region)) {
        diags.push_back(
            {e.file, e.line, "id",
             "duplicate id '" + e.id + "' (first at " + first->file + ":" +
                 std::to_string(first->line) +
                 "); ids are unique over shocks.file and shocks.extra: to replace a "
                 "region entry, disable it (shocks.disable) and add one with a new id"});
        continue;
      }
      all.push_back(std::move(e));
    }
  }
  // shocks.disable: every id must name an entry (a typo would silently keep the entry on).
  std::vector<std::string> ids;
  for (const model::Shock& e : all) ids.push_back(e.id);
  const auto origin = loaded.origin.find("shocks.disable");
  for (const std::string& id : s.shocks.disable) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
    diags.push_back({origin == loaded.origin.end() ? loaded.source : origin->second.first,
                     origin == loaded.origin.end() ? 0 : origin->second.second, "shocks.disable",
                     "unknown shock id '" + id + "'" + did_you_mean(id, ids) +
                         " (expected ids of the entries in shocks.file or shocks.extra)"});
  }
  std::vector<model::Shock> enabled;
  for (model::Shock& e : all)
    if (std::find(s.shocks.disable.begin(), s.shocks.disable.end(), e.id) == s.shocks.disable.end())
      enabled.push_back(std::move(e));
  if (diags.empty()) check_ranges(s, enabled, zone_codes, diags);
  if (!diags.empty()) throw InputError(std::move(diags));
  return enabled;
}

std::vector<std::string> shock_warnings(const LoadedScenario& loaded,
                                        const std::vector<model::Shock>& entries) {
  const model::Scenario& s = loaded.scenario;
  const model::Scenario defaults;
  core::YearMonth first;
  if (!core::parse_year_month(s.run.start, first)) return {};
  const core::YearMonth after = core::Calendar(first).at(static_cast<core::Step>(s.run.steps));
  std::vector<std::string> out;
  for (const model::Shock& e : entries) {
    if (e.op != model::ShockOp::kSet || !e.zones.empty()) continue;
    if (!(e.start < after && (!e.end || first < *e.end))) continue;  // outside the run
    const auto origin = loaded.origin.find(e.key);
    if (origin == loaded.origin.end() || e.get(s) == e.get(defaults)) continue;
    out.push_back(e.key + " = " + format_double(e.get(s)) + " (" + origin->second.first + ":" +
                  std::to_string(origin->second.second) + ") is replaced by shock entry '" + e.id +
                  "' (" + e.file + ":" + std::to_string(e.line) + ") from " +
                  core::format_year_month(e.start) +
                  (e.end ? " until " + core::format_year_month(*e.end) : std::string(" on")) +
                  "; add '" + e.id + "' to shocks.disable to keep the scenario's value");
  }
  return out;
}

void bind_shock(model::Shock& e) {
  const KeySpec* spec = find_key(e.key);
  if (spec == nullptr || !shockable(*spec))
    throw std::invalid_argument("not a shockable key: " + e.key);
  bind(e, spec);
}

std::string format_shocks_csv(const std::vector<model::Shock>& entries) {
  auto field = [](const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string out = "id,start,end,target,zones,op,value,source,origin\n";
  for (const model::Shock& e : entries) {
    out += field(e.id) + "," + core::format_year_month(e.start) + "," +
           (e.end ? core::format_year_month(*e.end) : std::string()) + "," + field(e.target) + "," +
           field(join(e.zones, " ")) + "," + model::kShockOpNames[static_cast<int>(e.op)] + "," +
           field(e.value_text) + "," + field(e.source) + "," +
           field(e.file + ":" + std::to_string(e.line)) + "\n";
  }
  return out;
}

}  // namespace metrosim::io
