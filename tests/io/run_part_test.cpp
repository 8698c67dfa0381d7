// run_part_test.cpp — a sweep's per-run checkpoint: exact round trip of every coordinate type and
// every double bit pattern, and refusal of torn, altered or foreign files.
#include "io/run_part.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

namespace fs = std::filesystem;
using namespace metrosim::io;

namespace {

RunPart sample_part() {
  RunPart p;
  p.sweep_hash = "abc123";
  p.run = 41;
  p.output.attrs_text = {{"scenario_resolved", "[run]\nseed = 1\n"}, {"empty", ""}};
  p.output.attrs_int = {{"seed", -3}, {"steps", 6}};
  Group g{"zones", {}, {}};
  g.coords.push_back({"time", std::vector<std::int32_t>{0, 31}, {{"units", "days"}}, ""});
  g.coords.push_back({"zone", std::vector<std::string>{"A", "", "Ç"}, {}, ""});
  g.coords.push_back({"is_core", std::vector<std::uint8_t>{1, 0, 255}, {}, "zone"});
  g.coords.push_back({"big", std::vector<std::int64_t>{-1, 1LL << 40}, {}, "time"});
  g.coords.push_back({"lat", std::vector<double>{41.3, -0.0, 2.5}, {}, "zone"});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  g.vars.push_back({"rent",
                    "EUR/month",
                    "rent",
                    {"time", "zone"},
                    {1.0 / 3.0, nan, -0.0, 1e-310, std::numeric_limits<double>::infinity(), 7},
                    Aggregation::kFlow});
  g.vars.push_back({"lat2", "degree", "static", {"zone"}, {}, Aggregation::kStatic});
  g.vars.push_back({"headline_x",
                    "households",
                    "running total",
                    {"time"},
                    {1, 2},
                    Aggregation::kCumulative,
                    {{"better", "lower"}}});
  p.output.groups = {g, Group{"metro", {}, {}}};
  return p;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

}  // namespace

TEST_CASE("run part round trip keeps every value bit for bit", "[sweep]") {
  const RunPart p = sample_part();
  const RunPart q = deserialize_run_part(serialize_run_part(p), "mem");
  CHECK(q.sweep_hash == p.sweep_hash);
  CHECK(q.run == p.run);
  CHECK(q.output.file_kind == p.output.file_kind);
  CHECK(q.output.attrs_text == p.output.attrs_text);
  CHECK(q.output.attrs_int == p.output.attrs_int);
  REQUIRE(q.output.groups.size() == 2);
  const Group &a = p.output.groups[0], &b = q.output.groups[0];
  CHECK(b.name == a.name);
  REQUIRE(b.coords.size() == a.coords.size());
  for (std::size_t i = 0; i < a.coords.size(); ++i) {
    CHECK(b.coords[i].name == a.coords[i].name);
    CHECK(b.coords[i].dim == a.coords[i].dim);
    CHECK(b.coords[i].attrs == a.coords[i].attrs);
    CHECK(b.coords[i].values.index() == a.coords[i].values.index());
    if (i != 4) CHECK(b.coords[i].values == a.coords[i].values);
  }
  CHECK(same_bits(std::get<std::vector<double>>(b.coords[4].values),
                  std::get<std::vector<double>>(a.coords[4].values)));
  REQUIRE(b.vars.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(b.vars[i].name == a.vars[i].name);
    CHECK(b.vars[i].units == a.vars[i].units);
    CHECK(b.vars[i].long_name == a.vars[i].long_name);
    CHECK(b.vars[i].dims == a.vars[i].dims);
    CHECK(b.vars[i].aggregation == a.vars[i].aggregation);
    CHECK(b.vars[i].attrs == a.vars[i].attrs);
    CHECK(same_bits(b.vars[i].data, a.vars[i].data));
  }
  CHECK(q.output.groups[1].name == "metro");
}

TEST_CASE("run part files are written atomically and read back", "[sweep]") {
  const fs::path dir = fs::temp_directory_path() / "metrosim_run_part_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "run-0000041.part").string();
  write_run_part(sample_part(), path);
  CHECK(read_run_part(path).run == 41);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 1);  // no temp file left behind
  fs::remove_all(dir);
}

TEST_CASE("torn, altered and foreign run parts are refused", "[sweep]") {
  const std::string bytes = serialize_run_part(sample_part());
  CHECK_THROWS_WITH(deserialize_run_part(bytes.substr(0, bytes.size() / 2), "x.part"),
                    Catch::Contains("x.part") && Catch::Contains("checksum"));
  std::string altered = bytes;
  altered[altered.size() / 2] ^= 0x01;
  CHECK_THROWS_WITH(deserialize_run_part(altered, "x.part"), Catch::Contains("checksum"));
  CHECK_THROWS_WITH(deserialize_run_part("hello world", "x.part"),
                    Catch::Contains("not a run part"));
  CHECK_THROWS_WITH(read_run_part("/nonexistent/dir/x.part"), Catch::Contains("/nonexistent"));
}
