// ini_reader.hpp — line-aware INI syntax for scenario files: `[section]` headers, `key = value`,
// `key@ZONE = value`, whole-line `#`/`;` comments and a top-level `base = file`. It knows no
// keys: it reports syntax problems with file and line and hands entries to the scenario loader.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostics.hpp"

namespace metrosim::io {

struct IniSection {
  std::string name;
  int line = 0;
};

struct IniEntry {
  std::string section;  ///< header the entry sits under
  std::string key;      ///< text left of '=' without the '@ZONE' part
  std::string zone;     ///< text after '@'; empty when there is no '@'
  bool has_zone = false;
  std::string value;  ///< trimmed text right of the first '='
  int line = 0;
};

struct IniFile {
  std::string path;
  std::string base;  ///< `base = ...` before the first section, as written; empty if none
  int base_line = 0;
  std::vector<IniSection> sections;  ///< first header of each section, in file order
  std::vector<IniEntry> entries;     ///< well-formed entries only
};

/// Parses scenario text. Every syntax problem is appended to `diags` (file = path) and parsing
/// goes on, so one pass reports all of them. Rules (docs/SCENARIO_FORMAT.md): comments only on
/// lines of their own; no quotes around values; no BOM; each section header and each key at most
/// once per file.
IniFile parse_ini(std::string_view text, const std::string& path, std::vector<Diagnostic>& diags);

/// Spaces and tabs removed at both ends.
std::string_view trim_blanks(std::string_view s);

}  // namespace metrosim::io
