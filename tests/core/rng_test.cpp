// Counter-based streams: pure functions of their key, uniform, and independent across keys.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "core/rng.hpp"
#include "core/thinning.hpp"

using namespace metrosim::core;

TEST_CASE("a stream's draw depends only on its key and slot", "[core][rng]") {
  const RngKey key{42, 0};
  auto a = key.stream(Mechanism::kTest, 7, 3);
  auto b = key.stream(Mechanism::kTest, 7, 3);
  // Reading slots in a different order gives the same values.
  const double a5 = a.uniform(5), a0 = a.uniform(0);
  CHECK(b.uniform(0) == a0);
  CHECK(b.uniform(5) == a5);
  // Any change of seed, replicate, mechanism, entity or step changes the draw.
  CHECK(RngKey{43, 0}.stream(Mechanism::kTest, 7, 3).uniform(0) != a0);
  CHECK(RngKey{42, 1}.stream(Mechanism::kTest, 7, 3).uniform(0) != a0);
  CHECK(key.stream(Mechanism::kMobility, 7, 3).uniform(0) != a0);
  CHECK(key.stream(Mechanism::kTest, 8, 3).uniform(0) != a0);
  CHECK(key.stream(Mechanism::kTest, 7, 4).uniform(0) != a0);
}

TEST_CASE("uniform draws lie in (0, 1) with the moments of U(0, 1)", "[core][rng]") {
  const RngKey key{1, 0};
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = key.stream(Mechanism::kTest, static_cast<AgentId>(i), 0).uniform(0);
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  // Standard error of the mean of U(0,1): sqrt(1/12/n) ≈ 6.5e-4; allow 5 s.e.
  CHECK(std::abs(mean - 0.5) < 5 * std::sqrt(1.0 / 12 / n));
  CHECK(std::abs(var - 1.0 / 12) < 0.002);
}

TEST_CASE("normal draws have mean 0 and variance 1", "[core][rng]") {
  const RngKey key{9, 2};
  const int n = 100000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double z = key.stream(Mechanism::kTest, static_cast<AgentId>(i), 1).normal(0);
    sum += z;
    sum2 += z * z;
  }
  CHECK(std::abs(sum / n) < 5.0 / std::sqrt(n));
  CHECK(std::abs(sum2 / n - 1.0) < 0.03);
}

TEST_CASE("thinning: a lower rate accepts a subset of a higher rate's candidates", "[core][rng]") {
  const RngKey key{5, 0};
  const CandidateStream cs{Mechanism::kArrivals, 50.0, 1};
  double accepted_low = 0, accepted_high = 0;
  for (Step t = 0; t < 200; ++t) {
    const auto low = thin_arrivals(key, cs, t, 10.0);
    const auto high = thin_arrivals(key, cs, t, 30.0);
    const std::set<AgentId> hi(high.begin(), high.end());
    for (AgentId id : low) REQUIRE(hi.count(id) == 1);
    accepted_low += static_cast<double>(low.size());
    accepted_high += static_cast<double>(high.size());
  }
  // Expected 10 and 30 per step over 200 steps: Poisson s.e. sqrt(2000) ≈ 45 and sqrt(6000) ≈ 77.
  CHECK(std::abs(accepted_low - 2000) < 5 * std::sqrt(2000.0));
  CHECK(std::abs(accepted_high - 6000) < 5 * std::sqrt(6000.0));
  CHECK_THROWS(thin_arrivals(key, cs, 0, 60.0));
}
