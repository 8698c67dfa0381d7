// csv_reader.hpp — strict CSV text: comma-separated, first line a header, fields optionally
// `"`-quoted (a comma inside quotes is data, `""` is a quote), CRLF tolerated, no BOM, no blank
// or ragged lines, a field never spans lines. It knows no columns; region_reader checks them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostics.hpp"

namespace metrosim::io {

struct CsvRow {
  int line = 0;  ///< 1-based line in the file (the header is line 1)
  std::vector<std::string> cells;
};

struct CsvTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  ///< only rows with exactly header.size() fields
  /// Index of `column` in the header, or -1.
  int column(std::string_view name) const;
};

/// Parses `bytes`; every problem is appended to `diags` (file = path, line = CSV line) and the
/// parse goes on. Returns false when there is no usable header (empty file, bad header).
/// A header without rows is a problem unless `allow_no_rows` (an empty calendar is meaningful).
bool parse_csv(std::string_view bytes, const std::string& path, CsvTable& out,
               std::vector<Diagnostic>& diags, bool allow_no_rows = false);

/// Reads a whole file as bytes. On failure returns false and sets `error` (e.g. "No such file
/// or directory", "not a regular file").
bool read_file_bytes(const std::string& path, std::string& bytes, std::string& error);

}  // namespace metrosim::io
