// Tourism table (tourism.csv): the shipped file has one row per zone of the default region and
// loads; malformed rows and missing or unknown zones are reported with file, line and column.
#include "io/tourism_reader.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "agents/zones_init.hpp"
#include "io/region_reader.hpp"

namespace fs = std::filesystem;
using namespace metrosim;

namespace {

const std::string kShipped = std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb";
const std::string kHeader =
    "zone_code,name,hotel_beds,hotel_beds_source,licensed_str_units,licensed_str_units_source,"
    "attraction,attraction_source,port,port_source,airport,airport_source,cruise_terminal,"
    "cruise_terminal_source\n";
const std::string kCentre = "0801901,Centre,100,data,10,data,1,assumption,0,data,0,data,0,data\n";
const std::string kSuburb =
    "08101,Suburb,50,assumption,5,assumption,0.3,assumption,0,data,1,data,0,data\n";
const std::string kExt =
    "EXT,Outside,0,assumption,0,assumption,0,assumption,0,data,0,data,0,data\n";
const std::vector<std::string> kZones = {"0801901", "08101", "EXT"};

struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& text) {
    std::string t = (fs::temp_directory_path() / "metrosim-tourism-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = fs::path(t) / "tourism.csv";
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { fs::remove_all(path.parent_path()); }
};

/// Reads and checks a table against kZones; all problems, in order.
std::vector<io::Diagnostic> problems(const TempFile& f) {
  agents::RegionInput in;
  std::vector<io::Diagnostic> diags;
  const auto rows = io::read_tourism_table(f.path.string(), in, diags);
  if (diags.empty()) io::check_tourism_zones(rows, f.path.string(), kZones, diags);
  return diags;
}

}  // namespace

TEST_CASE("the shipped tourism table has one row for each of the 46 zones", "[tourism][io]") {
  const model::Scenario s;
  const agents::RegionInput region = io::read_region(s, kShipped);
  const agents::Zones zones = agents::build_zones(region, agents::ZoneBuildParams{});
  REQUIRE(zones.size() == 46);

  agents::RegionInput in;
  std::vector<io::Diagnostic> diags;
  const std::string path = kShipped + "/tourism.csv";
  const auto rows = io::read_tourism_table(path, in, diags);
  REQUIRE(rows.size() == 46);
  const auto aligned = io::check_tourism_zones(rows, path, zones.code, diags);
  for (const auto& d : diags) INFO(d.format());
  REQUIRE(diags.empty());
  REQUIRE(in.sha256.count("tourism.csv") == 1);

  double huts = 0, city_beds = 0;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    CHECK(aligned[z].zone_code == zones.code[z]);
    if (zones.is_core[z]) {
      huts += aligned[z].licensed_str_units;
      city_beds += aligned[z].hotel_beds;
      CHECK(aligned[z].licensed_str_units_from_data == 1);  // hut_count_2022 by district
    }
    const bool sants = zones.code[z] == "0801903";
    CHECK(aligned[z].port == (sants ? 1 : 0));
    CHECK(aligned[z].cruise_terminal == (sants ? 1 : 0));
    CHECK(aligned[z].airport == (zones.code[z] == "08169" ? 1 : 0));
    CHECK(aligned[z].attraction >= 0.0);
    CHECK(aligned[z].attraction <= 1.0);
  }
  CHECK(huts == 9411);               // licensed tourist flats, 2022 (Ajuntament)
  CHECK(city_beds == 70129 + 6383);  // hotel and guesthouse places, 2017, split by assumption
}

TEST_CASE("malformed tourism rows name file, line and column", "[tourism][io][malformed]") {
  struct Case {
    const char* what;
    std::string text;
    int line;
    std::string key, message;
  };
  const std::vector<Case> cases = {
      {"unknown zone code",
       kHeader + kCentre + kSuburb + kExt + "0801999,X,1,data,1,data,0,data,0,data,0,data,0,data\n",
       5, "zone_code", "unknown zone code '0801999'"},
      {"missing zone", kHeader + kCentre + kExt, 1, "zone_code", "no row for zone '08101'"},
      {"bad flag",
       kHeader + kCentre + "08101,Suburb,50,data,5,data,0.3,data,2,data,0,data,0,data\n" + kExt, 3,
       "port", "expected a flag 0 or 1, got '2'"},
      {"bad source marker",
       kHeader + kCentre + kSuburb + "EXT,Outside,0,date,0,data,0,data,0,data,0,data,0,data\n", 4,
       "hotel_beds_source", "unknown source marker 'date'; did you mean 'data'?"},
      {"negative beds",
       kHeader + "0801901,Centre,-5,data,10,data,1,data,0,data,0,data,0,data\n" + kSuburb + kExt, 2,
       "hotel_beds", "expected a number >= 0"},
      {"attraction above 1",
       kHeader + kCentre + "08101,Suburb,50,data,5,data,1.5,data,0,data,0,data,0,data\n" + kExt, 3,
       "attraction", "a score in [0, 1]"},
      {"duplicate zone", kHeader + kCentre + kSuburb + kCentre + kExt, 4, "zone_code",
       "duplicate zone_code '0801901'"},
      {"missing marker column",
       "zone_code,hotel_beds,licensed_str_units,licensed_str_units_source,"
       "attraction,attraction_source,port,port_source,airport,"
       "airport_source,cruise_terminal,cruise_terminal_source\n"
       "EXT,0,0,data,0,data,0,data,0,data,0,data\n",
       1, "hotel_beds_source", "missing required column 'hotel_beds_source'"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    TempFile f(c.text);
    const auto diags = problems(f);
    REQUIRE(diags.size() == 1);
    INFO(diags[0].format());
    CHECK(diags[0].file == f.path.string());
    CHECK(diags[0].line == c.line);
    CHECK(diags[0].key == c.key);
    CHECK_THAT(diags[0].message, Catch::Contains(c.message));
  }
}

TEST_CASE("a well-formed tourism table is returned in zone order", "[tourism][io]") {
  TempFile f(kHeader + kExt + kSuburb + kCentre);
  agents::RegionInput in;
  std::vector<io::Diagnostic> diags;
  const auto rows = io::read_tourism_table(f.path.string(), in, diags);
  const auto aligned = io::check_tourism_zones(rows, f.path.string(), kZones, diags);
  REQUIRE(diags.empty());
  REQUIRE(aligned.size() == 3);
  CHECK(aligned[0].zone_code == "0801901");
  CHECK(aligned[0].hotel_beds_from_data == 1);
  CHECK(aligned[0].attraction_from_data == 0);
  CHECK(aligned[1].airport == 1);
  CHECK(aligned[1].attraction == 0.3);
  CHECK(aligned[1].line == 3);
  CHECK(aligned[2].zone_code == "EXT");
}
