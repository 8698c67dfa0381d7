// csv_schema.cpp — see csv_schema.hpp.
#include "io/csv_schema.hpp"

#include <algorithm>
#include <filesystem>

#include "io/key_registry.hpp"
#include "io/sha256.hpp"

namespace metrosim::io::csv {

namespace fs = std::filesystem;

std::string expectation(Cell kind) {
  switch (kind) {
    case Cell::kText:
      return "non-empty text";
    case Cell::kIneCode:
      return "a 5-digit INE code (e.g. 08019)";
    case Cell::kCode:
      return "a code of letters, digits, '_' or '-'";
    case Cell::kCount:
      return "a number >= 0";
    case Cell::kPositive:
      return "a number > 0";
    case Cell::kLat:
      return "a latitude in [-90, 90]";
    case Cell::kLon:
      return "a longitude in [-180, 180]";
    case Cell::kYear:
      return "a year in [1900, 2200]";
    case Cell::kMonth:
      return "a month number in [1, 12]";
    case Cell::kShare:
      return "a share in [0, 1]";
  }
  return "?";
}

/// "" when the cell is fine, else what is wrong and what is allowed; `value` gets the number.
std::string check_cell(Cell kind, const std::string& text, double& value) {
  const std::string expected = "expected " + expectation(kind) + ", got '" + text + "'";
  if (kind == Cell::kText) return "";
  if (kind == Cell::kIneCode) {
    const bool digits =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && text.size() == 5) return "";
    return expected + (digits && text.size() < 5 ? " (leading zeros lost?)" : "");
  }
  if (kind == Cell::kCode) {
    const bool ok = std::all_of(text.begin(), text.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             c == '_' || c == '-';
    });
    return ok ? "" : expected;
  }
  if (auto problem = parse_number(text, value); !problem.empty())
    return expected + " (" + problem + ")";
  const bool whole = value == static_cast<double>(static_cast<long long>(value));
  const bool ok = kind == Cell::kYear       ? whole && value >= 1900 && value <= 2200
                  : kind == Cell::kMonth    ? whole && value >= 1 && value <= 12
                  : kind == Cell::kCount    ? value >= 0
                  : kind == Cell::kPositive ? value > 0
                  : kind == Cell::kShare    ? value >= 0 && value <= 1
                  : kind == Cell::kLat      ? value >= -90 && value <= 90
                                            : value >= -180 && value <= 180;
  return ok ? ""
            : expected + " (" +
                  (value < 0 && kind != Cell::kLat && kind != Cell::kLon ? "negative"
                                                                         : "out of range") +
                  ")";
}

std::string names(const std::vector<Column>& schema, bool required) {
  std::string out;
  for (const Column& c : schema)
    if (c.required == required) out += (out.empty() ? "" : ", ") + std::string(c.name);
  return out;
}

void check_table(const CsvTable& t, const std::vector<Column>& schema,
                 const std::vector<std::string>& ignored,
                 const std::function<void(const CsvRow&, const RowValues&)>& build, Diags& diags,
                 bool unique_first_column) {
  // Checks a table against its schema; calls `build` for every row without problems.
  std::vector<std::string> known;
  for (const Column& c : schema) known.push_back(c.name);
  known.insert(known.end(), ignored.begin(), ignored.end());
  const std::string optional = names(schema, false);
  std::string accepted;
  for (const std::string& i : ignored) accepted += (accepted.empty() ? "" : ", ") + i;
  const std::string allowed = " (required: " + names(schema, true) +
                              "; optional: " + (optional.empty() ? "none" : optional) +
                              "; accepted and ignored: " + (accepted.empty() ? "none" : accepted) +
                              ")";
  for (const std::string& h : t.header) {
    if (std::find(known.begin(), known.end(), h) != known.end()) continue;
    diags.push_back(
        {t.path, 1, h, "unknown column '" + h + "'" + did_you_mean(h, known) + allowed});
  }
  bool complete = true;
  for (const Column& c : schema) {
    if (c.required && t.column(c.name) < 0) {
      diags.push_back({t.path, 1, c.name, "missing required column '" + std::string(c.name) + "'"});
      complete = false;
    }
  }
  const std::string& key_column = schema.front().name;
  std::map<std::string, int> first_line;
  for (const CsvRow& row : t.rows) {
    RowValues values;
    bool ok = true;
    for (const Column& c : schema) {
      const int idx = t.column(c.name);
      if (idx < 0) continue;
      const std::string& text = row.cells[static_cast<std::size_t>(idx)];
      if (text.empty()) {
        if (c.required) {
          diags.push_back(
              {t.path, row.line, c.name, "empty cell; expected " + expectation(c.kind)});
          ok = false;
        }
        continue;
      }
      double v = 0.0;
      if (auto problem = check_cell(c.kind, text, v); !problem.empty()) {
        diags.push_back({t.path, row.line, c.name, problem});
        ok = false;
        continue;
      }
      values[c.name] = {text, v};
    }
    if (auto it = values.find(key_column); unique_first_column && it != values.end()) {
      auto [first, fresh] = first_line.emplace(it->second.first, row.line);
      if (!fresh) {
        diags.push_back({t.path, row.line, key_column,
                         "duplicate " + key_column + " '" + it->second.first + "' (first on line " +
                             std::to_string(first->second) + "); each row needs its own code"});
        ok = false;
      }
    }
    if (ok && complete) build(row, values);
  }
}

double number(const RowValues& v, const char* column) {
  return v.at(column).second;
}

/// Reads and parses one region file; false when it cannot be read at all.
bool load_table(const std::string& path, const char* key, CsvTable& table, agents::RegionInput& in,
                Diags& diags) {
  std::string bytes, error;
  if (!read_file_bytes(path, bytes, error)) {
    diags.push_back({path, 0, key, "cannot read region file: " + error});
    return false;
  }
  in.sha256[fs::path(path).filename().string()] = sha256_hex(bytes);
  return parse_csv(bytes, path, table, diags);
}

}  // namespace metrosim::io::csv
