// csv_schema.hpp — column schemas for region tables and the strict checks every table shares:
// known, required and ignored columns (with "did you mean"), typed cells with what is allowed,
// unique keys; every problem becomes a Diagnostic naming file, CSV line and column.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "agents/region_input.hpp"
#include "io/csv_reader.hpp"
#include "io/diagnostics.hpp"

namespace metrosim::io::csv {

using Diags = std::vector<Diagnostic>;

enum class Cell { kText, kIneCode, kCode, kCount, kPositive, kLat, kLon, kYear, kMonth, kShare };

struct Column {
  const char* name;
  Cell kind;
  bool required;  ///< false: optional, an empty cell means "no data"
};

/// Column -> (text, number) of a row whose cells all passed their checks.
using RowValues = std::map<std::string, std::pair<std::string, double>>;

/// What a cell of this kind must be, in words ("a number >= 0").
std::string expectation(Cell kind);

/// "" when the cell is fine, else what is wrong and what is allowed; `value` gets the number.
std::string check_cell(Cell kind, const std::string& text, double& value);

/// Checks a table against its schema (unknown/missing columns, empty or malformed cells, and,
/// when unique_first_column, duplicate keys in the first column); calls `build` for every row
/// without problems.
void check_table(const CsvTable& t, const std::vector<Column>& schema,
                 const std::vector<std::string>& ignored,
                 const std::function<void(const CsvRow&, const RowValues&)>& build, Diags& diags,
                 bool unique_first_column = true);

double number(const RowValues& v, const char* column);

/// Reads and parses one region file, recording its SHA-256 in `in`; false when it cannot be read.
bool load_table(const std::string& path, const char* key, CsvTable& table, agents::RegionInput& in,
                Diags& diags);

}  // namespace metrosim::io::csv
