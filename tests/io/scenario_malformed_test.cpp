// scenario_malformed_test.cpp — one malformed scenario per row: the loader must name the exact
// file, line and key, and say what is allowed. Fixtures are written into a fresh temp directory.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/scenario_loader.hpp"

namespace fs = std::filesystem;
using metrosim::io::Diagnostic;
using metrosim::io::InputError;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "metrosim-ini-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

std::vector<Diagnostic> diagnostics_of(const std::string& file,
                                       const std::vector<std::string>& sets) {
  try {
    metrosim::io::load_scenario(file, sets);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

struct Case {
  const char* what;
  std::vector<std::pair<std::string, std::string>> files;  ///< first = the scenario file
  std::vector<std::string> sets;
  std::string file;  ///< expected diagnostic file: a fixture name, "--set", or "" = scenario
  int line;
  std::string key;                    ///< substring of Diagnostic::key
  std::vector<std::string> messages;  ///< substrings of the message: what is wrong and allowed
};

// clang-format off
const std::vector<Case> kCases = {
  {"unknown section", {{"s.ini", "[run]\nsteps = 12\n[hosuing]\nnatural_vacancy = 0.1\n"}}, {},
   "", 3, "hosuing", {"unknown section [hosuing]", "did you mean 'housing'?", "expected one of: agencies, agents, brand, cooperation, economy"}},
  {"unknown key", {{"s.ini", "[housing]\nnatural_vacncy = 0.1\n"}}, {},
   "", 2, "housing.natural_vacncy", {"unknown key 'natural_vacncy'", "did you mean 'natural_vacancy'?", "expected one of: anchor_burden"}},
  {"key in the wrong section", {{"s.ini", "[housing]\nmove_rate_owner = 0.1\n"}}, {},
   "", 2, "housing.move_rate_owner", {"did you mean 'relocation.move_rate_owner'?"}},
  {"duplicate key", {{"s.ini", "[run]\nsteps = 12\nseed = 2\nsteps = 24\n"}}, {},
   "", 4, "run.steps", {"duplicate key", "first set on line 2", "once per file"}},
  {"duplicate section header", {{"s.ini", "[run]\nsteps = 12\n[housing]\n[run]\nseed = 3\n"}}, {},
   "", 4, "run", {"appears twice", "first on line 1", "under one header"}},
  {"integer given a fraction", {{"s.ini", "[run]\nsteps = 12.5\n"}}, {},
   "", 2, "run.steps", {"expected an integer in [1, 1200], got '12.5'", "not an integer"}},
  {"integer out of range", {{"s.ini", "[run]\nsteps = 0\n"}}, {},
   "", 2, "run.steps", {"expected an integer in [1, 1200], got '0'", "out of range"}},
  {"double out of range", {{"s.ini", "[housing]\nnatural_vacancy = 0.5\n"}}, {},
   "", 2, "housing.natural_vacancy", {"expected a number in [0.005, 0.3], got '0.5'", "out of range"}},
  {"exclusive lower bound", {{"s.ini", "[agents]\nscale = 0\n"}}, {},
   "", 2, "agents.scale", {"expected a number in (0, 1], got '0'"}},
  {"nan", {{"s.ini", "[housing]\ncompletion_ltr_share = nan\n"}}, {},
   "", 2, "housing.completion_ltr_share", {"expected a number in [0, 1]", "not a finite number"}},
  {"infinity", {{"s.ini", "[relocation]\nbeta_burden = inf\n"}}, {},
   "", 2, "relocation.beta_burden", {"expected a number in [0, 50]", "not a finite number"}},
  {"empty value", {{"s.ini", "[run]\nsteps =\n"}}, {},
   "", 2, "run.steps", {"empty value", "expected an integer in [1, 1200]"}},
  {"negative unsigned seed", {{"s.ini", "[run]\nseed = -1\n"}}, {},
   "", 2, "run.seed", {"expected an integer in [0, 4000000000000000000], got '-1'", "negative"}},
  {"unsigned overflow", {{"s.ini", "[run]\nseed = 18446744073709551616\n"}}, {},
   "", 2, "run.seed", {"expected an integer in [0, 4000000000000000000]", "too large"}},
  {"byte-order mark", {{"s.ini", "\xEF\xBB\xBF[run]\nsteps = 12\n"}}, {},
   "", 1, "", {"byte-order mark", "UTF-8 without BOM"}},
  {"quoted value", {{"s.ini", "[run]\nname = \"my run\"\n"}}, {},
   "", 2, "run.name", {"quoted value", "without quotes"}},
  {"line without '='", {{"s.ini", "[run]\nsteps 12\n"}}, {},
   "", 2, "", {"line without '='", "expected 'key = value'"}},
  {"missing base file", {{"s.ini", "base = nothere.ini\n[run]\nsteps = 3\n"}}, {},
   "", 1, "base", {"cannot read base file 'nothere.ini'", "relative to the including file"}},
  {"cyclic base chain", {{"a.ini", "base = b.ini\n"}, {"b.ini", "\nbase = a.ini\n"}}, {},
   "b.ini", 2, "base", {"cyclic base chain: ", "a.ini -> ", "b.ini -> ", "may not be its own base"}},
  {"per-zone override of a global key", {{"s.ini", "[housing]\nanchor_burden@08019 = 0.3\n"}}, {},
   "", 2, "housing.anchor_burden@08019", {"not allowed", "housing.natural_vacancy, housing.social_weight, investors.initial_large_share, relocation.amenity"}},
  {"empty zone code", {{"s.ini", "[housing]\nnatural_vacancy@ = 0.1\n"}}, {},
   "", 2, "housing.natural_vacancy@", {"bad zone code", "non-empty code"}},
  {"per-zone value out of range", {{"s.ini", "[housing]\nnatural_vacancy@08019 = 0.9\n"}}, {},
   "", 2, "housing.natural_vacancy@08019", {"expected a number in [0.005, 0.3], got '0.9'"}},
  {"invalid enum choice", {{"s.ini", "[output]\nprecision = float16\n"}}, {},
   "", 2, "output.precision", {"expected one of float64, float32, got 'float16'"}},
  {"enum in the wrong case", {{"s.ini", "[output]\nprecision = Float32\n"}}, {},
   "", 2, "output.precision", {"one of float64, float32", "did you mean 'float32'?"}},
  {"output.every not 1 or 12", {{"s.ini", "[output]\nevery = 6\n"}}, {},
   "", 2, "output.every", {"expected one of 1, 12, got '6'"}},
  {"malformed start month", {{"s.ini", "[run]\nstart = 2015-13\n"}}, {},
   "", 2, "run.start", {"a month YYYY-MM", "got '2015-13'"}},
  {"start month without zero padding", {{"s.ini", "[run]\nstart = 2015-1\n"}}, {},
   "", 2, "run.start", {"a month YYYY-MM", "e.g. 2015-01"}},
  {"trailing garbage", {{"s.ini", "[housing]\ncompletion_ltr_share = 0.5abc\n"}}, {},
   "", 2, "housing.completion_ltr_share", {"expected a number in [0, 1], got '0.5abc'", "trailing 'abc'"}},
  {"inline comment", {{"s.ini", "[run]\nsteps = 12 # twelve\n"}}, {},
   "", 2, "run.steps", {"expected an integer in [1, 1200]", "comments must be on a line of their own"}},
  {"decimal comma", {{"s.ini", "[housing]\nnatural_vacancy = 0,05\n"}}, {},
   "", 2, "housing.natural_vacancy", {"decimal comma: use '.'", "[0.005, 0.3]"}},
  {"hexadecimal", {{"s.ini", "[run]\nsteps = 0x10\n"}}, {},
   "", 2, "run.steps", {"hexadecimal", "an integer in [1, 1200]"}},
  {"exponent for an integer", {{"s.ini", "[relocation]\nchoices = 1e1\n"}}, {},
   "", 2, "relocation.choices", {"expected an integer in [1, 10], got '1e1'", "not an integer"}},
  {"key outside any section", {{"s.ini", "steps = 12\n[run]\n"}}, {},
   "", 1, "steps", {"outside any section", "only 'base' may come before"}},
  {"base after a section", {{"s.ini", "[run]\nbase = other.ini\n"}}, {},
   "", 2, "base", {"'base' must come before the first [section]"}},
  {"malformed section header", {{"s.ini", "[run\nsteps = 12\n"}}, {},
   "", 1, "[run", {"malformed section header", "expected '[name]'"}},
  {"core municipality not an INE code", {{"s.ini", "[region]\ncore_municipality = 8019\n"}}, {},
   "", 2, "region.core_municipality", {"expected a 5-digit INE municipality code, got '8019'"}},
  {"empty item in a list", {{"s.ini", "[output]\nindicators = rent,,moves\n"}}, {},
   "", 2, "output.indicators", {"comma-separated indicator names", "empty item"}},
  {"empty run name", {{"s.ini", "[run]\nname =\n"}}, {},
   "", 2, "run.name", {"empty value", "expected non-empty text"}},
  {"vacant shares above one", {{"s.ini", "[region]\nltr_vacant_share_of_nonprincipal = 0.6\nowner_vacant_share_of_nonprincipal = 0.6\n"}}, {},
   "", 3, "region.owner_vacant_share_of_nonprincipal", {"is 1.2", "expected at most 1"}},
  {"construction lags reversed", {{"s.ini", "[housing]\nlag_min_months = 30\nlag_max_months = 24\n"}}, {},
   "", 3, "housing.lag_max_months", {"is 30", "expected lag_min_months <= lag_max_months"}},
  {"missing scenario file", {}, {}, "missing.ini", 0, "", {"cannot read scenario file", "No such file"}},
  {"directory as scenario file", {{"dir.ini/x", ""}}, {}, "dir.ini", 0, "", {"cannot read scenario file", "not a regular file"}},
  {"--set without '='", {}, {"run.seed"}, "--set", 1, "run.seed", {"missing '='", "expected section.key=value"}},
  {"--set unknown key", {}, {"run.seed=1", "run.stesp=3"}, "--set", 2, "run.stesp", {"unknown key 'stesp'", "did you mean 'steps'?"}},
  {"retired key", {{"s.ini", "[housing]\nlease_term_months = 60\n"}}, {},
   "", 2, "housing.lease_term_months", {"retired", "expected 'investors.term_before_2019_months' instead"}},
  {"--set retired key", {}, {"housing.eviction_at_renewal=0.1"}, "--set", 1, "housing.eviction_at_renewal", {"retired", "expected 'investors.non_renewal_small' instead"}},
  {"--set without a section", {}, {"seed=3"}, "--set", 1, "seed", {"expected section.key=value", "did you mean 'run.seed'?"}},
  {"--set negative seed", {}, {"run.steps=12", "run.seed=-1"}, "--set", 2, "run.seed", {"got '-1'", "negative"}},
  {"--set unknown section", {}, {"rn.steps=12"}, "--set", 1, "rn.steps", {"unknown section [rn]", "did you mean 'run'?"}},
  {"--set per-zone override of a global key", {}, {"run.steps@08019=12"}, "--set", 1, "run.steps@08019", {"per-zone override is not allowed"}},
};
// clang-format on

}  // namespace

TEST_CASE("each malformed scenario gives one diagnostic naming file, line, key and what is allowed",
          "[io][scenario][malformed]") {
  REQUIRE(kCases.size() >= 40);
  for (const Case& c : kCases) {
    TempDir dir;
    std::string top =
        (dir.path / (c.file.empty() || c.file == "--set" ? "s.ini" : c.file)).string();
    for (std::size_t i = 0; i < c.files.size(); ++i) {
      const std::string p = dir.write(c.files[i].first, c.files[i].second);
      if (i == 0 && c.files[i].first.find('/') == std::string::npos) top = p;
    }
    if (c.files.empty() && c.file == "--set") top = "";
    const std::string expected_file = c.file == "--set" ? c.file
                                      : c.file.empty()  ? top
                                                        : (dir.path / c.file).string();
    INFO("case: " << c.what);
    const std::vector<Diagnostic> d = diagnostics_of(top, c.sets);
    for (const Diagnostic& x : d) UNSCOPED_INFO(x.format());
    REQUIRE(d.size() == 1);
    INFO(d[0].format());
    CHECK(d[0].file == expected_file);
    CHECK(d[0].line == c.line);
    CHECK(d[0].key.find(c.key) != std::string::npos);
    if (c.key.empty()) CHECK(d[0].key.empty());
    for (const std::string& m : c.messages) CHECK_THAT(d[0].message, Catch::Contains(m));
    CHECK(d[0].format().rfind(expected_file, 0) == 0);
  }
}

TEST_CASE("a file with many problems reports all of them at once, in reading order",
          "[io][scenario][malformed]") {
  const std::string file = std::string(METROSIM_TEST_DATA_DIR) + "/scenarios/multi_error.ini";
  const std::vector<Diagnostic> d = diagnostics_of(file, {"run.seed=-3", "housing.nope=1"});
  std::vector<std::tuple<std::string, int, std::string>> got;
  for (const Diagnostic& x : d) {
    INFO(x.format());
    CHECK_THAT(x.message, Catch::Contains("expected") || Catch::Contains("first set on line"));
    got.emplace_back(x.file == file ? "F" : x.file, x.line, x.key);
  }
  const std::vector<std::tuple<std::string, int, std::string>> expected = {
      {"F", 3, "run.steps"},
      {"F", 4, "run.seed"},
      {"F", 5, "run.name"},
      {"F", 6, ""},
      {"F", 8, "agents.scale"},
      {"F", 10, "hosuing"},
      {"F", 13, "housing.natural_vacancy@08019"},
      {"F", 14, "housing.rent_vacancy_speed@08019"},
      {"F", 15, "housing.anchor_burden"},
      {"F", 16, "housing.natural_vacancy@08019"},
      {"F", 19, "relocation.choices"},
      {"F", 20, "relocation.amenity@"},
      {"F", 23, "output.precision"},
      {"F", 24, "output.every"},
      {"--set", 1, "run.seed"},
      {"--set", 2, "housing.nope"},
  };
  CHECK(got == expected);
}
