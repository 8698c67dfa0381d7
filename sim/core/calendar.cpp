// calendar.cpp — month arithmetic and CF day offsets.
#include "core/calendar.hpp"

#include <cstdio>

namespace metrosim::core {

bool parse_year_month(const std::string& text, YearMonth& out) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (text[i] < '0' || text[i] > '9') return false;
  const int y = std::stoi(text.substr(0, 4));
  const int m = std::stoi(text.substr(5, 2));
  if (m < 1 || m > 12 || y < 1900 || y > 2200) return false;
  out = {y, m};
  return true;
}

std::string format_year_month(const YearMonth& ym) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", ym.year, ym.month);
  return buf;
}

YearMonth Calendar::at(Step s) const {
  const int total = start_.year * 12 + (start_.month - 1) + s;
  return {total / 12, total % 12 + 1};
}

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return std::int64_t{era} * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int32_t Calendar::day_offset(Step s) const {
  const YearMonth ym = at(s);
  return static_cast<std::int32_t>(
      days_from_civil(ym.year, static_cast<unsigned>(ym.month), 1) -
      days_from_civil(start_.year, static_cast<unsigned>(start_.month), 1));
}

std::string Calendar::cf_time_units() const {
  return "days since " + format_year_month(start_) + "-01 00:00:00";
}

}  // namespace metrosim::core
