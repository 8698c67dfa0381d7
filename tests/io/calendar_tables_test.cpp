// Agencies and events tables: the shipped files load; malformed rows are reported with file,
// line and column; references to unknown zones or municipalities are caught; the event calendar
// repeats the last edition after the data end.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "agents/agencies.hpp"
#include "io/diagnostics.hpp"
#include "io/region_reader.hpp"

namespace fs = std::filesystem;
using namespace metrosim;

namespace {

const std::string kShipped = std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb";
const std::string kAH = "agency_code,name,kind,jurisdiction,budget_eur_year,staff,budget_source\n";
const std::string kA1 = "AMB,Metro,metropolitan_authority,metro,1970000,18,seed\n";
const std::string kEH = "event_kind,name,year,month,venue_zone,attendees,source\n";
const std::string kE1 = "mwc,Mobile,2016,2,08101,101000,press\n";

struct Dir {
  fs::path path;
  Dir() {
    std::string t = (fs::temp_directory_path() / "metrosim-cal-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
    for (const char* f : {"municipalities.csv", "barcelona-districts.csv", "tourism.csv"})
      fs::copy_file(fs::path(kShipped) / f, path / f);
  }
  ~Dir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

std::vector<io::Diagnostic> errors(const Dir& d) {
  model::Scenario s;
  s.region.dir = d.path.string();
  try {
    io::read_region(s, "/nonexistent");
  } catch (const io::InputError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("the shipped agencies and events tables load", "[io][region]") {
  const model::Scenario s;
  const auto in = io::read_region(s, kShipped);
  REQUIRE(in.agencies.size() == 5);
  CHECK(in.agencies[0].code == "AMB");
  CHECK(in.agencies[0].budget_eur_year == 1970000.0);  // the seed report's table
  CHECK(in.agencies[0].kind == agents::AgencyKind::kMetropolitanAuthority);
  CHECK(in.events.size() == 10);
  CHECK(in.sha256.count("agencies.csv") == 1);
  CHECK(in.sha256.count("events.csv") == 1);
}

TEST_CASE("malformed agencies and events rows name file, line and column", "[io][region][malformed]") {
  struct Case {
    const char* what;
    std::string agencies, events;
    std::string file, key;
    int line;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"unknown agency kind", kAH + "X,Y,metropolitan_authorty,metro,1,1,s\n", kEH + kE1, "agencies.csv",
       "kind", 2, "did you mean 'metropolitan_authority'?"},
      {"negative budget", kAH + "X,Y,city_council,metro,-5,1,s\n", kEH + kE1, "agencies.csv",
       "budget_eur_year", 2, "expected a number >= 0"},
      {"duplicate agency code", kAH + kA1 + kA1, kEH + kE1, "agencies.csv", "agency_code", 3,
       "duplicate agency_code 'AMB'"},
      {"month out of range", kAH + kA1, kEH + "mwc,Mobile,2016,13,08101,1,p\n", "events.csv",
       "month", 2, "a month number in [1, 12]"},
      {"fractional year", kAH + kA1, kEH + "mwc,Mobile,2016.5,2,08101,1,p\n", "events.csv", "year",
       2, "a year in [1900, 2200]"},
      {"duplicate edition", kAH + kA1, kEH + kE1 + kE1, "events.csv", "year", 3,
       "duplicate edition of 'mwc' in 2016"},
      {"missing events column", kAH + kA1, "event_kind,name,year,month,venue_zone,source\nmwc,Mobile,2016,2,08101,p\n",
       "events.csv", "attendees", 1, "missing required column 'attendees'"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    Dir d;
    d.write("agencies.csv", c.agencies);
    d.write("events.csv", c.events);
    const auto diags = errors(d);
    REQUIRE(diags.size() == 1);
    INFO(diags[0].format());
    CHECK(diags[0].file == (d.path / c.file).string());
    CHECK(diags[0].line == c.line);
    CHECK(diags[0].key == c.key);
    CHECK_THAT(diags[0].message, Catch::Contains(c.message));
  }
}

TEST_CASE("unknown venue zones and jurisdictions are reported together", "[io][region][malformed]") {
  agents::RegionInput in;
  in.municipalities.push_back({});
  in.municipalities[0].ine_code = "08101";
  in.agencies.push_back({"X", "x", agents::AgencyKind::kCityCouncil, "08102", 1, 1, 4});
  in.events.push_back({"mwc", "m", 2016, 2, "0810", 1, 7});
  in.agencies_file = "a.csv";
  in.events_file = "e.csv";
  try {
    io::validate_region_references(in, {"08101", "EXT"});
    FAIL("no error");
  } catch (const io::InputError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].format().rfind("a.csv:4: jurisdiction: unknown jurisdiction '08102'", 0) == 0);
    CHECK(e.diagnostics()[1].format().rfind("e.csv:7: venue_zone: unknown zone code '0810'", 0) == 0);
  }
}

TEST_CASE("the event calendar holds editions in their month and repeats the last one",
          "[agents][events]") {
  const agents::EventCalendar cal({{"mwc", "m", 2016, 2, "Z", 100, 1},
                                   {"mwc", "m", 2018, 3, "Z", 120, 2},
                                   {"scc", "s", 2017, 11, "Z", 20, 3}});
  REQUIRE(cal.kinds() == std::vector<std::string>{"mwc", "scc"});
  CHECK(cal.attendees(0, 2015, 2) == 0);    // before the first edition
  CHECK(cal.attendees(0, 2016, 2) == 100);
  CHECK(cal.attendees(0, 2016, 3) == 0);    // not its month
  CHECK(cal.attendees(0, 2017, 2) == 0);    // a gap year in the data: no edition
  CHECK(cal.attendees(0, 2018, 3) == 120);
  CHECK(cal.attendees(0, 2025, 3) == 120);  // after the data: the last edition repeats
  CHECK(cal.attendees(1, 2030, 11) == 20);
}
