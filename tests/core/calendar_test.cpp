// Calendar: month arithmetic and CF day offsets checked against known dates.
#include <catch2/catch.hpp>

#include <vector>

#include "core/calendar.hpp"
#include "core/group_index.hpp"

using namespace metrosim::core;

TEST_CASE("calendar maps steps to months and day offsets of month starts", "[core][calendar]") {
  Calendar c({2015, 1});
  CHECK(c.at(0) == YearMonth{2015, 1});
  CHECK(c.at(11) == YearMonth{2015, 12});
  CHECK(c.at(12) == YearMonth{2016, 1});
  CHECK(c.is_january(24));
  CHECK_FALSE(c.is_january(25));
  CHECK(c.day_offset(0) == 0);
  CHECK(c.day_offset(1) == 31);       // January has 31 days
  CHECK(c.day_offset(2) == 31 + 28);  // 2015 is not a leap year
  CHECK(c.day_offset(14) == 365 + 31 + 29);  // 2016-03-01: 2016 is a leap year
  CHECK(c.cf_time_units() == "days since 2015-01-01 00:00:00");
}

TEST_CASE("year-month parsing is strict", "[core][calendar]") {
  YearMonth ym;
  CHECK(parse_year_month("2019-03", ym));
  CHECK(ym == YearMonth{2019, 3});
  for (const char* bad : {"2019-13", "2019-3", "19-03", "2019/03", "2019-03-01", "abcd-ef", ""})
    CHECK_FALSE(parse_year_month(bad, ym));
}

TEST_CASE("group index lists members by group in ascending order", "[core]") {
  const std::vector<ZoneIndex> g = {2, 0, 2, 1, 0, 2};
  GroupIndex idx;
  idx.build(g, 3);
  REQUIRE(idx.n_groups() == 3);
  CHECK(std::vector<std::uint32_t>(idx.members(0).begin(), idx.members(0).end()) ==
        std::vector<std::uint32_t>{1, 4});
  CHECK(std::vector<std::uint32_t>(idx.members(2).begin(), idx.members(2).end()) ==
        std::vector<std::uint32_t>{0, 2, 5});
  const auto sums = group_sum(idx, [](std::uint32_t i) { return double(i); });
  CHECK(sums == std::vector<double>{5.0, 3.0, 7.0});
}
