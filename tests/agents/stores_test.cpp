// Agent stores: columns stay aligned, compaction is stable, invariant checks catch breaches.
#include <catch2/catch.hpp>

#include "agents/firms.hpp"
#include "agents/households.hpp"

using namespace metrosim;

TEST_CASE("household compaction keeps the remaining rows in order with all their columns",
          "[agents]") {
  agents::Households hh;
  hh.resize(5);
  for (std::size_t i = 0; i < 5; ++i) {
    hh.id[i] = 100 + i;
    hh.zone[i] = static_cast<core::ZoneIndex>(i % 2);
    hh.income[i] = 1000.0 + static_cast<double>(i);
    hh.origin[i] = i == 3 ? agents::Origin::kSkilled : agents::Origin::kLongStanding;
  }
  hh.compact({1, 0, 1, 1, 0});
  REQUIRE(hh.size() == 3);
  CHECK(hh.id == std::vector<core::AgentId>{100, 102, 103});
  CHECK(hh.income == std::vector<double>{1000.0, 1002.0, 1003.0});
  CHECK(hh.origin[2] == agents::Origin::kSkilled);
  CHECK(hh.zone == std::vector<core::ZoneIndex>{0, 0, 1});
  CHECK_NOTHROW(hh.check_invariants(2));
  hh.income[1] = -1.0;
  CHECK_THROWS_WITH(hh.check_invariants(2), Catch::Contains("102"));
}

TEST_CASE("the firm store checks zones, sectors and employment", "[agents]") {
  agents::Firms f;
  f.resize(2);
  f.id = {7, 8};
  f.zone = {0, 1};
  f.employees = {12.0, 3.0};
  CHECK_NOTHROW(f.check_invariants(2));
  f.zone[1] = 2;
  CHECK_THROWS_WITH(f.check_invariants(2), Catch::Contains("firm 8"));
  f.zone[1] = 1;
  f.employees[0] = -1;
  CHECK_THROWS_WITH(f.check_invariants(2), Catch::Contains("firm 7"));
  f.employees.pop_back();
  CHECK_THROWS_WITH(f.check_invariants(2), Catch::Contains("misaligned"));
}
