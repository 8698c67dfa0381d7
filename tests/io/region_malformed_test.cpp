// region_malformed_test.cpp — one malformed region table per row: the reader must name the
// file, CSV line and column, and say what is allowed; a table with many problems reports all.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/region_reader.hpp"

namespace fs = std::filesystem;
using namespace metrosim;
using io::Diagnostic;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "metrosim-csv-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

const std::string kMH =
    "ine_code,name,area_km2,lat,lon,census2021_households,census2021_dwellings_nonprincipal,"
    "census2021_dwellings_owned,census2021_dwellings_rented,census2021_dwellings_other_tenure,"
    "adrh2022_net_income_per_household_eur,rent_2018_eur_month\n";
const std::string kM1 =
    "08019,Barcelona,101.4,41.40011,2.170355,671177,137574,409684,208468,53025,43991,929\n";
const std::string kM2 =
    "08015,Badalona,21.2,41.44702,2.244891,83337,8578,61550,16968,4819,36335,\n";
const std::string kMuni = kMH + kM1 + kM2;
const std::string kDH =
    "district_code,name,area_km2,population_2020_padro,rent_2015_eur_month,rfd_index_2015,lat,"
    "lon\n";
const std::string kD1 = "1,Ciutat Vella,4.205,108331,676,85.5,41.38113,2.18073\n";
const std::string kD2 = "2,Eixample,7.464,270694,831,115.8,41.39159,2.16447\n";
const std::string kDist = kDH + kD1 + kD2;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

/// kM2 with field `i` (0-based) replaced.
std::string m2_with(std::size_t i, const std::string& cell) {
  std::vector<std::string> f;
  std::string row = kM2.substr(0, kM2.size() - 1) + ",";
  for (std::size_t p = 0, q; (q = row.find(',', p)) != std::string::npos; p = q + 1)
    f.push_back(row.substr(p, q - p));
  f[i] = cell;
  std::string out;
  for (std::size_t k = 0; k < f.size(); ++k) out += (k ? "," : "") + f[k];
  return out + "\n";
}

/// These cases test the municipality and district tables: no agencies or events files.
model::Scenario municipal_only() {
  model::Scenario s;
  s.region.agencies = "";
  s.region.events = "";
  s.region.tourism = "";
  return s;
}

std::vector<Diagnostic> read_errors(const model::Scenario& s) {
  try {
    io::read_region(s, "/nonexistent");
  } catch (const io::InputError& e) {
    return e.diagnostics();
  }
  return {};
}

struct Case {
  const char* what;
  std::string muni;
  std::string dist;  ///< "-" = no districts file on disk
  std::string core;  ///< region.core_municipality
  std::string file;  ///< "m" municipalities, "d" districts
  int line;
  std::string key;
  std::vector<std::string> messages;
  std::size_t count = 1;
};

// clang-format off
const std::vector<Case> kCases = {
  {"byte-order mark", "\xEF\xBB\xBF" + kMuni, kDist, "08019", "m", 1, "", {"byte-order mark", "without BOM"}},
  {"ragged row", kMH + kM1 + "08015,Badalona,21.2,41.4,2.2,83337,8578,61550,16968,4819,36335\n", kDist, "08019", "m", 3, "", {"expected 12 fields (as in the header), got 11"}},
  {"duplicate ine_code", kMH + kM1 + m2_with(0, "08019"), kDist, "08019", "m", 3, "ine_code", {"duplicate ine_code '08019'", "first on line 2"}},
  {"non-numeric cell", kMH + kM1 + m2_with(2, "abc"), kDist, "08019", "m", 3, "area_km2", {"expected a number > 0, got 'abc'", "not a number"}},
  {"decimal comma in quotes", kMH + kM1 + m2_with(2, "\"21,2\""), kDist, "08019", "m", 3, "area_km2", {"expected a number > 0, got '21,2'", "decimal comma: use '.'"}},
  {"negative count", kMH + kM1 + m2_with(5, "-5"), kDist, "08019", "m", 3, "census2021_households", {"expected a number >= 0, got '-5'", "negative"}},
  {"zero area", kMH + kM1 + m2_with(2, "0"), kDist, "08019", "m", 3, "area_km2", {"expected a number > 0, got '0'"}},
  {"negative income", kMH + kM1 + m2_with(10, "-36335"), kDist, "08019", "m", 3, "adrh2022_net_income_per_household_eur", {"expected a number > 0", "negative"}},
  {"non-finite income", kMH + kM1 + m2_with(10, "nan"), kDist, "08019", "m", 3, "adrh2022_net_income_per_household_eur", {"expected a number > 0", "not a finite number"}},
  {"infinite latitude", kMH + kM1 + m2_with(3, "inf"), kDist, "08019", "m", 3, "lat", {"expected a latitude in [-90, 90]", "not a finite number"}},
  {"latitude out of range", kMH + kM1 + m2_with(3, "95"), kDist, "08019", "m", 3, "lat", {"expected a latitude in [-90, 90], got '95'", "out of range"}},
  {"longitude out of range", kMH + kM1 + m2_with(4, "-200"), kDist, "08019", "m", 3, "lon", {"expected a longitude in [-180, 180], got '-200'"}},
  {"empty required cell", kMH + kM1 + m2_with(1, ""), kDist, "08019", "m", 3, "name", {"empty cell", "expected non-empty text"}},
  {"INE code with 4 digits", kMH + kM1 + m2_with(0, "8015"), kDist, "08019", "m", 3, "ine_code", {"expected a 5-digit INE code", "leading zeros lost?"}},
  {"trailing garbage", kMH + kM2 + m2_with(11, "929x").replace(0, 5, "08019"), kDist, "08019", "m", 3, "rent_2018_eur_month", {"expected a number > 0, got '929x'", "trailing 'x'"}},
  {"empty file", "", kDist, "08019", "m", 0, "", {"empty file", "expected a header line"}},
  {"header only", kMH, kDist, "08019", "m", 1, "", {"no data rows", "expected one row per line"}},
  {"unknown extra column", "population_2024," + kMH + "1," + kM1 + "2," + kM2, kDist, "08019", "m", 1, "population_2024", {"unknown column 'population_2024'", "required: ine_code, name", "accepted and ignored: idescat_code"}},
  {"misspelt column", replaced(kMH, "census2021_households", "census2021_housholds") + kM1 + kM2, kDist, "08019", "m", 1, "census2021_housholds", {"unknown column", "did you mean 'census2021_households'?"}, 2},
  {"missing required column", "ine_code,name,area_km2,lat,census2021_households,census2021_dwellings_nonprincipal,census2021_dwellings_owned,census2021_dwellings_rented,census2021_dwellings_other_tenure,adrh2022_net_income_per_household_eur\n08019,Barcelona,101.4,41.4,671177,137574,409684,208468,53025,43991\n", kDist, "08019", "m", 1, "lon", {"missing required column 'lon'"}},
  {"duplicate header column", kMH.substr(0, kMH.size() - 1) + ",lat\n" + kM1.substr(0, kM1.size() - 1) + ",1\n", kDist, "08019", "m", 1, "lat", {"appears twice", "columns 4 and 13", "must be unique"}},
  {"unterminated quote", kMH + kM1 + "08015,\"Badalona,21.2,41.4,2.2,83337,8578,61550,16968,4819,36335,\n", kDist, "08019", "m", 3, "", {"unterminated quoted field", "cannot span lines"}},
  {"quote inside an unquoted field", kMH + kM1 + m2_with(1, "Bada\"lona"), kDist, "08019", "m", 3, "", {"quote inside an unquoted field 2", "quote the whole field"}},
  {"blank line", kMH + kM1 + "\n" + kM2, kDist, "08019", "m", 3, "", {"empty line", "expected 12 comma-separated fields"}},
  {"core municipality missing", kMuni, kDist, "08020", "m", 0, "region.core_municipality", {"core municipality '08020' is not in municipalities.csv", "one of the file's ine_code values"}},
  {"duplicate district_code", kMuni, kDH + kD1 + "1" + kD2.substr(1), "08019", "d", 3, "district_code", {"duplicate district_code '1'", "first on line 2"}},
  {"negative income index", kMuni, kDH + kD1 + "2,Eixample,7.464,270694,831,-115.8,41.39159,2.16447\n", "08019", "d", 3, "rfd_index_2015", {"expected a number > 0, got '-115.8'"}},
  {"bad district code", kMuni, kDH + kD1 + "2 b,Eixample,7.464,270694,831,115.8,41.39159,2.16447\n", "08019", "d", 3, "district_code", {"expected a code of letters, digits"}},
  {"misspelt district column", kMuni, replaced(kDH, "rent_2015_eur_month", "rent_2015_eur_mont") + kD1 + kD2, "08019", "d", 1, "rent_2015_eur_mont", {"did you mean 'rent_2015_eur_month'?"}, 2},
  {"missing districts file", kMuni, "-", "08019", "d", 0, "region.districts", {"cannot read region file", "No such file"}},
};
// clang-format on

}  // namespace

TEST_CASE(
    "each malformed region table gives a diagnostic naming file, line, column and what is allowed",
    "[io][region][malformed]") {
  REQUIRE(kCases.size() >= 25);
  for (const Case& c : kCases) {
    INFO("case: " << c.what);
    TempDir dir;
    dir.write("municipalities.csv", c.muni);
    if (c.dist != "-") dir.write("barcelona-districts.csv", c.dist);
    model::Scenario s = municipal_only();
    s.region.dir = dir.path.string();
    s.region.core_municipality = c.core;
    const std::vector<Diagnostic> d = read_errors(s);
    for (const Diagnostic& x : d) UNSCOPED_INFO(x.format());
    REQUIRE(d.size() == c.count);
    const auto it =
        std::find_if(d.begin(), d.end(), [&](const Diagnostic& x) { return x.key == c.key; });
    REQUIRE(it != d.end());
    INFO(it->format());
    CHECK(it->file ==
          (dir.path / (c.file == "m" ? "municipalities.csv" : "barcelona-districts.csv")).string());
    CHECK(it->line == c.line);
    for (const std::string& m : c.messages) CHECK_THAT(it->message, Catch::Contains(m));
  }
}

TEST_CASE("quoted names with commas, CRLF line ends and empty optional cells are accepted",
          "[io][region]") {
  TempDir dir;
  std::string crlf;
  for (char ch : kMH + kM1 +
                     "08213,\"Sant Just, Desvern "
                     "\"\"SJD\"\"\",7.8,41.38,2.07,6000,300,4500,1200,300,50000,\n")
    crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  dir.write("municipalities.csv", crlf);
  dir.write("barcelona-districts.csv", kDist);
  model::Scenario s = municipal_only();
  s.region.dir = dir.path.string();
  const agents::RegionInput in = io::read_region(s, "/nonexistent");
  REQUIRE(in.municipalities.size() == 2);
  CHECK(in.municipalities[1].name == "Sant Just, Desvern \"SJD\"");
  CHECK(in.municipalities[1].line == 3);
  CHECK_FALSE(in.municipalities[1].rent_2018.has_value());
  CHECK(in.municipalities[0].rent_2018 == 929.0);
  CHECK(in.districts.size() == 2);
}

TEST_CASE("a region with many problems reports all of them at once", "[io][region][malformed]") {
  TempDir dir;
  dir.write("municipalities.csv",
            kMH + kM1 + m2_with(2, "-1").replace(0, 5, "8015") + m2_with(3, "x"));
  dir.write("barcelona-districts.csv", kDH + kD1 + "1,Eixample,7.464,270694,abc,115.8,41.39159\n" +
                                           kD2.substr(0, 2) +
                                           ",7.464,270694,831,115.8,41.39159,2.16447\n");
  model::Scenario s = municipal_only();
  s.region.dir = dir.path.string();
  const std::vector<Diagnostic> d = read_errors(s);
  std::vector<std::tuple<std::string, int, std::string>> got;
  for (const Diagnostic& x : d) UNSCOPED_INFO(x.format());
  for (const Diagnostic& x : d)
    got.emplace_back(fs::path(x.file).filename().string(), x.line, x.key);
  std::sort(got.begin(), got.end());
  const std::vector<std::tuple<std::string, int, std::string>> expected = {
      {"barcelona-districts.csv", 3, ""},      // ragged
      {"barcelona-districts.csv", 4, "name"},  // empty required cell
      {"municipalities.csv", 3, "area_km2"},  {"municipalities.csv", 3, "ine_code"},
      {"municipalities.csv", 4, "lat"},
  };
  CHECK(got == expected);
}
