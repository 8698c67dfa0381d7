// region_reader_test.cpp — the shipped Barcelona AMB tables load completely and are hashed.
#include "io/region_reader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include "io/diagnostics.hpp"

using namespace metrosim;

namespace {

const std::string kShipped = std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb";

std::string sha256sum(const std::string& path) {
  std::FILE* p = ::popen(("sha256sum '" + path + "'").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[256] = {};
  const std::size_t n = std::fread(buf, 1, sizeof buf - 1, p);
  ::pclose(p);
  return std::string(buf, n).substr(0, 64);
}

}  // namespace

TEST_CASE("the shipped region loads 36 municipalities and 10 districts", "[io][region]") {
  const model::Scenario s;  // region.dir empty: the default directory is used
  const agents::RegionInput in = io::read_region(s, kShipped);
  REQUIRE(in.municipalities.size() == 36);
  REQUIRE(in.districts.size() == 10);

  const auto& bcn = *std::find_if(in.municipalities.begin(), in.municipalities.end(),
                                  [](const auto& m) { return m.ine_code == "08019"; });
  CHECK(bcn.name == "Barcelona");
  CHECK(bcn.households == 671177);
  CHECK(bcn.dwellings_rented == 208468);
  CHECK(bcn.income_per_household == 43991);
  REQUIRE(bcn.rent_2018.has_value());
  CHECK(*bcn.rent_2018 == 929);
  CHECK(bcn.line == 5);
  CHECK_FALSE(in.municipalities.front().rent_2018.has_value());  // Badalona: no source

  CHECK(in.districts.front().code == "1");
  CHECK(in.districts.front().name == "Ciutat Vella");
  CHECK(in.districts.front().rent_2015 == 676);
  CHECK(in.districts.front().income_index == 85.5);
  CHECK(in.districts.back().population == 241691);

  REQUIRE(in.sha256.size() == 5);  // municipalities, districts, agencies, events, tourism
  CHECK(in.sha256.at("municipalities.csv") == sha256sum(kShipped + "/municipalities.csv"));
  CHECK(in.sha256.at("barcelona-districts.csv") ==
        sha256sum(kShipped + "/barcelona-districts.csv"));
}

TEST_CASE("without districts only the municipalities file is read", "[io][region]") {
  model::Scenario s;
  s.region.districts = "";
  s.region.agencies = "";
  s.region.events = "";
  s.region.tourism = "";
  s.region.dir = kShipped;
  const agents::RegionInput in = io::read_region(s, "/nonexistent");
  CHECK(in.municipalities.size() == 36);
  CHECK(in.districts.empty());
  CHECK(in.sha256.size() == 1);
}

TEST_CASE("region.dir wins over the default region directory", "[io][region]") {
  model::Scenario s;
  CHECK(io::resolve_region_dir(s, "/default") == "/default");
  s.region.dir = "/elsewhere";
  CHECK(io::resolve_region_dir(s, "/default") == "/elsewhere");
  CHECK_THROWS_AS(io::read_region(s, kShipped), io::InputError);
}
