// calendar.hpp — the monthly clock: start month, month index, calendar month and the CF day offset
// of each month's first day (OUTPUT.md: time is "days since <start>-01 00:00:00").
#pragma once
#include <cstdint>
#include <string>

#include "core/ids.hpp"

namespace metrosim::core {

struct YearMonth {
  int year = 2015;
  int month = 1;  ///< 1..12
  auto operator<=>(const YearMonth&) const = default;
};

/// Parses "YYYY-MM" strictly; returns false on anything else.
bool parse_year_month(const std::string& text, YearMonth& out);
std::string format_year_month(const YearMonth& ym);

class Calendar {
 public:
  explicit Calendar(YearMonth start) : start_(start) {}
  YearMonth start() const { return start_; }
  /// Calendar year and month of step s.
  YearMonth at(Step s) const;
  bool is_january(Step s) const { return at(s).month == 1; }
  /// Days from the start month's first day to step s's first day (proleptic Gregorian).
  std::int32_t day_offset(Step s) const;
  /// CF units string for the time coordinate.
  std::string cf_time_units() const;

 private:
  YearMonth start_;
};

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d);

}  // namespace metrosim::core
