// scenario_loader_test.cpp — precedence, canonical round trip, the key table and the bindings of
// the key registry, zone-override validation.
#include "io/scenario_loader.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "io/key_registry.hpp"

namespace fs = std::filesystem;
using namespace metrosim;

namespace {

const std::string kData = METROSIM_TEST_DATA_DIR;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "metrosim-scn-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

TEST_CASE("no file and no --set gives the defaults of the Scenario struct", "[io][scenario]") {
  const io::LoadedScenario l = io::load_scenario("", {});
  CHECK(l.source == "<built-in default>");
  CHECK(l.files.empty());
  CHECK(io::canonical_ini(l.scenario) == io::canonical_ini(model::Scenario{}));
  CHECK(l.scenario.zone_overrides.empty());
}

TEST_CASE("precedence: defaults < base chain < file < --set, the last --set wins",
          "[io][scenario]") {
  const std::string top = kData + "/scenarios/precedence/top.ini";
  const io::LoadedScenario l =
      io::load_scenario(top, {"run.steps=40", "relocation.choices=5", "run.steps=50"});
  const model::Scenario& s = l.scenario;
  CHECK(l.source == top);
  REQUIRE(l.files.size() == 3);
  CHECK(fs::path(l.files[0]).filename() == "grand.ini");
  CHECK(fs::path(l.files[1]).filename() == "base.ini");
  CHECK(l.files[2] == top);

  CHECK(s.run.steps == 50);                          // grand 10 < base 20 < top 30 < --set 40 < 50
  CHECK(s.run.seed == 6);                            // grand 5 < base 6; top leaves it
  CHECK(s.run.name == "from-grand");                 // only the deepest base sets it
  CHECK(s.investors.term_before_2019_months == 60);  // base chain over the default 36
  CHECK(s.relocation.choices == 5);                  // --set over the default
  CHECK(s.housing.rent_vacancy_speed == 0.15);       // nobody sets it: the default
  // region.dir is relative to the file that sets it (sub/base.ini), stored absolute
  CHECK(s.region.dir ==
        fs::absolute(kData + "/scenarios/precedence/sub/region-data").lexically_normal().string());

  REQUIRE(s.zone_overrides.size() == 2);  // sorted by key then zone; one per (key, zone)
  CHECK(s.zone_overrides[0].key == "housing.natural_vacancy");
  CHECK(s.zone_overrides[0].zone_code == "08015");
  CHECK(s.zone_overrides[0].value == 0.07);
  CHECK(s.zone_overrides[1].zone_code == "08019");
  CHECK(s.zone_overrides[1].value == 0.06);  // the top file's override wins over the base's
  CHECK(s.zone_overrides[1].file == top);
  CHECK(s.zone_overrides[1].line == 8);
}

TEST_CASE("a --set takes per-zone overrides and resolves relative paths against the working dir",
          "[io][scenario]") {
  const io::LoadedScenario l = io::load_scenario(
      "", {"relocation.amenity@0801901=1.5", "relocation.amenity@0801901=-2", "region.dir=xyz"});
  REQUIRE(l.scenario.zone_overrides.size() == 1);
  CHECK(l.scenario.zone_overrides[0].value == -2);
  CHECK(l.scenario.zone_overrides[0].file == "--set");
  CHECK(l.scenario.zone_overrides[0].line == 2);
  CHECK(l.scenario.region.dir == (fs::current_path() / "xyz").string());
}

TEST_CASE("values keep '#' inside them and numbers accept a leading '+'", "[io][scenario]") {
  TempDir dir;
  const std::string f = dir.write("s.ini",
                                  "# comment\n; comment\n\n[run]\n  name  =  run#3 ; x  \r\n"
                                  "steps = +12\n[output]\nindicators = rent_*, moves\n");
  const model::Scenario s = io::load_scenario(f, {}).scenario;
  CHECK(s.run.name == "run#3 ; x");
  CHECK(s.run.steps == 12);
  CHECK(s.output.indicators == std::vector<std::string>{"rent_*", "moves"});
}

TEST_CASE("canonical text loads back to the identical scenario, doubles bit for bit",
          "[io][scenario][canonical]") {
  TempDir dir;
  const std::string f = dir.write(
      "s.ini",
      "[run]\nname = round trip #1\nseed = 4000000000000000000\nstart = 2019-03\n"
      "[economy]\ncpi_growth = 0.1\nwage_growth = 0.30000000000000004e-1\n"
      "[housing]\nrent_anchor_speed = 1e-7\nnatural_vacancy@08019 = 0.0123456789012345678\n"
      "[relocation]\namenity@EXT = -1e-7\nbeta_distance = 2.2250738585072014e-308\n"
      "[external]\nvacant_offer = 123456.789\n"
      "[output]\nprecision = float32\nevery = 12\nindicators = a,b*\n"
      "[region]\ndir = ../somewhere\ndistricts =\n");
  const model::Scenario s1 = io::load_scenario(f, {}).scenario;
  const std::string c1 = io::canonical_ini(s1);
  CHECK_THAT(c1, Catch::Contains("rent_anchor_speed = 1e-07\n"));
  CHECK_THAT(c1, Catch::Contains("cpi_growth = 0.1\n"));
  CHECK_THAT(c1, Catch::Contains("natural_vacancy@08019 = 0.012345678901234568\n"));
  CHECK_THAT(c1, Catch::Contains("amenity@EXT = -1e-07\n"));
  CHECK_THAT(c1,
             Catch::Contains("dir = " + (dir.path.parent_path() / "somewhere").string() + "\n"));
  CHECK_THAT(c1, Catch::Contains("districts =\n"));

  const std::string f2 = dir.write("canonical.ini", c1);
  const model::Scenario s2 = io::load_scenario(f2, {}).scenario;
  CHECK(io::canonical_ini(s2) == c1);
  CHECK(s2.run.name == s1.run.name);
  CHECK(s2.run.seed == s1.run.seed);
  CHECK(same_bits(s2.economy.wage_growth, s1.economy.wage_growth));
  CHECK(same_bits(s2.housing.rent_anchor_speed, 1e-7));
  CHECK(same_bits(s2.relocation.beta_distance, s1.relocation.beta_distance));
  CHECK(same_bits(s2.external.vacant_offer, 123456.789));
  REQUIRE(s2.zone_overrides.size() == 2);
  CHECK(same_bits(s2.zone_overrides[0].value, s1.zone_overrides[0].value));
  CHECK(same_bits(s2.zone_overrides[1].value, -1e-7));
  CHECK(s2.output.indicators == s1.output.indicators);
  CHECK(s2.output.precision == model::Precision::kFloat32);
}

TEST_CASE("canonical text lists every key once, sections and keys sorted",
          "[io][scenario][canonical]") {
  const std::string c = io::canonical_ini(model::Scenario{});
  std::vector<std::string> seen;
  std::string section;
  std::istringstream in(c);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      section = line.substr(1, line.size() - 2);
      continue;
    }
    seen.push_back(section + "." + line.substr(0, line.find(' ')));
  }
  std::vector<std::string> names;
  for (const io::KeySpec& k : io::scenario_keys()) names.push_back(k.name);
  CHECK(seen == names);  // scenario_keys() is sorted by name: same order, no key twice
}

TEST_CASE("keys_markdown has one row per registered key", "[io][scenario][keys]") {
  const std::string md = io::keys_markdown();
  CHECK(md.rfind("| key | type | unit | default | range/allowed | per-zone | shocks | status | "
                 "source | description |",
                 0) == 0);
  std::size_t rows = 0;
  for (std::size_t p = 0; (p = md.find("\n| `", p)) != std::string::npos; ++p) ++rows;
  CHECK(rows == io::scenario_keys().size());
  for (const io::KeySpec& k : io::scenario_keys()) {
    const std::string cell = "| `" + k.name + "` |";
    INFO(k.name);
    const std::size_t first = md.find(cell);
    REQUIRE(first != std::string::npos);
    CHECK(md.find(cell, first + 1) == std::string::npos);
  }
  CHECK_THAT(md, Catch::Contains("Spanish lease law (LAU 1994 as amended 2013: 3-year minimum)"));
  CHECK_THAT(md, Catch::Contains("Incasòl rental deposits 2015, Barcelona mean 735 EUR/month"));
}

TEST_CASE(
    "every parameter is constrained by data or marked assumption (swept), or says what else it is",
    "[io][keys]") {
  // MODEL.md's rule: a reader can tell for every parameter where its value comes from. An
  // "assumption" that is not swept, or no source at all, has no status and fails here.
  for (const io::KeySpec& k : io::scenario_keys()) {
    INFO(k.name << ": source '" << k.source << "'");
    CHECK_FALSE(io::key_status(k).empty());
  }
  io::KeySpec k;
  k.source = "assumption: a guess";
  CHECK(io::key_status(k).empty());
  k.source = "assumption (swept): literature range";
  CHECK(io::key_status(k) == "assumption (swept)");
  k.source = "Incasòl rental deposits 2015";
  CHECK(io::key_status(k) == "constrained by data");
  k.source = "policy lever";
  CHECK(io::key_status(k) == "policy lever");
}

TEST_CASE("every key's setter and getter touch one field and only that one", "[io][keys]") {
  const model::Scenario defaults;
  std::set<std::string> sections;
  for (const io::KeySpec& k : io::scenario_keys()) {
    INFO(k.name);
    sections.insert(k.section());
    CHECK(!k.doc.empty());
    CHECK(!k.source.empty());
    CHECK(k.per_zone == (k.name == "housing.natural_vacancy" || k.name == "relocation.amenity" ||
                         k.name == "tourism.str_licence_cap" || k.name == "housing.social_weight" ||
                         k.name == "investors.initial_large_share" || k.name == "brand.sharing" ||
                         k.name == "brand.own_awareness" || k.name == "brand.own_image"));
    CHECK(k.per_agency == (k.section() == "agencies"));
    const std::string def = io::format_value(k, k.get(defaults));
    std::string error;
    REQUIRE(io::parse_value(k, def, error).has_value());  // the default is allowed
    std::optional<io::KeyValue> v;
    for (const std::string& text :
         {std::string("0.123"), std::string("7"), std::string("12"), std::string("float32"),
          std::string("2020-05"), std::string("08001"), std::string("other"), std::string("true"),
          std::string("false"), std::string("1.5,0.5,1,1,1,1,1,1,1,1,1,1"),
          std::string("metropolitan"), std::string("2020")}) {
      if (text == def) continue;
      if ((v = io::parse_value(k, text, error))) break;
    }
    if (!v && k.type == io::KeyType::kDouble) {
      const double x = std::isinf(k.range.hi) ? k.range.lo + 1 : k.range.hi;
      v = io::parse_value(k, io::format_double(x), error);
    }
    REQUIRE(v.has_value());
    model::Scenario s;
    k.set(s, *v);
    CHECK(io::format_value(k, k.get(s)) == io::format_value(k, *v));
    for (const io::KeySpec& other : io::scenario_keys())
      if (other.name != k.name)
        CHECK(io::format_value(other, other.get(s)) ==
              io::format_value(other, other.get(defaults)));
  }
  CHECK(sections == std::set<std::string>{
                        "agencies",   "agents",    "brand",         "cooperation", "economy", "evaluation", "firms", "funding",
                        "events",     "external",  "externalities", "governance",  "housing",
                        "investment", "investors", "labour",        "migration",   "mitigation",
                        "networks",   "output",    "politics",      "promoters",   "region",
                        "relocation", "run",       "shocks",        "talent",      "tourism"});
}

TEST_CASE("unknown zone codes are reported with file, line and a suggestion", "[io][scenario]") {
  TempDir dir;
  const std::string f = dir.write("s.ini",
                                  "[housing]\nnatural_vacancy@0801 = 0.1\n"
                                  "natural_vacancy@08015 = 0.1\n[relocation]\n"
                                  "amenity@ZZZZZZZZ = 1\namenity@EXT = 1\namenity@08019 = 2\n");
  const model::Scenario s = io::load_scenario(f, {}).scenario;
  CHECK_NOTHROW(io::validate_zone_overrides(s, {"0801", "08015", "08019", "ZZZZZZZZ", "EXT"}));
  const std::vector<std::string> codes = {"08015", "08101", "0801901", "0801902", "EXT"};
  try {
    io::validate_zone_overrides(s, codes);
    FAIL("expected InputError");
  } catch (const io::InputError& e) {
    REQUIRE(e.diagnostics().size() == 3);
    const io::Diagnostic& a = e.diagnostics()[0];
    CHECK(a.format() == f + ":2: housing.natural_vacancy@0801: unknown zone code '0801'; did you "
                            "mean '08015'?");
    // in the order of s.zone_overrides: by key, then zone code
    const io::Diagnostic& b = e.diagnostics()[2];
    CHECK(b.line == 5);
    CHECK(b.key == "relocation.amenity@ZZZZZZZZ");
    CHECK_THAT(b.message, Catch::Contains("the region has 5 zone codes (e.g. 08015, 08101"));
    const io::Diagnostic& c = e.diagnostics()[1];  // the core city split into districts
    CHECK(c.line == 7);
    CHECK(c.message ==
          "unknown zone code '08019'; it is split into zones 0801901, 0801902: set each of them");
  }
}

TEST_CASE("an InputError's text lists every diagnostic, one per line", "[io]") {
  const io::InputError e(
      {{"a.ini", 3, "run.steps", "bad"}, {"--set", 1, "", "worse"}, {"f", 0, "k", "m"}});
  CHECK(std::string(e.what()) == "a.ini:3: run.steps: bad\n--set:1: worse\nf: k: m");
}
