// h5_writer_test.cpp — the run writer against docs/OUTPUT.md, read back with the HDF5 C++ API:
// shapes, values, attributes, dimension scales, yearly aggregation, precision, indicator
// selection, refusal/overwrite, atomic replacement; and `metrosim info`'s summary.
#include "io/h5_writer.hpp"

#include <hdf5_hl.h>
#include <catch2/catch.hpp>

#include <H5Cpp.h>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/h5_info.hpp"

namespace fs = std::filesystem;
using namespace metrosim;
using io::Aggregation;

namespace {

constexpr int kMonths = 30;
constexpr int kZones = 3;

// Known values, so every read-back and every aggregate can be computed here independently.
double new_contracts(int t) {
  return 1.0 + t;
}  // metro flow
double metro_households(int t) {
  return 1000.0 + 10.0 * t;
}  // metro stock
double moves(int t, int z) {
  return 10.0 * t + z + 0.5;
}  // zones flow
double rent(int t, int z) {
  return 500.0 + t + 0.25 * z;
}  // zones stock
double area(int z) {
  return 2.5 * (z + 1);
}  // zones static

/// Day offset of month t's first day from 2015-01-01 (computed without the engine's calendar).
std::int32_t day_offset(int t) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::int32_t d = 0;
  for (int m = 0; m < t; ++m) {
    const int year = 2015 + m / 12, month = m % 12;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    d += days[month] + (month == 1 && leap ? 1 : 0);
  }
  return d;
}

io::Coordinate time_coord(int months) {
  std::vector<std::int32_t> t;
  for (int m = 0; m < months; ++m) t.push_back(day_offset(m));
  return {"time",
          t,
          {{"units", "days since 2015-01-01 00:00:00"},
           {"calendar", "standard"},
           {"long_name", "first day of the month"}},
          ""};
}

io::Coordinate month_index(int months) {
  std::vector<std::int32_t> m(static_cast<std::size_t>(months));
  for (int i = 0; i < months; ++i) m[static_cast<std::size_t>(i)] = i;
  return {"month_index", m, {{"units", "1"}, {"long_name", "months since start"}}, "time"};
}

io::RunOutput synthetic_run() {
  io::RunOutput out;
  out.attrs_text = {{"scenario_name", "test"},
                    {"scenario_resolved",
                     "[run]\nname = test\nseed = 7\nsteps = 30\n"
                     "start = 2015-01\n[a]\nb = 1\n[c]\nd = 2\n[e]\n"
                     "f = 3\n[g]\nh = 4\n[i]\nj = 5\n"},
                    {"start", "2015-01"}};
  out.attrs_int = {{"seed", 7}, {"steps", kMonths}};

  io::Group metro;
  metro.name = "metro";
  metro.coords = {time_coord(kMonths), month_index(kMonths)};
  io::Variable nc{"new_contracts",   "contracts/month", "new rental contracts signed", {"time"}, {},
                  Aggregation::kFlow};
  io::Variable hh{"households", "households", "households in the metro area",
                  {"time"},     {},           Aggregation::kStock};
  for (int t = 0; t < kMonths; ++t) {
    nc.data.push_back(new_contracts(t));
    hh.data.push_back(metro_households(t));
  }
  metro.vars = {nc, hh};

  io::Group zones;
  zones.name = "zones";
  zones.coords = {
      time_coord(kMonths),
      month_index(kMonths),
      {"zone", std::vector<std::string>{"Z0", "Z1", "Zèta"}, {{"long_name", "zone"}}, ""},
      {"zone_code",
       std::vector<std::string>{"08015", "0801901", "EXT"},
       {{"long_name", "INE code"}},
       "zone"},
      {"is_core",
       std::vector<std::uint8_t>{0, 1, 0},
       {{"units", "1"}, {"long_name", "zone is in the core city"}},
       "zone"}};
  io::Variable mv{"moves", "households/month", "households moving in", {"time", "zone"},
                  {},      Aggregation::kFlow};
  io::Variable rm{"rent_market",    "EUR/month", "market rent of new contracts",
                  {"time", "zone"}, {},          Aggregation::kStock};
  io::Variable ar{"area", "km2", "zone area", {"zone"}, {}, Aggregation::kStatic};
  for (int t = 0; t < kMonths; ++t)
    for (int z = 0; z < kZones; ++z) {
      mv.data.push_back(moves(t, z));
      rm.data.push_back(rent(t, z));
    }
  for (int z = 0; z < kZones; ++z) ar.data.push_back(area(z));
  zones.vars = {mv, rm, ar};
  out.groups = {metro, zones};
  return out;
}

/// A fresh directory under the system temp dir, removed with everything in it at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() /
           ("metrosim_h5_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
  std::set<std::string> entries() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(path)) names.insert(e.path().filename().string());
    return names;
  }
};

std::vector<hsize_t> shape(const H5::DataSet& ds) {
  const H5::DataSpace space = ds.getSpace();
  std::vector<hsize_t> dims(static_cast<std::size_t>(space.getSimpleExtentNdims()));
  space.getSimpleExtentDims(dims.data());
  return dims;
}

std::vector<double> read_doubles(const H5::H5File& f, const std::string& name) {
  const H5::DataSet ds = f.openDataSet(name);
  std::vector<double> v(static_cast<std::size_t>(ds.getSpace().getSimpleExtentNpoints()));
  ds.read(v.data(), H5::PredType::NATIVE_DOUBLE);
  return v;
}

std::vector<std::int32_t> read_ints(const H5::H5File& f, const std::string& name) {
  const H5::DataSet ds = f.openDataSet(name);
  std::vector<std::int32_t> v(static_cast<std::size_t>(ds.getSpace().getSimpleExtentNpoints()));
  ds.read(v.data(), H5::PredType::NATIVE_INT32);
  return v;
}

std::vector<std::string> read_strings(const H5::H5File& f, const std::string& name) {
  const H5::DataSet ds = f.openDataSet(name);
  const H5::StrType type = ds.getStrType();
  REQUIRE(type.isVariableStr());
  std::vector<char*> ptrs(static_cast<std::size_t>(ds.getSpace().getSimpleExtentNpoints()));
  ds.read(ptrs.data(), type);
  std::vector<std::string> out(ptrs.begin(), ptrs.end());
  H5::DataSet::vlenReclaim(ptrs.data(), type, ds.getSpace());
  return out;
}

std::string string_attr(const H5::H5Object& obj, const std::string& name) {
  const H5::Attribute a = obj.openAttribute(name);
  const H5::StrType type = a.getStrType();
  CHECK(type.isVariableStr());
  CHECK(type.getCset() == H5T_CSET_UTF8);
  CHECK(a.getSpace().getSimpleExtentType() == H5S_SCALAR);
  std::string value;
  a.read(type, value);
  return value;
}

std::int64_t int_attr(const H5::H5Object& obj, const std::string& name) {
  const H5::Attribute a = obj.openAttribute(name);
  CHECK(a.getIntType().getSize() == 8);
  std::int64_t value = 0;
  a.read(H5::PredType::NATIVE_INT64, &value);
  return value;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

model::OutputParams params(int every = 1, model::Precision p = model::Precision::kFloat64,
                           std::vector<std::string> indicators = {}) {
  model::OutputParams o;
  o.every = every;
  o.precision = p;
  o.indicators = std::move(indicators);
  return o;
}

}  // namespace

TEST_CASE("the run writer stores shapes, values and attributes as OUTPUT.md says", "[io][h5]") {
  TempDir dir;
  const std::string path = dir.file("run.h5");
  io::write_run_h5(synthetic_run(), path, params(), false);
  CHECK(dir.entries() == std::set<std::string>{"run.h5"});

  H5::H5File f(path, H5F_ACC_RDONLY);
  SECTION("root attributes: caller's text and ints, plus the writer's format_version and kind") {
    CHECK(string_attr(f, "format_version") == "1.1");
    CHECK(string_attr(f, "file_kind") == "run");
    CHECK(string_attr(f, "scenario_name") == "test");
    CHECK(string_attr(f, "scenario_resolved").rfind("[run]\nname = test\n", 0) == 0);
    CHECK(int_attr(f, "seed") == 7);
    CHECK(int_attr(f, "steps") == kMonths);
    CHECK(int_attr(f, "output_every") == 1);
    CHECK(string_attr(f, "output_precision") == "float64");
  }
  SECTION("each group has its own int32 time coordinate of day offsets, CF attributes") {
    for (const char* g : {"/metro/time", "/zones/time"}) {
      const H5::DataSet t = f.openDataSet(g);
      CHECK(t.getTypeClass() == H5T_INTEGER);
      CHECK(t.getIntType().getSize() == 4);
      CHECK(shape(t) == std::vector<hsize_t>{kMonths});
      CHECK(string_attr(t, "units") == "days since 2015-01-01 00:00:00");
      CHECK(string_attr(t, "calendar") == "standard");
      CHECK(H5DSis_scale(t.getId()) > 0);
    }
    const auto t = read_ints(f, "/zones/time");
    CHECK(t[0] == 0);
    CHECK(t[1] == 31);
    CHECK(t[12] == 365);
    CHECK(t[29] == day_offset(29));
    const auto mi = read_ints(f, "/metro/month_index");
    CHECK(mi.front() == 0);
    CHECK(mi.back() == kMonths - 1);
  }
  SECTION("string, uint8 and auxiliary coordinates") {
    CHECK(read_strings(f, "/zones/zone") == std::vector<std::string>{"Z0", "Z1", "Zèta"});
    CHECK(read_strings(f, "/zones/zone_code") ==
          std::vector<std::string>{"08015", "0801901", "EXT"});
    const H5::DataSet core = f.openDataSet("/zones/is_core");
    CHECK(core.getIntType().getSize() == 1);
    CHECK(core.getIntType().getSign() == H5T_SGN_NONE);
    CHECK(read_doubles(f, "/zones/is_core") == std::vector<double>{0, 1, 0});
    // Auxiliary coordinates are variables along a dimension, not dimensions themselves.
    CHECK(H5DSis_scale(f.openDataSet("/zones/zone_code").getId()) <= 0);
    CHECK(H5DSis_scale(f.openDataSet("/zones/month_index").getId()) <= 0);
    CHECK(H5DSis_scale(f.openDataSet("/zones/zone").getId()) > 0);
  }
  SECTION("variables: shapes, row-major values, float64, units and long_name") {
    const H5::DataSet rm = f.openDataSet("/zones/rent_market");
    CHECK(shape(rm) == std::vector<hsize_t>{kMonths, kZones});
    CHECK(rm.getFloatType().getSize() == 8);
    CHECK(string_attr(rm, "units") == "EUR/month");
    CHECK(string_attr(rm, "long_name") == "market rent of new contracts");
    CHECK(string_attr(rm, "aggregation") == "stock");
    CHECK(string_attr(rm, "coordinates") == "month_index zone_code is_core");
    const auto v = read_doubles(f, "/zones/rent_market");
    for (int t = 0; t < kMonths; ++t)
      for (int z = 0; z < kZones; ++z) CHECK(v[std::size_t(t * kZones + z)] == rent(t, z));
    const auto hh = read_doubles(f, "/metro/households");
    REQUIRE(hh.size() == kMonths);
    CHECK(hh[0] == metro_households(0));
    CHECK(hh[29] == metro_households(29));
    CHECK(string_attr(f.openDataSet("/metro/new_contracts"), "units") == "contracts/month");
    CHECK(read_doubles(f, "/zones/area") == std::vector<double>{2.5, 5.0, 7.5});
  }
  SECTION("a dimension scale is attached to every axis of every non-scale dataset") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"/metro/month_index", {"time"}},   {"/metro/new_contracts", {"time"}},
        {"/metro/households", {"time"}},    {"/zones/month_index", {"time"}},
        {"/zones/zone_code", {"zone"}},     {"/zones/is_core", {"zone"}},
        {"/zones/moves", {"time", "zone"}}, {"/zones/rent_market", {"time", "zone"}},
        {"/zones/area", {"zone"}}};
    for (const auto& [name, dims] : expected) {
      INFO(name);
      const H5::DataSet ds = f.openDataSet(name);
      const std::string group = name.substr(0, name.rfind('/') + 1);
      for (unsigned axis = 0; axis < dims.size(); ++axis) {
        const H5::DataSet scale = f.openDataSet(group + dims[axis]);
        CHECK(H5DSis_attached(ds.getId(), scale.getId(), axis) > 0);
        CHECK(H5DSget_num_scales(ds.getId(), axis) == 1);
      }
    }
  }
  SECTION("variables are chunked along time and compressed with shuffle + gzip 4") {
    const H5::DSetCreatPropList plist = f.openDataSet("/zones/rent_market").getCreatePlist();
    REQUIRE(plist.getLayout() == H5D_CHUNKED);
    hsize_t chunk[2] = {0, 0};
    plist.getChunk(2, chunk);
    CHECK(chunk[0] == kMonths);  // min(steps, 120)
    CHECK(chunk[1] == kZones);
    std::set<H5Z_filter_t> filters;
    for (int i = 0; i < plist.getNfilters(); ++i) {
      unsigned flags = 0, config = 0;
      std::size_t n = 1;
      unsigned level = 0;
      char name[64];
      filters.insert(plist.getFilter(i, flags, n, &level, sizeof name, name, config));
    }
    CHECK(filters == std::set<H5Z_filter_t>{H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE});
    unsigned flags = 0, config = 0;
    std::size_t n = 1;
    unsigned level = 0;
    char name[64];
    plist.getFilterById(H5Z_FILTER_DEFLATE, flags, n, &level, sizeof name, name, config);
    CHECK(level == 4);
  }
}

TEST_CASE("every = 12 sums flows, keeps stocks at the period's first month, and labels years by it",
          "[io][h5]") {
  TempDir dir;
  const std::string path = dir.file("yearly.h5");
  io::write_run_h5(synthetic_run(), path, params(12), false);
  H5::H5File f(path, H5F_ACC_RDONLY);
  // 30 months: two full years and a trailing half year kept with what it has.
  const int starts[3] = {0, 12, 24}, ends[3] = {12, 24, 30};
  CHECK(int_attr(f, "output_every") == 12);
  CHECK(read_ints(f, "/zones/time") ==
        std::vector<std::int32_t>{0, day_offset(12), day_offset(24)});
  CHECK(read_ints(f, "/zones/time") == std::vector<std::int32_t>{0, 365, 731});
  CHECK(read_ints(f, "/metro/month_index") == std::vector<std::int32_t>{0, 12, 24});

  const auto nc = read_doubles(f, "/metro/new_contracts");
  const auto hh = read_doubles(f, "/metro/households");
  const auto mv = read_doubles(f, "/zones/moves");
  const auto rm = read_doubles(f, "/zones/rent_market");
  REQUIRE(nc.size() == 3);
  REQUIRE(mv.size() == 3 * kZones);
  for (int p = 0; p < 3; ++p) {
    double sum = 0;
    for (int t = starts[p]; t < ends[p]; ++t) sum += new_contracts(t);
    CHECK(nc[std::size_t(p)] == sum);
    CHECK(hh[std::size_t(p)] == metro_households(starts[p]));
    for (int z = 0; z < kZones; ++z) {
      double zsum = 0;
      for (int t = starts[p]; t < ends[p]; ++t) zsum += moves(t, z);
      CHECK(mv[std::size_t(p * kZones + z)] == zsum);
      CHECK(rm[std::size_t(p * kZones + z)] == rent(starts[p], z));
    }
  }
  CHECK(nc[0] == 78.0);  // 1 + 2 + ... + 12, by hand
  CHECK(read_doubles(f, "/zones/area") == std::vector<double>{2.5, 5.0, 7.5});
  // A flow summed over a year is per year; stocks keep their units.
  CHECK(string_attr(f.openDataSet("/metro/new_contracts"), "units") == "contracts/year");
  CHECK(string_attr(f.openDataSet("/zones/moves"), "units") == "households/year");
  CHECK(string_attr(f.openDataSet("/zones/rent_market"), "units") == "EUR/month");
  const H5::DSetCreatPropList plist = f.openDataSet("/zones/moves").getCreatePlist();
  hsize_t chunk[2] = {0, 0};
  plist.getChunk(2, chunk);
  CHECK(chunk[0] == 3);
}

TEST_CASE("every = 12 averages month means over the months that have a value", "[io][h5]") {
  TempDir dir;
  const std::string path = dir.file("mean.h5");
  io::RunOutput run = synthetic_run();
  // occupancy(t) = t / 100, undefined (NaN) in months 13 and 14 and in the whole last period.
  io::Variable occ{"occupancy", "1", "occupied share", {"time"}, {}, Aggregation::kMean};
  for (int t = 0; t < kMonths; ++t)
    occ.data.push_back((t == 13 || t == 14 || t >= 24) ? std::nan("") : t / 100.0);
  run.groups.at(0).vars.push_back(occ);
  io::write_run_h5(run, path, params(12), false);
  H5::H5File f(path, H5F_ACC_RDONLY);
  const auto v = read_doubles(f, "/metro/occupancy");
  REQUIRE(v.size() == 3);
  CHECK(v[0] == Approx(5.5 / 100.0));  // mean of 0..11
  CHECK(v[1] == Approx((12 + 15 + 16 + 17 + 18 + 19 + 20 + 21 + 22 + 23) / 10.0 / 100.0));
  CHECK(std::isnan(v[2]));
  CHECK(string_attr(f.openDataSet("/metro/occupancy"), "aggregation") == "mean");
  CHECK(string_attr(f.openDataSet("/metro/occupancy"), "units") == "1");
}

TEST_CASE("every = 12 keeps a cumulative value's last month and writes extra attributes",
          "[io][h5]") {
  TempDir dir;
  const std::string path = dir.file("cumulative.h5");
  io::RunOutput run = synthetic_run();
  // total(t) = sum of new_contracts over months 0..t: the running total at month t's end.
  io::Variable total{"total", "contracts", "running total", {"time"}, {}, Aggregation::kCumulative};
  total.attrs["better"] = "lower";
  double sum = 0;
  for (int t = 0; t < kMonths; ++t) total.data.push_back(sum += new_contracts(t));
  run.groups.at(0).vars.push_back(total);
  io::write_run_h5(run, path, params(12), false);
  H5::H5File f(path, H5F_ACC_RDONLY);
  const auto v = read_doubles(f, "/metro/total");
  REQUIRE(v.size() == 3);
  const auto running = [](int last) {
    double s = 0;
    for (int t = 0; t <= last; ++t) s += new_contracts(t);
    return s;
  };
  CHECK(v[0] == running(11));
  CHECK(v[1] == running(23));
  CHECK(v[2] == running(kMonths - 1));  // the trailing partial year ends at the last month
  const H5::DataSet ds = f.openDataSet("/metro/total");
  CHECK(string_attr(ds, "aggregation") == "cumulative");
  CHECK(string_attr(ds, "better") == "lower");
  CHECK(string_attr(ds, "units") == "contracts");  // not a per-month unit: unchanged
}

TEST_CASE("precision float32 narrows variables but leaves coordinates as they are", "[io][h5]") {
  TempDir dir;
  const std::string path = dir.file("f32.h5");
  io::write_run_h5(synthetic_run(), path, params(1, model::Precision::kFloat32), false);
  H5::H5File f(path, H5F_ACC_RDONLY);
  for (const char* name :
       {"/zones/rent_market", "/zones/moves", "/metro/households", "/zones/area"}) {
    INFO(name);
    const H5::DataSet ds = f.openDataSet(name);
    CHECK(ds.getTypeClass() == H5T_FLOAT);
    CHECK(ds.getFloatType().getSize() == 4);
  }
  CHECK(f.openDataSet("/zones/time").getIntType().getSize() == 4);
  CHECK(f.openDataSet("/zones/month_index").getIntType().getSize() == 4);
  CHECK(f.openDataSet("/zones/is_core").getIntType().getSize() == 1);
  CHECK(string_attr(f, "output_precision") == "float32");
  const auto rm = read_doubles(f, "/zones/rent_market");
  CHECK(rm[4] == double(float(rent(1, 1))));
}

TEST_CASE("indicator selection takes names and globs and always keeps coordinates", "[io][h5]") {
  TempDir dir;
  SECTION("a glob") {
    const std::string path = dir.file("glob.h5");
    io::write_run_h5(synthetic_run(), path, params(1, model::Precision::kFloat64, {"rent_*"}),
                     false);
    H5::H5File f(path, H5F_ACC_RDONLY);
    CHECK(f.nameExists("/zones/rent_market"));
    CHECK_FALSE(f.nameExists("/zones/moves"));
    CHECK_FALSE(f.nameExists("/zones/area"));
    CHECK_FALSE(f.nameExists("/metro/households"));
    CHECK_FALSE(f.nameExists("/metro/new_contracts"));
    for (const char* c : {"/metro/time", "/metro/month_index", "/zones/time", "/zones/zone",
                          "/zones/zone_code", "/zones/is_core", "/zones/month_index"})
      CHECK(f.nameExists(c));
  }
  SECTION("a bare name matches in every group; group/name and group/* in one group") {
    const std::string path = dir.file("names.h5");
    io::write_run_h5(synthetic_run(), path,
                     params(1, model::Precision::kFloat64, {"households", "zones/m?ves"}), false);
    H5::H5File f(path, H5F_ACC_RDONLY);
    CHECK(f.nameExists("/metro/households"));
    CHECK(f.nameExists("/zones/moves"));
    CHECK_FALSE(f.nameExists("/zones/rent_market"));
    CHECK_FALSE(f.nameExists("/metro/new_contracts"));
    const std::string path2 = dir.file("group.h5");
    io::write_run_h5(synthetic_run(), path2, params(1, model::Precision::kFloat64, {"metro/*"}),
                     false);
    H5::H5File f2(path2, H5F_ACC_RDONLY);
    CHECK(f2.nameExists("/metro/households"));
    CHECK(f2.nameExists("/metro/new_contracts"));
    CHECK_FALSE(f2.nameExists("/zones/rent_market"));
  }
  SECTION("a pattern that matches nothing is an input error with a suggestion; nothing written") {
    const std::string path = dir.file("bad.h5");
    try {
      io::write_run_h5(synthetic_run(), path,
                       params(1, model::Precision::kFloat64, {"households", "rent_markt"}), false);
      FAIL("no InputError thrown");
    } catch (const io::InputError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      const io::Diagnostic& d = e.diagnostics()[0];
      CHECK(d.file.empty());
      CHECK(d.line == 0);
      CHECK(d.key == "output.indicators");
      CHECK(d.message == "unknown indicator 'rent_markt'; did you mean 'rent_market'?");
    }
    CHECK(dir.entries().empty());
  }
}

TEST_CASE("indicator patterns can be checked before a run, one diagnostic per bad pattern",
          "[io][h5]") {
  const std::vector<std::string> available = {"metro/households", "zones/households",
                                              "zones/rent_market"};
  CHECK_NOTHROW(io::check_indicator_patterns({"households", "zones/*", "rent_?arket"}, available));
  CHECK_NOTHROW(io::check_indicator_patterns({}, available));
  try {
    io::check_indicator_patterns({"houshold", "zones/rent_markt", "rent_market"}, available);
    FAIL("no InputError thrown");
  } catch (const io::InputError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].message == "unknown indicator 'houshold'; did you mean 'households'?");
    CHECK(e.diagnostics()[1].message ==
          "unknown indicator 'zones/rent_markt'; did you mean 'zones/rent_market'?");
    CHECK(e.diagnostics()[1].key == "output.indicators");
  }
}

TEST_CASE("an existing output is refused unless overwrite, and overwrite replaces it", "[io][h5]") {
  TempDir dir;
  const std::string path = dir.file("run.h5");
  io::write_run_h5(synthetic_run(), path, params(), false);
  const std::string before = file_bytes(path);
  const auto mtime = fs::last_write_time(path);

  io::RunOutput changed = synthetic_run();
  changed.groups[1].vars[1].data[0] = -1.0;  // zones/rent_market at (0, 0)
  try {
    io::write_run_h5(changed, path, params(), false);
    FAIL("no OutputExistsError thrown");
  } catch (const io::OutputExistsError& e) {
    const std::string what = e.what();
    CHECK_THAT(what, Catch::Contains(path));
    CHECK_THAT(what, Catch::Contains("use --overwrite"));
  }
  CHECK(file_bytes(path) == before);
  CHECK(fs::last_write_time(path) == mtime);
  CHECK(dir.entries() == std::set<std::string>{"run.h5"});

  io::write_run_h5(changed, path, params(), true);
  CHECK(dir.entries() == std::set<std::string>{"run.h5"});
  H5::H5File f(path, H5F_ACC_RDONLY);
  CHECK(read_doubles(f, "/zones/rent_market")[0] == -1.0);
}

TEST_CASE("no temp file is left behind after success or failure", "[io][h5]") {
  TempDir dir;
  SECTION("success leaves exactly the output") {
    io::write_run_h5(synthetic_run(), dir.file("a.h5"), params(12), false);
    CHECK(dir.entries() == std::set<std::string>{"a.h5"});
  }
  SECTION("an HDF5 failure mid-write removes the temp file and leaves no output") {
    io::RunOutput bad = synthetic_run();
    bad.attrs_text[""] = "an attribute without a name: HDF5 refuses it while writing";
    CHECK_THROWS_WITH(io::write_run_h5(bad, dir.file("b.h5"), params(), false),
                      Catch::Contains(dir.file("b.h5")) && Catch::Contains("HDF5"));
    CHECK(dir.entries().empty());
  }
  SECTION("a failure while overwriting keeps the old file intact") {
    const std::string path = dir.file("c.h5");
    io::write_run_h5(synthetic_run(), path, params(), false);
    const std::string before = file_bytes(path);
    io::RunOutput bad = synthetic_run();
    bad.attrs_text[""] = "x";
    CHECK_THROWS(io::write_run_h5(bad, path, params(), true));
    CHECK(file_bytes(path) == before);
    CHECK(dir.entries() == std::set<std::string>{"c.h5"});
  }
  SECTION("AtomicFile removes its temp file when the writer throws") {
    const std::string path = dir.file("d.bin");
    std::string temp;
    CHECK_THROWS_WITH(io::write_atomically(path, false,
                                           [&](const std::string& t) {
                                             temp = t;
                                             std::ofstream(t) << "partial";
                                             CHECK(fs::exists(t));
                                             throw std::runtime_error("boom");
                                           }),
                      "boom");
    CHECK(fs::path(temp).parent_path() == dir.path);
    CHECK_FALSE(fs::exists(temp));
    CHECK(dir.entries().empty());
    io::write_atomically(path, false, [](const std::string& t) { std::ofstream(t) << "done"; });
    CHECK(file_bytes(path) == "done");
    CHECK(dir.entries() == std::set<std::string>{"d.bin"});
  }
}

TEST_CASE("a malformed RunOutput is rejected before anything is written", "[io][h5]") {
  TempDir dir;
  const std::string path = dir.file("x.h5");
  io::RunOutput wrong_size = synthetic_run();
  wrong_size.groups[1].vars[0].data.pop_back();
  CHECK_THROWS_AS(io::write_run_h5(wrong_size, path, params(), false), std::invalid_argument);
  io::RunOutput no_units = synthetic_run();
  no_units.groups[0].vars[0].units.clear();
  CHECK_THROWS_WITH(io::write_run_h5(no_units, path, params(), false),
                    Catch::Contains("/metro/new_contracts") && Catch::Contains("units"));
  io::RunOutput unknown_dim = synthetic_run();
  unknown_dim.groups[0].vars[0].dims = {"month"};
  CHECK_THROWS_AS(io::write_run_h5(unknown_dim, path, params(), false), std::invalid_argument);
  CHECK_THROWS_AS(io::write_run_h5(synthetic_run(), path, params(6), false), io::InputError);
  CHECK(dir.entries().empty());
}

TEST_CASE("metrosim info describes groups, dims, units and metro first/last values", "[io][h5]") {
  TempDir dir;
  const std::string path = dir.file("run.h5");
  io::write_run_h5(synthetic_run(), path, params(), false);
  const std::string text = io::describe_h5(path, false);
  INFO(text);
  CHECK_THAT(text, Catch::Contains("metrosim run file, format_version 1.1"));
  CHECK_THAT(text, Catch::Contains("seed: 7"));
  CHECK_THAT(text, Catch::Contains("/zones"));
  CHECK_THAT(text, Catch::Contains("dims: time = 30, zone = 3"));
  CHECK_THAT(text, Catch::Contains("rent_market(time, zone)"));
  CHECK_THAT(text, Catch::Contains("[EUR/month]"));
  CHECK_THAT(text, Catch::Contains("market rent of new contracts"));
  CHECK_THAT(text, Catch::Contains("first 1000, last 1290"));  // metro households
  CHECK_THAT(text, Catch::Contains("more lines (--full shows all)"));
  CHECK_THAT(text, !Catch::Contains("j = 5"));
  CHECK_THAT(io::describe_h5(path, true), Catch::Contains("j = 5"));

  SECTION("a file that is not HDF5, or HDF5 without format_version, is refused clearly") {
    const std::string text_file = dir.file("notes.txt");
    std::ofstream(text_file) << "not hdf5\n";
    CHECK_THROWS_WITH(io::describe_h5(text_file, false), Catch::Contains("not an HDF5 file"));
    CHECK_THROWS_WITH(io::describe_h5(dir.file("missing.h5"), false),
                      Catch::Contains("no such file"));
    const std::string plain = dir.file("plain.h5");
    H5::H5File(plain, H5F_ACC_TRUNC).close();
    CHECK_THROWS_WITH(
        io::describe_h5(plain, false),
        Catch::Contains("not a metrosim output file") && Catch::Contains("format_version"));
  }
}
