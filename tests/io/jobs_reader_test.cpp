// jobs_reader_test.cpp — the optional jobs table (region.jobs) and the census labour rates of
// the municipalities table: read strictly, SHA-256 recorded, every problem named by file, line
// and column; a jobs table drives the initial jobs' structure.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/diagnostics.hpp"
#include "io/region_reader.hpp"
#include "model/world.hpp"

namespace fs = std::filesystem;
using namespace metrosim;

namespace {

const fs::path kRegion = fs::path(METROSIM_SOURCE_DIR) / "scenarios" / "barcelona-amb";

struct RegionCopy {
  fs::path path;
  RegionCopy() {
    std::string tmpl = (fs::temp_directory_path() / "metrosim-jobs-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
    for (const auto& e : fs::directory_iterator(kRegion))
      if (e.path().extension() == ".csv") fs::copy_file(e.path(), path / e.path().filename());
  }
  ~RegionCopy() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

const std::string kHeader = "zone_code,name,jobs_tourism,jobs_tradable,jobs_local,jobs_source\n";

model::Scenario with_jobs(const RegionCopy& dir) {
  model::Scenario s;
  s.region.dir = dir.path.string();
  s.region.jobs = "jobs.csv";
  return s;
}

std::vector<io::Diagnostic> problems(const model::Scenario& s) {
  try {
    const agents::RegionInput in = io::read_region(s, "/nonexistent");
    io::validate_region_references(in, model::zone_codes(s, in));
  } catch (const io::InputError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("a jobs table is read, hashed and shapes the initial jobs", "[io][labour]") {
  RegionCopy dir;
  dir.write("jobs.csv", kHeader + "0801901,Ciutat Vella,60000,10000,30000,data\n" +
                            "08101,L'Hospitalet,5000,60000,35000,assumption\n");
  const model::Scenario s = with_jobs(dir);
  const agents::RegionInput in = io::read_region(s, "/nonexistent");
  REQUIRE(in.jobs.size() == 2);
  CHECK(in.jobs[0].zone_code == "0801901");
  CHECK(in.jobs[0].from_data == 1);
  CHECK(in.jobs[1].from_data == 0);
  CHECK(in.jobs[1].tradable == 60000);
  CHECK(in.sha256.count("jobs.csv") == 1);
  REQUIRE_NOTHROW(io::validate_region_references(in, model::zone_codes(s, in)));

  model::Scenario small = s;
  small.agents.scale = 0.02;
  const model::World w = model::build_world(small, in, 0);
  std::size_t cv = 0, lh = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    if (w.zones.code[z] == "0801901") cv = z;
    if (w.zones.code[z] == "08101") lh = z;
  }
  CHECK(w.jobs.jobs_from_data[cv] == 1);
  CHECK(w.jobs.jobs_from_data[lh] == 0);
  // The table's structure: 60 % tourism in Ciutat Vella, 60 % tradable in L'Hospitalet, and
  // Ciutat Vella has 100,000 jobs like L'Hospitalet.
  const auto share = [&](std::size_t z, std::size_t k) {
    double t = 0;
    for (auto x : w.jobs.jobs[z]) t += static_cast<double>(x);
    return static_cast<double>(w.jobs.jobs[z][k]) / t;
  };
  CHECK(share(cv, 0) == Approx(0.6).margin(0.01));
  CHECK(share(lh, 1) == Approx(0.6).margin(0.01));
  CHECK(static_cast<double>(w.jobs.jobs[cv][0] + w.jobs.jobs[cv][1] + w.jobs.jobs[cv][2]) ==
        Approx(static_cast<double>(w.jobs.jobs[lh][0] + w.jobs.jobs[lh][1] + w.jobs.jobs[lh][2]))
            .epsilon(0.01));
}

TEST_CASE("malformed jobs tables and labour rates name file, line and column", "[io][labour]") {
  struct Case {
    const char* what;
    std::string jobs;
    int line;
    std::string key;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"bad marker", kHeader + "08101,,1,2,3,census\n", 2, "jobs_source",
       "unknown source marker 'census'; expected data or assumption"},
      {"negative jobs", kHeader + "08101,,1,-2,3,data\n", 2, "jobs_tradable",
       "expected a number >= 0, got '-2'"},
      {"unknown zone", kHeader + "08101,,1,2,3,data\n08102,,1,2,3,data\n", 3, "zone_code",
       "unknown zone code '08102'"},
      {"external zone", kHeader + "EXT,,1,2,3,data\n", 2, "zone_code",
       "the external zone has no modelled jobs"},
      {"missing column", "zone_code,jobs_tourism,jobs_tradable,jobs_source\n08101,1,2,data\n", 1,
       "jobs_local", "missing required column 'jobs_local'"},
      {"duplicate zone", kHeader + "08101,,1,2,3,data\n08101,,1,2,3,data\n", 3, "zone_code",
       "duplicate zone_code '08101'"},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.what);
    RegionCopy dir;
    dir.write("jobs.csv", c.jobs);
    const auto d = problems(with_jobs(dir));
    for (const auto& x : d) UNSCOPED_INFO(x.format());
    REQUIRE(d.size() == 1);
    CHECK(d[0].file == (dir.path / "jobs.csv").string());
    CHECK(d[0].line == c.line);
    CHECK(d[0].key == c.key);
    CHECK_THAT(d[0].message, Catch::Contains(c.message));
  }
  // A census rate outside [0, 1] in the municipalities table.
  RegionCopy dir;
  std::ifstream in(kRegion / "municipalities.csv");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = text.find("0.4743,0.1545");
  REQUIRE(at != std::string::npos);
  text.replace(at, 13, "0.4743,15.45");
  dir.write("municipalities.csv", text);
  model::Scenario s;
  s.region.dir = dir.path.string();
  const auto d = problems(s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].line == 2);
  CHECK(d[0].key == "census2021_unemployment_rate");
  CHECK_THAT(d[0].message, Catch::Contains("expected a share in [0, 1], got '15.45'"));
}
