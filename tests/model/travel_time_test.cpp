// The optional travel-time matrix (region.travel_times): read strictly, and used as the commuting
// gravity's cost in place of distances (docs/LABOUR.md, "Travel times").
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/region_reader.hpp"
#include "io/scenario_loader.hpp"
#include "mechanisms/labour/labour.hpp"
#include "model/schedule.hpp"

using namespace metrosim;
namespace fs = std::filesystem;

namespace {

const fs::path kShipped = fs::path(METROSIM_SOURCE_DIR) / "scenarios/barcelona-amb";

struct RegionCopy {
  fs::path path;
  RegionCopy() {
    std::string t = (fs::temp_directory_path() / "metrosim-tt-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
    for (const auto& e : fs::directory_iterator(kShipped))
      if (e.path().extension() == ".csv") fs::copy_file(e.path(), path / e.path().filename());
  }
  ~RegionCopy() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

model::Scenario scenario(const RegionCopy& r, const std::string& travel, int steps) {
  auto s =
      io::load_scenario("", {"agents.scale=0.02", "run.steps=" + std::to_string(steps)}).scenario;
  s.region.dir = r.path.string();
  s.region.travel_times = travel;
  return s;
}

}  // namespace

TEST_CASE("travel times replace distances in the gravity cost, pair by pair", "[labour][travel]") {
  RegionCopy r;
  r.write("tt.csv",
          "origin_zone,destination_zone,minutes,source\n08015,08101,30,test\n08101,08015,6,test\n");
  const auto s = scenario(r, "tt.csv", 1);
  const model::World w = model::build_world(s, io::read_region(s, ""), 0);
  const auto n = w.zones.size();
  std::size_t a = n, b = n;
  for (std::size_t z = 0; z < n; ++z) {
    if (w.zones.code[z] == "08015") a = z;
    if (w.zones.code[z] == "08101") b = z;
  }
  REQUIRE(a < n);
  REQUIRE(b < n);
  mechanisms::LabourParams p = s.labour;
  p.commute_speed_kmh = 20.0;
  const auto km = mechanisms::commute_matrix(p, w.zones);
  const auto cost = mechanisms::gravity_cost_matrix(p, w.zones, km);
  CHECK(cost[a * n + b] == Approx(30.0 * 20.0 / 60.0));  // 10 km-equivalent
  CHECK(cost[b * n + a] == Approx(6.0 * 20.0 / 60.0));   // direction matters
  CHECK(cost[a * n + a] == km[a * n + a]);               // pairs without a row keep their km
  CHECK(cost[b * n + b] == km[b * n + b]);
}

TEST_CASE("slow travel between zones keeps commutes shorter (paired, same seed)",
          "[labour][travel]") {
  // Every pair of different metro zones takes two hours: the gravity kernel then favours jobs in
  // the residence zone far more than distances do, so the mean commute (in km) falls.
  RegionCopy r;
  const model::Scenario base = scenario(r, "", 12);
  model::World wb = model::build_world(base, io::read_region(base, ""), 0);
  std::string text = "origin_zone,destination_zone,minutes\n";
  for (const auto& from : wb.zones.code)
    for (const auto& to : wb.zones.code)
      if (from != to) text += from + "," + to + ",120\n";
  r.write("slow.csv", text);
  const model::Scenario slow = scenario(r, "slow.csv", 12);
  model::World ws = model::build_world(slow, io::read_region(slow, ""), 0);
  const auto rb = model::simulate(wb), rs = model::simulate(ws);
  const auto k = static_cast<std::size_t>(model::MetroInd::kCommuteKmMean);
  const double mb = rb.metro[11 * model::kMetroCount + k];
  const double ms = rs.metro[11 * model::kMetroCount + k];
  INFO("mean commute " << mb << " km vs " << ms << " km with slow travel");
  CHECK(ms < 0.9 * mb);
}

TEST_CASE("a malformed travel-time matrix names file, line and column", "[io][travel]") {
  RegionCopy r;
  r.write("bad.csv",
          "origin_zone,destination_zone,minutes\n08015,08101,30\n08015,08101,31\n"
          "08015,99999,10\n08101,08015,-4\n");
  auto s = scenario(r, "bad.csv", 1);
  std::vector<io::Diagnostic> diags;
  agents::RegionInput in;
  try {
    in = io::read_region(s, "");
  } catch (const io::InputError& e) {
    diags = e.diagnostics();
  }
  const auto codes = model::zone_codes(s, io::read_region(
                                              [&] {
                                                auto t = s;
                                                t.region.travel_times = "";
                                                return t;
                                              }(),
                                              ""));
  auto has = [&](int line, const std::string& column) {
    for (const auto& d : diags)
      if (d.line == line && d.key == column && d.file.find("bad.csv") != std::string::npos)
        return true;
    return false;
  };
  CHECK(has(3, "destination_zone"));  // duplicate pair
  CHECK(has(5, "minutes"));           // negative minutes
  // Unknown zone codes are found once the zones are known.
  auto t = s;
  r.write("bad.csv", "origin_zone,destination_zone,minutes\n08015,99999,10\n");
  const auto in2 = io::read_region(t, "");
  try {
    io::validate_region_references(in2, codes);
    FAIL("an unknown zone code was accepted");
  } catch (const io::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].line == 2);
    CHECK(e.diagnostics()[0].key == "destination_zone");
  }
}
