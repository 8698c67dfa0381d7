// scenario_loader.cpp — the base chain, key lookup and precedence of scenario values; the
// canonical printout and the key table. Syntax is ini_reader's, values are key_registry's.
#include "io/scenario_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "io/csv_reader.hpp"
#include "io/ini_reader.hpp"
#include "io/key_registry.hpp"

namespace metrosim::io {

namespace fs = std::filesystem;

namespace {

using Diags = std::vector<Diagnostic>;

struct Assignment {
  const KeySpec* spec = nullptr;
  std::string zone;  ///< "" for the plain key
  KeyValue value;
  std::string file;
  int line = 0;
};

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

std::vector<std::string> keys_of_section(const std::string& section) {
  std::vector<std::string> out;
  for (const KeySpec& k : scenario_keys())
    if (k.section() == section) out.push_back(k.key());
  return out;
}

/// "; did you mean 'section.key'?" for the registered key whose last part is closest to `key`.
std::string suggest_full_key(const std::string& key) {
  std::vector<std::string> parts;
  for (const KeySpec& k : scenario_keys()) parts.push_back(k.key());
  const std::string best = closest(key, parts);
  if (best.empty()) return "";
  for (const KeySpec& k : scenario_keys())
    if (k.key() == best) return "; did you mean '" + k.name + "'?";
  return "";
}

std::string per_zone_key_list() {
  std::vector<std::string> out;
  for (const KeySpec& k : scenario_keys())
    if (k.per_zone) out.push_back(k.name);
  return join(out, ", ");
}

bool known_section(const std::string& s) {
  const auto sections = scenario_sections();
  return std::find(sections.begin(), sections.end(), s) != sections.end();
}

std::string unknown_section_message(const std::string& section) {
  return "unknown section [" + section + "]" + did_you_mean(section, scenario_sections()) +
         " (expected one of: " + join(scenario_sections(), ", ") + ")";
}

/// Keys retired in favour of another (name, replacement): scenarios that still use them get told.
std::string retired_key_hint(const std::string& name) {
  static const std::pair<const char*, const char*> kRetired[] = {
      {"housing.lease_term_months", "investors.term_before_2019_months"},
      {"housing.renewal_reset", "investors.renewal_reset_small"},
      {"housing.eviction_at_renewal", "investors.non_renewal_small"},
  };
  for (const auto& [old_name, now] : kRetired)
    if (name == old_name)
      return std::string(
                 "; it was retired (lease terms, the reset at renewal and non-renewal "
                 "are now by landlord type): expected '") +
             now + "' instead (docs/HOUSING_SUPPLY.md)";
  return "";
}

std::string unknown_key_message(const std::string& section, const std::string& key) {
  const std::string retired = retired_key_hint(section + "." + key);
  if (!retired.empty()) return "unknown key '" + key + "' in [" + section + "]" + retired;
  std::string hint = did_you_mean(key, keys_of_section(section));
  if (hint.empty()) hint = suggest_full_key(key);
  return "unknown key '" + key + "' in [" + section + "]" + hint +
         " (expected one of: " + join(keys_of_section(section), ", ") + ")";
}

/// A relative path value resolved against `base_dir`, absolute and without a trailing '/'.
std::string resolve_path(const std::string& value, const fs::path& base_dir) {
  if (value.empty()) return value;
  std::string out = fs::absolute(base_dir / value).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

fs::path directory_of(const std::string& file) {
  const fs::path parent = fs::path(file).parent_path();
  return parent.empty() ? fs::current_path() : fs::absolute(parent);
}

/// Checks one `key[@zone] = value` and appends it to `out`, or reports why not.
void assign(const KeySpec& spec, bool has_zone, const std::string& zone, const std::string& text,
            const std::string& file, int line, const fs::path& base_dir,
            std::vector<Assignment>& out, Diags& diags) {
  const std::string shown = has_zone ? spec.name + "@" + zone : spec.name;
  if (has_zone && !spec.per_zone && !spec.per_agency) {
    diags.push_back({file, line, shown,
                     "per-zone override is not allowed for this key; expected 'key = value' "
                     "(only " +
                         per_zone_key_list() +
                         " take 'key@ZONE = value', and the [agencies] keys 'key@AGENCY = "
                         "value')"});
    return;
  }
  std::string error;
  std::optional<KeyValue> v = parse_value(spec, text, error);
  if (!v) {
    if (text.find(" #") != std::string::npos || text.find(" ;") != std::string::npos ||
        text.find("\t#") != std::string::npos)
      error += "; comments must be on a line of their own";
    diags.push_back({file, line, shown, error});
    return;
  }
  if (spec.is_path) *v = resolve_path(std::get<std::string>(*v), base_dir);
  out.push_back({&spec, zone, std::move(*v), file, line});
}

/// Reads `top` and its base chain; returns the files deepest base first.
std::vector<IniFile> read_chain(const std::string& top, Diags& diags) {
  std::vector<IniFile> chain;
  std::vector<fs::path> seen;
  std::string current = top, via_file, via_base;
  int via_line = 0;
  while (true) {
    std::string bytes, error;
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(current, ec);
    if (auto it = std::find(seen.begin(), seen.end(), canonical); it != seen.end()) {
      std::vector<std::string> names;
      for (const IniFile& f : chain) names.push_back(f.path);
      names.push_back(current);
      diags.push_back(
          {via_file, via_line, "base",
           "cyclic base chain: " + join(names, " -> ") + "; a scenario may not be its own base"});
      break;
    }
    if (!read_file_bytes(current, bytes, error)) {
      if (via_file.empty())
        diags.push_back({current, 0, "", "cannot read scenario file: " + error});
      else
        diags.push_back({via_file, via_line, "base",
                         "cannot read base file '" + via_base + "' (looked for '" + current +
                             "'): " + error + "; base paths are relative to the including file"});
      break;
    }
    chain.push_back(parse_ini(bytes, current, diags));
    seen.push_back(canonical);
    const IniFile& f = chain.back();
    if (f.base.empty()) break;
    via_file = current;
    via_line = f.base_line;
    via_base = f.base;
    const fs::path parent = fs::path(current).parent_path();
    current = (parent / f.base).lexically_normal().string();
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

void convert_file(const IniFile& f, std::vector<Assignment>& out, Diags& diags) {
  for (const IniSection& s : f.sections)
    if (!known_section(s.name))
      diags.push_back({f.path, s.line, s.name, unknown_section_message(s.name)});
  const fs::path base_dir = directory_of(f.path);
  for (const IniEntry& e : f.entries) {
    if (!known_section(e.section)) continue;  // reported at its header
    const KeySpec* spec = find_key(e.section + "." + e.key);
    if (spec == nullptr) {
      diags.push_back(
          {f.path, e.line, e.section + "." + e.key, unknown_key_message(e.section, e.key)});
      continue;
    }
    assign(*spec, e.has_zone, e.zone, e.value, f.path, e.line, base_dir, out, diags);
  }
}

void convert_sets(const std::vector<std::string>& sets, std::vector<Assignment>& out,
                  Diags& diags) {
  const fs::path cwd = fs::current_path();
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const int line = static_cast<int>(i + 1);
    const std::string& arg = sets[i];
    const std::size_t eq = arg.find('=');
    if (eq == std::string::npos) {
      diags.push_back(
          {"--set", line, arg, "missing '='; expected section.key=value (e.g. run.seed=7)"});
      continue;
    }
    std::string lhs(trim_blanks(std::string_view(arg).substr(0, eq)));
    const std::string value(trim_blanks(std::string_view(arg).substr(eq + 1)));
    std::string zone;
    const std::size_t at = lhs.find('@');
    const bool has_zone = at != std::string::npos;
    if (has_zone) {
      zone = lhs.substr(at + 1);
      lhs = lhs.substr(0, at);
    }
    const std::size_t dot = lhs.find('.');
    if (dot == std::string::npos) {
      diags.push_back({"--set", line, lhs,
                       "expected section.key=value (e.g. run.seed=7)" + suggest_full_key(lhs)});
      continue;
    }
    const std::string section = lhs.substr(0, dot), key = lhs.substr(dot + 1);
    if (!known_section(section)) {
      diags.push_back({"--set", line, lhs, unknown_section_message(section)});
      continue;
    }
    const KeySpec* spec = find_key(lhs);
    if (spec == nullptr) {
      diags.push_back({"--set", line, lhs, unknown_key_message(section, key)});
      continue;
    }
    if (has_zone &&
        (zone.empty() || zone.find_first_not_of(
                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
                             std::string::npos)) {
      diags.push_back(
          {"--set", line, lhs + "@" + zone,
           "bad zone code '" + zone +
               "' after '@'; expected a non-empty code of letters, digits, '_' or '-'"});
      continue;
    }
    if (!value.empty() && (value[0] == '"' || value[0] == '\'')) {
      diags.push_back(
          {"--set", line, lhs, "quoted value " + value + "; expected the value without quotes"});
      continue;
    }
    assign(*spec, has_zone, zone, value, "--set", line, cwd, out, diags);
  }
}

/// Cross-key rules that no single range can express.
void check_consistency(const model::Scenario& s, const std::map<std::string, Assignment>& last,
                       Diags& diags) {
  const auto& r = s.region;
  if (r.ltr_vacant_share_of_nonprincipal + r.owner_vacant_share_of_nonprincipal > 1.0) {
    const char* key = last.count("region.owner_vacant_share_of_nonprincipal")
                          ? "region.owner_vacant_share_of_nonprincipal"
                          : "region.ltr_vacant_share_of_nonprincipal";
    const auto it = last.find(key);
    diags.push_back({it == last.end() ? std::string("<built-in default>") : it->second.file,
                     it == last.end() ? 0 : it->second.line, key,
                     "region.ltr_vacant_share_of_nonprincipal + "
                     "region.owner_vacant_share_of_nonprincipal is " +
                         format_double(r.ltr_vacant_share_of_nonprincipal +
                                       r.owner_vacant_share_of_nonprincipal) +
                         "; expected at most 1 (shares of the same non-principal dwellings)"});
  }
  const auto& c = s.construction;
  if (c.lag_min_months > c.lag_max_months) {
    const char* key =
        last.count("housing.lag_max_months") ? "housing.lag_max_months" : "housing.lag_min_months";
    const auto it = last.find(key);
    diags.push_back({it == last.end() ? std::string("<built-in default>") : it->second.file,
                     it == last.end() ? 0 : it->second.line, key,
                     "housing.lag_min_months is " + std::to_string(c.lag_min_months) +
                         " and housing.lag_max_months " + std::to_string(c.lag_max_months) +
                         "; expected lag_min_months <= lag_max_months"});
  }
}

/// Diagnostics ordered as a reader meets them: files of the chain in order, then --set; by line.
Diags in_reading_order(Diags diags, const std::vector<std::string>& files) {
  auto rank = [&](const Diagnostic& d) {
    const auto it = std::find(files.begin(), files.end(), d.file);
    return d.file == "--set" ? files.size() + 1 : static_cast<std::size_t>(it - files.begin());
  };
  std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(rank(a), a.line) < std::pair(rank(b), b.line);
  });
  return diags;
}

}  // namespace

LoadedScenario load_scenario(const std::string& file, const std::vector<std::string>& sets) {
  Diags diags;
  LoadedScenario out;
  out.source = file.empty() ? "<built-in default>" : file;
  std::vector<std::vector<Assignment>> layers;
  if (!file.empty()) {
    for (const IniFile& f : read_chain(file, diags)) {
      out.files.push_back(f.path);
      convert_file(f, layers.emplace_back(), diags);
    }
  }
  convert_sets(sets, layers.emplace_back(), diags);
  if (!diags.empty()) throw InputError(in_reading_order(std::move(diags), out.files));

  model::Scenario& s = out.scenario;
  std::map<std::string, Assignment> last;  // plain key -> the assignment that won
  for (const auto& layer : layers) {
    for (const Assignment& a : layer) {
      if (a.zone.empty()) {
        a.spec->set(s, a.value);
        last[a.spec->name] = a;
        continue;
      }
      const double v = std::get<double>(a.value);
      auto it = std::find_if(s.zone_overrides.begin(), s.zone_overrides.end(), [&](const auto& o) {
        return o.key == a.spec->name && o.zone_code == a.zone;
      });
      if (it == s.zone_overrides.end())
        s.zone_overrides.push_back({a.spec->name, a.zone, v, a.file, a.line});
      else
        *it = {a.spec->name, a.zone, v, a.file, a.line};
    }
  }
  std::sort(s.zone_overrides.begin(), s.zone_overrides.end(), [](const auto& x, const auto& y) {
    return std::tie(x.key, x.zone_code) < std::tie(y.key, y.zone_code);
  });
  check_consistency(s, last, diags);
  if (!diags.empty()) throw InputError(std::move(diags));
  for (const auto& [key, a] : last) out.origin[key] = {a.file, a.line};
  return out;
}

std::string canonical_ini(const model::Scenario& s) {
  std::string out = "# metrosim scenario in canonical form: every key with its resolved value\n";
  for (const std::string& section : scenario_sections()) {
    out += "\n[" + section + "]\n";
    for (const KeySpec& k : scenario_keys()) {
      if (k.section() != section) continue;
      std::string value = format_value(k, k.get(s));
      if (k.is_path && !value.empty()) value = resolve_path(value, fs::current_path());
      out += k.key() + (value.empty() ? " =\n" : " = " + value + "\n");
    }
    std::vector<std::string> overrides;
    for (const model::ZoneOverride& o : s.zone_overrides) {
      const KeySpec* k = find_key(o.key);
      if (k != nullptr && k->section() == section)
        overrides.push_back(k->key() + "@" + o.zone_code + " = " + format_double(o.value) + "\n");
    }
    std::sort(overrides.begin(), overrides.end());
    for (const std::string& line : overrides) out += line;
  }
  return out;
}

std::string key_status(const KeySpec& k) {
  // The source text's opening words say what constrains the value (docs/KEYS.md); anything that
  // is not an assumption, a lever or a setting names the data it comes from.
  static const char* const kKinds[] = {"assumption (swept)", "policy lever",      "run control",
                                       "output control",     "numerical setting", "scenario choice",
                                       "design choice"};
  for (const char* kind : kKinds)
    if (k.source.rfind(kind, 0) == 0) return kind;
  if (k.source.rfind("assumption", 0) == 0 || k.source.empty()) return "";
  return "constrained by data";
}

std::string keys_markdown() {
  auto cell = [](std::string text) {
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
  };
  std::string out =
      "| key | type | unit | default | range/allowed | per-zone | shocks | status | source | "
      "description |\n"
      "|---|---|---|---|---|---|---|---|---|---|\n";
  const model::Scenario defaults;
  for (const KeySpec& k : scenario_keys()) {
    const std::string def = format_value(k, k.get(defaults));
    out += "| `" + k.name + "` | " + type_name(k.type) + " | " + cell(k.unit) + " | " +
           (def.empty() ? std::string("(empty)") : "`" + cell(def) + "`") + " | " +
           cell(describe_allowed(k)) + " | " +
           (k.per_zone     ? "yes"
            : k.per_agency ? "per agency"
                           : "no") +
           " | " + (shockable(k) ? "yes" : "no") + " | " + key_status(k) + " | " + cell(k.source) +
           " | " + cell(k.doc) + " |\n";
  }
  return out;
}

void validate_zone_overrides(const model::Scenario& s, const std::vector<std::string>& zone_codes,
                             const std::vector<std::string>& agency_codes) {
  Diags diags;
  for (const model::ZoneOverride& o : s.zone_overrides) {
    const KeySpec* spec = find_key(o.key);
    if (spec != nullptr && spec->per_agency) {
      if (std::find(agency_codes.begin(), agency_codes.end(), o.zone_code) != agency_codes.end())
        continue;
      diags.push_back({o.file, o.line, o.key + "@" + o.zone_code,
                       "unknown agency code '" + o.zone_code + "'" +
                           did_you_mean(o.zone_code, agency_codes) + " (the region's agencies: " +
                           (agency_codes.empty() ? std::string("none") : join(agency_codes, ", ")) +
                           ")"});
      continue;
    }
    if (std::find(zone_codes.begin(), zone_codes.end(), o.zone_code) != zone_codes.end()) continue;
    std::vector<std::string> parts;  // a municipality split into districts: 08019 -> 0801901...
    for (const std::string& c : zone_codes)
      if (c.size() == o.zone_code.size() + 2 && c.rfind(o.zone_code, 0) == 0) parts.push_back(c);
    std::string hint = parts.empty()
                           ? did_you_mean(o.zone_code, zone_codes)
                           : "; it is split into zones " + join(parts, ", ") + ": set each of them";
    if (hint.empty()) {
      std::vector<std::string> some(
          zone_codes.begin(),
          zone_codes.begin() + std::min<std::ptrdiff_t>(5, std::ssize(zone_codes)));
      hint = "; the region has " + std::to_string(zone_codes.size()) + " zone codes (e.g. " +
             join(some, ", ") + (zone_codes.size() > 5 ? ", ..." : "") + ")";
    }
    diags.push_back({o.file, o.line, o.key + "@" + o.zone_code,
                     "unknown zone code '" + o.zone_code + "'" + hint});
  }
  if (!diags.empty()) throw InputError(std::move(diags));
}

}  // namespace metrosim::io
