// shocks_reader_test.cpp — the shocks calendar files: entries read in order and bound to their
// keys, zone patterns expanded, the scenario's extra file and disabled ids; every malformed entry
// named by file, CSV line and column with what is allowed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/key_registry.hpp"
#include "io/sha256.hpp"
#include "io/shocks_reader.hpp"

namespace fs = std::filesystem;
using namespace metrosim;

namespace {

const std::string kDir = std::string(METROSIM_TEST_DATA_DIR) + "/shocks";
const std::vector<std::string> kZones = {"08101", "0801901", "0801902", "EXT"};

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "metrosim-shocks-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

const std::string kHeader = "id,start,end,target,op,value,source\n";

std::vector<io::Diagnostic> problems(const io::LoadedScenario& l, const std::string& dir) {
  std::map<std::string, std::string> sha;
  try {
    io::read_shocks(l, dir, kZones, sha);
  } catch (const io::InputError& e) {
    return e.diagnostics();
  }
  return {};
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("calendar entries are read in file order and bound to their keys", "[io][shocks]") {
  const auto loaded = io::load_scenario("", {"shocks.file=calendar.csv"});
  std::map<std::string, std::string> sha;
  const auto e = io::read_shocks(loaded, kDir, kZones, sha);
  REQUIRE(e.size() == 4);
  CHECK(e[0].id == "cap");
  CHECK(e[0].start == core::YearMonth{2016, 1});
  CHECK(e[0].end == core::YearMonth{2018, 1});
  CHECK(e[0].op == model::ShockOp::kSet);
  CHECK(e[0].value == 0.0);
  CHECK(e[0].line == 2);
  CHECK(e[1].value == -0.01);
  CHECK_FALSE(e[2].end.has_value());
  CHECK(e[2].op == model::ShockOp::kMultiply);
  CHECK(e[2].per_zone_key);
  CHECK(e[2].zones == std::vector<std::string>{"0801901", "0801902"});  // glob, region order
  CHECK(e[3].zones == std::vector<std::string>{"08101", "EXT"});
  // Bound to the registry's getter and setter: the same path as --set.
  model::Scenario s;
  e[0].set(s, 0.07);
  CHECK(s.rent_cap.rent_cap == 0.07);
  CHECK(e[0].get(s) == 0.07);
  CHECK(sha.at("calendar.csv") == io::sha256_hex(file_text(kDir + "/calendar.csv")));
}

TEST_CASE("a scenario's extra entries follow the region's, and disabled ids are dropped",
          "[io][shocks]") {
  const auto loaded = io::load_scenario(kDir + "/extra.ini", {"shocks.file=calendar.csv"});
  std::map<std::string, std::string> sha;
  const auto e = io::read_shocks(loaded, kDir, kZones, sha);
  std::vector<std::string> ids;
  for (const auto& x : e) ids.push_back(x.id);
  CHECK(ids == std::vector<std::string>{"cap", "core-vacancy", "two", "my-cap"});
  CHECK(e.back().value == 0.05);
  CHECK(sha.size() == 2);
  CHECK(sha.count(loaded.scenario.shocks.extra) == 1);  // the extra file under its absolute path
  CHECK(fs::path(loaded.scenario.shocks.extra).is_absolute());
  // Output listing: one row per applied entry after the header.
  const std::string listing = io::format_shocks_csv(e);
  CHECK(std::count(listing.begin(), listing.end(), '\n') == 5);
  CHECK_THAT(listing, Catch::Contains("core-vacancy,2015-06,,housing.natural_vacancy@080190*,"
                                      "0801901 0801902,multiply,1.5"));
  CHECK_THAT(listing, Catch::Contains(",\"test: a glob over districts, permanent\","));  // quoted
}

TEST_CASE("no calendar when shocks.file is empty or holds only its header", "[io][shocks]") {
  const auto loaded = io::load_scenario("", {"shocks.file="});
  std::map<std::string, std::string> sha;
  CHECK(io::read_shocks(loaded, kDir, kZones, sha).empty());
  CHECK(sha.empty());
  TempDir d;
  d.write("shocks.csv", kHeader);
  CHECK(io::read_shocks(io::load_scenario("", {}), d.path.string(), kZones, sha).empty());
  CHECK(sha.size() == 1);
}

TEST_CASE("an unknown disabled id and a duplicate extra id are named at their lines",
          "[io][shocks]") {
  TempDir d;
  d.write("extra.csv", kHeader + "cap,2020-01,,housing.rent_cap,set,0.1,test\n");
  d.write("s.ini", "[shocks]\nfile = calendar.csv\nextra = extra.csv\ndisable = cpi,capp\n");
  auto diags = problems(io::load_scenario((d.path / "s.ini").string(), {}), kDir);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].file == (d.path / "extra.csv").string());
  CHECK(diags[0].line == 2);
  CHECK(diags[0].key == "id");
  CHECK_THAT(diags[0].message, Catch::Contains("duplicate id 'cap'"));
  CHECK(diags[1].file == (d.path / "s.ini").string());
  CHECK(diags[1].line == 4);
  CHECK(diags[1].key == "shocks.disable");
  CHECK_THAT(diags[1].message, Catch::Contains("'capp'; did you mean 'cap'?"));
}

TEST_CASE("a missing calendar file is an input error naming shocks.file", "[io][shocks]") {
  auto diags = problems(io::load_scenario("", {"shocks.file=nowhere.csv"}), kDir);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].key == "shocks.file");
  CHECK_THAT(diags[0].file, Catch::EndsWith("nowhere.csv"));
}

TEST_CASE("each malformed entry is named by file, line and column", "[io][shocks]") {
  // (row after the header, column, fragment of the message)
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"a,2016-13,,housing.rent_cap,set,0,s", "start", "YYYY-MM"},
      {"a,2016,,housing.rent_cap,set,0,s", "start", "YYYY-MM"},
      {"a,2016-01,2016-1,housing.rent_cap,set,0,s", "end", "YYYY-MM"},
      {"a,2016-05,2016-05,housing.rent_cap,set,0,s", "end", "not after start"},
      {"a,2016-01,,housing.rent_capp,set,0,s", "target", "did you mean 'housing.rent_cap'"},
      {"a,2016-01,,agents.scale,set,0.5,s", "target", "initial world"},
      {"a,2016-01,,run.steps,set,5,s", "target", "not read mid-run"},
      {"a,2016-01,,external.vacant_offer,set,5,s", "target", "initial world"},
      {"a,2016-01,,housing.rent_cap@08101,set,0,s", "target", "takes no per-zone value"},
      {"a,2016-01,,housing.natural_vacancy@99999,set,0.1,s", "target", "matches no zone code"},
      {"a,2016-01,,housing.natural_vacancy@08019,set,0.1,s", "target", "write 08019*"},
      {"a,2016-01,,housing.natural_vacancy@08101|,set,0.1,s", "target", "bad zone pattern"},
      {"a,2016-01,,housing.rent_cap,add,0,s", "op", "expected set or multiply"},
      {"a,2016-01,,housing.rent_cap,set,2,s", "value",
       "housing.rent_cap: expected a number in "
       "[-1, 1]"},
      {"a,2016-01,,housing.rent_cap,set,0,5,s", "", "fields"},
      {"a,2016-01,,housing.rent_cap,set,\"0,5\",s", "value", "decimal comma"},
      {"a,2016-01,,relocation.choices,set,2.5,s", "value", "integer"},
      {"a,2016-01,,relocation.choices,multiply,2,s", "op", "real-valued"},
      {"a,2016-01,,housing.rent_vacancy_speed,multiply,-1,s", "value", "multiplier >= 0"},
      {"a,2016-01,2016-03,housing.natural_vacancy,multiply,100,s", "value",
       "outside the key's range"},
      {"a,2016-01,,housing.rent_cap,set,0,", "source", "empty cell"},
      {"a b,2016-01,,housing.rent_cap,set,0,s", "id", "code"},
  };
  for (const auto& [row, column, fragment] : cases) {
    INFO(row);
    TempDir d;
    d.write("shocks.csv", kHeader + "ok,2015-01,,economy.cpi_growth,set,0.01,s\n" + row + "\n");
    const auto diags = problems(io::load_scenario("", {}), d.path.string());
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == (d.path / "shocks.csv").string());
    CHECK(diags[0].line == 3);
    CHECK(diags[0].key == column);
    CHECK_THAT(diags[0].message, Catch::Contains(fragment));
  }
}

TEST_CASE("calendar headers are checked like region tables", "[io][shocks]") {
  TempDir d;
  d.write("shocks.csv", "id,start,end,targett,value,source\n");
  const auto diags = problems(io::load_scenario("", {}), d.path.string());
  REQUIRE(diags.size() == 3);
  CHECK(diags[0].key == "targett");
  CHECK_THAT(diags[0].message, Catch::Contains("did you mean 'target'"));
  CHECK(diags[1].key == "target");
  CHECK(diags[2].key == "op");
  for (const auto& x : diags) CHECK(x.line == 1);
}

TEST_CASE("a multiplied value is checked in every month of the run, per zone", "[io][shocks]") {
  TempDir d;
  // 0.05 × 5 = 0.25 is inside [0.005, 0.3] but the zone override 0.1 × 5 = 0.5 is not. The
  // window starts in month 15 (2016-03): a 14-month run never reaches it and accepts it.
  d.write("shocks.csv", kHeader + "v,2016-03,,housing.natural_vacancy@080190*,multiply,5,s\n");
  auto loaded = io::load_scenario("", {"housing.natural_vacancy@0801902=0.1", "run.steps=15"});
  auto diags = problems(loaded, d.path.string());
  REQUIRE(diags.size() == 1);
  CHECK_THAT(diags[0].message, Catch::Contains("2016-03 (zone 0801902)"));
  loaded = io::load_scenario("", {"housing.natural_vacancy@0801902=0.1", "run.steps=14"});
  CHECK(problems(loaded, d.path.string()).empty());
}

TEST_CASE("keys read only at initialisation are not shock targets", "[io][shocks][keys]") {
  for (const io::KeySpec& k : io::scenario_keys()) {
    INFO(k.name);
    const std::string section = k.section();
    if (section == "run" || section == "agents" || section == "region" || section == "output" ||
        section == "shocks")
      CHECK_FALSE(io::shockable(k));
  }
  for (const char* name : {"external.rent", "external.vacant_offer", "external.lat",
                           "migration.candidate_headroom", "migration.initial_share_under35"})
    CHECK_FALSE(io::shockable(*io::find_key(name)));
  for (const char* name :
       {"housing.rent_cap", "housing.natural_vacancy", "economy.cpi_growth",
        "economy.rent_indexation_cap", "relocation.choices", "external.rent_growth"})
    CHECK(io::shockable(*io::find_key(name)));
}

TEST_CASE("a scenario value that a set entry replaces during the run draws a warning",
          "[io][shocks]") {
  std::map<std::string, std::string> sha;
  // calendar.csv sets housing.rent_cap from 2016-01 to 2018-01.
  auto loaded = io::load_scenario("", {"shocks.file=calendar.csv", "housing.rent_cap=0.02"});
  auto warnings = io::shock_warnings(loaded, io::read_shocks(loaded, kDir, kZones, sha));
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("housing.rent_cap = 0.02 (--set:2)"));
  CHECK_THAT(warnings[0], Catch::Contains("'cap'"));
  CHECK_THAT(warnings[0], Catch::Contains("shocks.disable"));
  // Not when the run ends before the window, nor when the value is the default.
  loaded =
      io::load_scenario("", {"shocks.file=calendar.csv", "housing.rent_cap=0.02", "run.steps=12"});
  CHECK(io::shock_warnings(loaded, io::read_shocks(loaded, kDir, kZones, sha)).empty());
  loaded = io::load_scenario("", {"shocks.file=calendar.csv", "housing.rent_cap=-1"});
  CHECK(io::shock_warnings(loaded, io::read_shocks(loaded, kDir, kZones, sha)).empty());
}
