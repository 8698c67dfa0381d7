// csv_reader.cpp — the CSV line grammar (see csv_reader.hpp).
#include "io/csv_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

namespace metrosim::io {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

/// Splits one line into fields; returns "" or what is wrong.
std::string split_fields(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::size_t i = 0;
  while (true) {
    std::string field;
    std::size_t start = i;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    if (start < line.size() && line[start] == '"') {
      i = start + 1;
      while (true) {
        if (i >= line.size())
          return "unterminated quoted field (a field cannot span lines; close it with '\"')";
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += line[i++];
      }
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i < line.size() && line[i] != ',')
        return "unexpected text after a closing quote in field " +
               std::to_string(fields.size() + 1) + "; expected ',' or the end of the line";
    } else {
      const std::size_t comma = line.find(',', i);
      const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
      field = trim(line.substr(i, end - i));
      if (field.find('"') != std::string::npos)
        return "quote inside an unquoted field " + std::to_string(fields.size() + 1) +
               "; quote the whole field and double inner quotes (\"\")";
      i = end;
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) return "";
    ++i;  // skip ','
  }
}

}  // namespace

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

bool parse_csv(std::string_view bytes, const std::string& path, CsvTable& out,
               std::vector<Diagnostic>& diags, bool allow_no_rows) {
  out = CsvTable{};
  out.path = path;
  auto report = [&](int line, std::string key, std::string message) {
    diags.push_back({path, line, std::move(key), std::move(message)});
  };
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    report(1, "", "file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM");
    bytes.remove_prefix(3);
  }
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < bytes.size();) {
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view l = bytes.substr(pos, end - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    pos = end + 1;
  }
  if (lines.empty() || (lines.size() == 1 && trim(lines[0]).empty())) {
    report(0, "", "empty file; expected a header line naming the columns, then one row per line");
    return false;
  }
  std::vector<std::string> fields;
  if (auto problem = split_fields(lines[0], fields); !problem.empty()) {
    report(1, "", "header: " + problem);
    return false;
  }
  bool header_ok = true;
  std::map<std::string, std::size_t> seen;
  for (std::size_t c = 0; c < fields.size(); ++c) {
    if (fields[c].empty()) {
      report(1, "",
             "empty column name in the header (column " + std::to_string(c + 1) +
                 "); every column needs a name");
      header_ok = false;
    } else if (auto [it, fresh] = seen.emplace(fields[c], c + 1); !fresh) {
      report(1, fields[c],
             "column appears twice in the header (columns " + std::to_string(it->second) + " and " +
                 std::to_string(c + 1) + "); column names must be unique");
      header_ok = false;
    }
  }
  out.header = fields;
  std::size_t data_lines = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i + 1);
    data_lines += trim(lines[i]).empty() ? 0 : 1;
    if (trim(lines[i]).empty()) {
      report(line_no, "",
             "empty line; remove it (expected " + std::to_string(out.header.size()) +
                 " comma-separated fields)");
      continue;
    }
    if (auto problem = split_fields(lines[i], fields); !problem.empty()) {
      report(line_no, "", problem);
      continue;
    }
    if (fields.size() != out.header.size()) {
      report(line_no, "",
             "expected " + std::to_string(out.header.size()) + " fields (as in the header), got " +
                 std::to_string(fields.size()));
      continue;
    }
    out.rows.push_back({line_no, fields});
  }
  if (data_lines == 0 && !allow_no_rows) report(1, "", "no data rows after the header; expected one row per line");
  return header_ok;
}

bool read_file_bytes(const std::string& path, std::string& bytes, std::string& error) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
    error = "not a regular file";
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    error = std::strerror(errno);
    return false;
  }
  bytes.clear();
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) error = "read error";
  return !failed;
}

}  // namespace metrosim::io
