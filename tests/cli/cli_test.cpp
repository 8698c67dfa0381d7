// The metrosim executable: exit codes, refusal to overwrite, no output on bad input, help on
// every subcommand, resolved scenarios reproducing a run bit for bit.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Result {
  int code;
  std::string out;
};

/// Runs the metrosim binary with `args` (shell syntax), capturing stdout and stderr together.
Result metrosim(const std::string& args) {
  const std::string cmd = std::string(METROSIM_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

fs::path temp_dir(const std::string& name) {
  const fs::path d =
      fs::temp_directory_path() / ("metrosim_cli_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every subcommand answers --help with exit code 0", "[cli]") {
  for (const char* cmd : {"run", "sweep", "validate", "info", "keys", "indicators"}) {
    const auto r = metrosim(std::string(cmd) + " --help");
    INFO(cmd << ": " << r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("usage: metrosim") != std::string::npos);
  }
  CHECK(metrosim("--help").code == 0);
  CHECK(metrosim("frobnicate").code == 2);
}

TEST_CASE("bad input exits with 2, names file, line and key, and writes nothing", "[cli]") {
  const fs::path d = temp_dir("bad");
  std::ofstream(d / "bad.ini") << "[run]\nsteps = 12\n[housing]\nnatural_vacancy = 2\n";
  const fs::path out = d / "out.h5";
  const auto r = metrosim("run " + (d / "bad.ini").string() + " -o " + out.string());
  CHECK(r.code == 2);
  CHECK(r.out.find("bad.ini:4: housing.natural_vacancy") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(fs::directory_iterator(d) != fs::directory_iterator());
  for (const auto& e : fs::directory_iterator(d)) CHECK(e.path().filename() == "bad.ini");
  // --set problems too, with the argument's position.
  const auto s = metrosim("run -o " + out.string() + " --set run.steps=0");
  CHECK(s.code == 2);
  CHECK(s.out.find("--set:1: run.steps") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  // An unknown zone code in a per-zone override is caught once the region is known.
  const auto z = metrosim("run -o " + out.string() + " --set relocation.amenity@99999=1");
  CHECK(z.code == 2);
  CHECK(z.out.find("99999") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an existing output is refused without --overwrite and left untouched", "[cli]") {
  const fs::path d = temp_dir("exists");
  const fs::path out = d / "run.h5";
  std::ofstream(out) << "precious";
  const auto r = metrosim("run -o " + out.string() + " --steps 2 --set agents.scale=0.005");
  CHECK(r.code == 2);
  CHECK(r.out.find("--overwrite") != std::string::npos);
  CHECK(slurp(out) == "precious");
  const auto ok =
      metrosim("run -o " + out.string() + " --steps 2 --set agents.scale=0.005 --overwrite");
  CHECK(ok.code == 0);
  CHECK(slurp(out) != "precious");
}

TEST_CASE("the resolved scenario of a run reproduces it bit for bit", "[cli][determinism]") {
  const fs::path d = temp_dir("resolved");
  const auto a =
      metrosim("run -o " + (d / "a.h5").string() +
               " --steps 6 --seed 7 --set agents.scale=0.01 --set relocation.beta_distance=0.2");
  REQUIRE(a.code == 0);
  const auto v = metrosim(
      "validate --steps 6 --seed 7 --set agents.scale=0.01 --set relocation.beta_distance=0.2");
  REQUIRE(v.code == 0);
  std::ofstream(d / "resolved.ini") << v.out;
  const auto b = metrosim("run " + (d / "resolved.ini").string() + " -o " + (d / "b.h5").string());
  REQUIRE(b.code == 0);
  // h5diff compares every dataset of the groups (attributes such as created_utc differ).
  for (const char* g : {"/metro", "/zones"}) {
    const std::string cmd =
        "h5diff -q " + (d / "a.h5").string() + " " + (d / "b.h5").string() + " " + g + " " + g;
    CHECK(std::system(cmd.c_str()) == 0);
  }
  // A different seed differs.
  REQUIRE(metrosim("run -o " + (d / "c.h5").string() +
                   " --steps 6 --seed 8 --set agents.scale=0.01 --set relocation.beta_distance=0.2")
              .code == 0);
  const std::string cmd = "h5diff -q " + (d / "a.h5").string() + " " + (d / "c.h5").string() +
                          " /zones/rent_market /zones/rent_market >/dev/null";
  CHECK(std::system(cmd.c_str()) != 0);
}

TEST_CASE("keys and indicators print Markdown tables", "[cli]") {
  const auto k = metrosim("keys --markdown");
  CHECK(k.code == 0);
  CHECK(k.out.find("housing.natural_vacancy") != std::string::npos);
  const auto i = metrosim("indicators --markdown");
  CHECK(i.code == 0);
  CHECK(i.out.find("`rent_market`") != std::string::npos);
}

TEST_CASE("info and run refuse unusable paths with exit code 2", "[cli]") {
  const fs::path d = temp_dir("paths");
  CHECK(metrosim("info " + (d / "missing.h5").string()).code == 2);
  std::ofstream(d / "text.h5") << "not hdf5";
  CHECK(metrosim("info " + (d / "text.h5").string()).code == 2);
  const auto r = metrosim("run -o " + d.string() + "/ --steps 1 --set agents.scale=0.005");
  CHECK(r.code == 2);
  CHECK(r.out.find("is a directory") != std::string::npos);
}
