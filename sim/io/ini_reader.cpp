// ini_reader.cpp — the scenario file's line grammar (see ini_reader.hpp and SCENARIO_FORMAT.md).
#include "io/ini_reader.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace metrosim::io {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_zone_char(char c) {
  return is_name_char(c) || c == '-';
}

bool starts_with_quote(std::string_view v) {
  return !v.empty() && (v[0] == '"' || v[0] == '\'');
}

}  // namespace

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

IniFile parse_ini(std::string_view text, const std::string& path, std::vector<Diagnostic>& diags) {
  IniFile f;
  f.path = path;
  auto report = [&](int line, std::string key, std::string message) {
    diags.push_back({path, line, std::move(key), std::move(message)});
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    report(1, "", "file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM");
    text.remove_prefix(3);
  }
  std::map<std::string, int> section_line;
  std::map<std::tuple<std::string, std::string, std::string>, int> key_line;
  std::string section;  // current section; "" before the first header
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    const std::string_view line = trim_blanks(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;

    if (line[0] == '[') {
      const std::string_view inner =
          line.back() == ']' ? trim_blanks(line.substr(1, line.size() - 2)) : std::string_view();
      if (line.back() != ']' || inner.empty() ||
          !std::all_of(inner.begin(), inner.end(), is_name_char)) {
        report(line_no, std::string(line),
               "malformed section header; expected '[name]' with letters, digits or '_' and "
               "nothing after ']'");
        section = "\x01invalid";  // keys below belong to no known section; reported as such
        continue;
      }
      section = std::string(inner);
      if (auto [it, fresh] = section_line.emplace(section, line_no); !fresh) {
        report(line_no, section,
               "section [" + section + "] appears twice (first on line " +
                   std::to_string(it->second) + "); put all its keys under one header");
      } else {
        f.sections.push_back({section, line_no});
      }
      continue;
    }

    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      report(line_no, "",
             "line without '=': '" + std::string(line) +
                 "'; expected 'key = value', a [section] header, or a comment line starting "
                 "with # or ;");
      continue;
    }
    const std::string_view lhs = trim_blanks(line.substr(0, eq));
    const std::string_view value = trim_blanks(line.substr(eq + 1));
    if (lhs.empty()) {
      report(line_no, "", "missing key before '='; expected 'key = value'");
      continue;
    }
    IniEntry e{section, std::string(lhs), "", false, std::string(value), line_no};
    if (const std::size_t at = lhs.find('@'); at != std::string_view::npos) {
      e.key = std::string(trim_blanks(lhs.substr(0, at)));
      e.zone = std::string(trim_blanks(lhs.substr(at + 1)));
      e.has_zone = true;
    }
    const std::string shown = section.empty() || section[0] == '\x01'
                                  ? std::string(lhs)
                                  : section + "." + std::string(lhs);
    if (e.has_zone &&
        (e.zone.empty() || !std::all_of(e.zone.begin(), e.zone.end(), is_zone_char))) {
      report(line_no, shown,
             "bad zone code '" + e.zone +
                 "' after '@'; expected key@CODE with a non-empty code of letters, digits, '_' "
                 "or '-' (e.g. natural_vacancy@08019)");
      continue;
    }
    if (starts_with_quote(value)) {
      report(line_no, shown,
             "quoted value " + std::string(value) +
                 "; expected the value without quotes (e.g. name = my run): a value runs to "
                 "the end of the line");
      continue;
    }
    if (section.empty()) {
      if (e.key != "base" || e.has_zone) {
        report(line_no, e.key,
               "key outside any section; put it under a [section] header (only 'base' may "
               "come before the first section)");
      } else if (f.base_line != 0) {
        report(line_no, "base",
               "'base' set twice (first on line " + std::to_string(f.base_line) +
                   "); a file has at most one base");
      } else if (value.empty()) {
        report(line_no, "base", "empty value; expected the path of a base scenario file");
      } else {
        f.base = std::string(value);
        f.base_line = line_no;
      }
      continue;
    }
    if (e.key == "base" && !e.has_zone && section[0] != '\x01') {
      report(line_no, shown, "'base' must come before the first [section] header");
      continue;
    }
    auto [it, fresh] = key_line.emplace(std::tuple{section, e.key, e.zone}, line_no);
    if (!fresh) {
      report(line_no, shown,
             "duplicate key (first set on line " + std::to_string(it->second) +
                 "); each key may appear once per file");
      continue;
    }
    f.entries.push_back(std::move(e));
  }
  return f;
}

}  // namespace metrosim::io
