// The shocks calendar on tiny worlds: the effective-value rule (window, set, multiply, order, no
// compounding), the calendar step writing keys and per-zone vectors, and paired runs under common
// random numbers: a rent-cap window lowers renewal displacement inside it and leaves the months
// before it bit-identical.
#include <omp.h>
#include <catch2/catch.hpp>

#include <cstring>
#include <optional>
#include <vector>

#include "io/shocks_reader.hpp"
#include "model/calendar_step.hpp"
#include "model/schedule.hpp"
#include "support/tiny_world.hpp"

using namespace metrosim;
using core::YearMonth;

namespace {

model::Shock entry(const char* id, YearMonth start, std::optional<YearMonth> end, const char* key,
                   model::ShockOp op, double value, std::vector<std::string> zones = {}) {
  model::Shock e;
  e.id = id;
  e.start = start;
  e.end = end;
  e.key = key;
  e.target = key;
  e.op = op;
  e.value = value;
  e.zones = std::move(zones);
  io::bind_shock(e);
  return e;
}

std::vector<const model::Shock*> ptrs(const std::vector<model::Shock>& v) {
  std::vector<const model::Shock*> out;
  for (const auto& e : v) out.push_back(&e);
  return out;
}

/// The recorded values of months [0, until) of a run (metro and zone indicators).
std::vector<double> months_before(const model::Recorder& r, std::size_t until) {
  std::vector<double> out(
      r.metro.begin(), r.metro.begin() + static_cast<std::ptrdiff_t>(until * model::kMetroCount));
  for (std::size_t k = 0; k < model::kZoneCount; ++k) {
    const auto first = r.zone.begin() + static_cast<std::ptrdiff_t>(k * r.steps * r.zones);
    out.insert(out.end(), first, first + static_cast<std::ptrdiff_t>(until * r.zones));
  }
  return out;
}

bool bit_identical(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

model::Recorder run(const model::Scenario& s, std::uint32_t replicate, int threads = 2) {
  omp_set_num_threads(threads);
  model::World w = model::build_world(s, testing::tiny_region(), replicate);
  return model::simulate(w);
}

constexpr auto kSet = model::ShockOp::kSet;
constexpr auto kMultiply = model::ShockOp::kMultiply;

}  // namespace

TEST_CASE("a shock window changes the effective value only from its start to before its end",
          "[model][shocks]") {
  const std::vector<model::Shock> cap = {
      entry("cap", {2016, 1}, YearMonth{2018, 1}, "housing.rent_cap", kSet, 0.02)};
  const auto p = ptrs(cap);
  CHECK(model::effective_value(-1.0, p, {2015, 12}) == -1.0);
  CHECK(model::effective_value(-1.0, p, {2016, 1}) == 0.02);
  CHECK(model::effective_value(-1.0, p, {2017, 12}) == 0.02);
  CHECK(model::effective_value(-1.0, p, {2018, 1}) == -1.0);  // end: the resolved value returns
  const std::vector<model::Shock> forever = {
      entry("f", {2016, 1}, std::nullopt, "housing.rent_cap", kSet, 0.0)};
  CHECK(model::effective_value(-1.0, ptrs(forever), {2199, 12}) == 0.0);
}

TEST_CASE("multiply scales the resolved value without compounding, overlaps apply in order",
          "[model][shocks]") {
  const std::vector<model::Shock> v = {
      entry("double", {2016, 1}, YearMonth{2017, 1}, "housing.natural_vacancy", kMultiply, 2.0),
      entry("set", {2016, 6}, YearMonth{2016, 9}, "housing.natural_vacancy", kSet, 0.04),
      entry("half", {2016, 7}, YearMonth{2016, 8}, "housing.natural_vacancy", kMultiply, 0.5)};
  const auto p = ptrs(v);
  // The same value every month of the window: each month starts again from the resolved value.
  for (int month = 1; month <= 5; ++month)
    CHECK(model::effective_value(0.05, p, {2016, month}) == 0.05 * 2.0);
  CHECK(model::effective_value(0.05, p, {2016, 6}) == 0.04);        // a later set replaces
  CHECK(model::effective_value(0.05, p, {2016, 7}) == 0.04 * 0.5);  // then a multiply scales it
  CHECK(model::effective_value(0.05, p, {2016, 9}) == 0.05 * 2.0);
  CHECK(model::effective_value(0.05, p, {2017, 1}) == 0.05);
  // File order decides: the multiply before the set is overridden by it.
  const std::vector<model::Shock> swapped = {v[2], v[1]};
  CHECK(model::effective_value(0.05, ptrs(swapped), {2016, 7}) == 0.04);
}

TEST_CASE("the calendar step writes keys in their window and leaves the resolved scenario",
          "[model][shocks]") {
  auto s = testing::tiny_scenario(0.2, 24);
  s.rent_cap.rent_cap = 0.1;
  s.shock_entries = {entry("cap", {2015, 3}, YearMonth{2015, 6}, "housing.rent_cap", kSet, 0.0),
                     entry("ch", {2015, 4}, std::nullopt, "relocation.choices", kSet, 2)};
  model::World w = model::build_world(s, testing::tiny_region(), 0);
  for (core::Step t = 0; t < 8; ++t) {
    model::apply_shocks(w, t);
    const bool in_window = t >= 2 && t < 5;
    CHECK(w.scenario.rent_cap.rent_cap == (in_window ? 0.0 : 0.1));
    CHECK(w.scenario.relocation.choices == (t >= 3 ? 2 : s.relocation.choices));
    CHECK(w.resolved.rent_cap.rent_cap == 0.1);
  }
}

TEST_CASE("a per-zone shock re-derives the zone vector for the named zones only",
          "[model][shocks]") {
  auto s = testing::tiny_scenario(0.2, 24);
  s.housing.natural_vacancy = 0.05;
  s.zone_overrides.push_back({"housing.natural_vacancy", "00003", 0.07, "test", 1});
  s.shock_entries = {
      entry("z2", {2015, 2}, YearMonth{2015, 4}, "housing.natural_vacancy", kSet, 0.1, {"00002"}),
      entry("all", {2015, 3}, YearMonth{2015, 5}, "housing.natural_vacancy", kMultiply, 2.0)};
  model::World w = model::build_world(s, testing::tiny_region(), 0);
  const auto& v = w.zones.natural_vacancy;  // zones 00001, 00002, 00003, EXT
  model::apply_shocks(w, 0);                // 2015-01: nothing in force
  CHECK(v == std::vector<double>{0.05, 0.05, 0.07, 0.05});
  model::apply_shocks(w, 1);  // 2015-02: zone 00002 set
  CHECK(v == std::vector<double>{0.05, 0.1, 0.07, 0.05});
  model::apply_shocks(w, 2);  // 2015-03: set, then every zone doubled (overrides too)
  CHECK(v == std::vector<double>{0.1, 0.2, 0.14, 0.1});
  model::apply_shocks(w, 3);  // 2015-04: only the doubling
  CHECK(v == std::vector<double>{0.1, 0.1, 0.14, 0.1});
  model::apply_shocks(w, 4);  // 2015-05: back to the resolved values
  CHECK(v == std::vector<double>{0.05, 0.05, 0.07, 0.05});
}

TEST_CASE("a rent-cap window lowers renewal displacement inside it and nothing before it",
          "[model][shocks][crn]") {
  // Paired runs under common random numbers, three replicates. Window 2016-01..2017-12
  // (months 12..35); before it the two runs must be bit-identical.
  const auto base = testing::tiny_scenario(1.0, 36);
  auto capped = base;
  capped.shock_entries = {
      entry("cap", {2016, 1}, YearMonth{2018, 1}, "housing.rent_cap", kSet, 0.0)};
  for (std::uint32_t r = 0; r < 3; ++r) {
    INFO("replicate " << r);
    const auto a = run(base, r), b = run(capped, r);
    CHECK(bit_identical(months_before(a, 12), months_before(b, 12)));
    double renewal_a = 0, renewal_b = 0;
    for (core::Step t = 12; t < 36; ++t) {
      renewal_a += a.metro[static_cast<std::size_t>(t) * model::kMetroCount +
                           static_cast<std::size_t>(model::MetroInd::kDisplacedRenewal)];
      renewal_b += b.metro[static_cast<std::size_t>(t) * model::kMetroCount +
                           static_cast<std::size_t>(model::MetroInd::kDisplacedRenewal)];
    }
    // A zero cap removes every renewal increase: what is left is the base move probability at
    // renewal. Require a clear fall, well beyond replicate noise at this size.
    CHECK(renewal_a > 50);
    CHECK(renewal_b < 0.8 * renewal_a);
  }
}

TEST_CASE("a run with shocks is bit-identical on 1 and 2 threads", "[model][shocks][determinism]") {
  auto s = testing::tiny_scenario(1.0, 24);
  s.shock_entries = {
      entry("cap", {2015, 6}, YearMonth{2016, 6}, "housing.rent_cap", kSet, 0.01),
      entry("v", {2015, 3}, std::nullopt, "housing.natural_vacancy", kMultiply, 1.5, {"00002"}),
      entry("cpi", {2016, 1}, YearMonth{2017, 1}, "economy.cpi_growth", kSet, 0.05)};
  const auto a = run(s, 0, 1), b = run(s, 0, 2);
  CHECK(bit_identical(a.metro, b.metro));
  CHECK(bit_identical(a.zone, b.zone));
  CHECK_FALSE(bit_identical(a.zone, run(testing::tiny_scenario(1.0, 24), 0, 2).zone));
}
