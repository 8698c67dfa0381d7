// Housing market: the market-rent rule, its stability, and yearly indexation.
#include <catch2/catch.hpp>

#include <cmath>

#include "mechanisms/housing/indexation.hpp"
#include "mechanisms/housing/market_rent.hpp"

using namespace metrosim;
using mechanisms::HousingParams;

TEST_CASE("housing: rent falls where vacancy exceeds its natural rate and rises where it is short",
          "[housing]") {
  HousingParams p;
  p.rent_anchor_speed = 0.0;  // isolate the vacancy term
  CHECK(mechanisms::next_market_rent(p, 800.0, 0.10, 0.05, 0.0) < 800.0);
  CHECK(mechanisms::next_market_rent(p, 800.0, 0.01, 0.05, 0.0) > 800.0);
  CHECK(mechanisms::next_market_rent(p, 800.0, 0.05, 0.05, 0.0) == 800.0);
  // Δln r = λ_v (v* − v): computed by hand.
  CHECK(std::log(mechanisms::next_market_rent(p, 800.0, 0.10, 0.05, 0.0) / 800.0) ==
        Approx(-p.rent_vacancy_speed * 0.05).epsilon(1e-12));
}

TEST_CASE("housing: the anchor pulls rent toward ability to pay", "[housing]") {
  HousingParams p;
  p.rent_vacancy_speed = 0.0;
  CHECK(mechanisms::next_market_rent(p, 800.0, 0.05, 0.05, 1000.0) > 800.0);
  CHECK(mechanisms::next_market_rent(p, 800.0, 0.05, 0.05, 600.0) < 800.0);
}

TEST_CASE("housing: a closed world with loop gain below 0.25 converges monotonically",
          "[housing][stability]") {
  // Closed world: vacancy responds to log rent with elasticity e (higher rent, fewer takers);
  // the rule's loop gain is k = λ_v·e + λ_e. Iterate rule and response together.
  HousingParams p;
  const double e = 0.5, v_star = 0.05, r_eq = 900.0;
  const auto vacancy = [&](double r) { return v_star + e * std::log(r / r_eq); };
  const double k = p.rent_vacancy_speed * e + p.rent_anchor_speed;
  REQUIRE(k < 0.25);
  double r = 700.0, gap = std::abs(std::log(r / r_eq));
  for (int t = 0; t < 400; ++t) {
    r = mechanisms::next_market_rent(p, r, vacancy(r), v_star, r_eq);
    const double g = std::abs(std::log(r / r_eq));
    REQUIRE(r < r_eq);  // never overshoots: monotone from below
    REQUIRE(g <= gap);
    gap = g;
  }
  CHECK(gap < 1e-6);
  // The same loop with gain above 1 overshoots: the check matters.
  p.rent_vacancy_speed = 3.0;
  r = 700.0;
  r = mechanisms::next_market_rent(p, r, vacancy(r), v_star, r_eq);
  CHECK(r > r_eq);
}

TEST_CASE("housing: January indexation raises LTR rents by CPI and incomes by wages", "[housing]") {
  agents::Households hh;
  hh.resize(2);
  hh.tenure = {agents::Tenure::kLtr, agents::Tenure::kOwner};
  hh.income = {2000.0, 3000.0};
  hh.rent = {700.0, 0.0};
  mechanisms::apply_yearly_indexation(0.02, 0.03, hh);
  CHECK(hh.rent[0] == Approx(714.0));
  CHECK(hh.rent[1] == 0.0);
  CHECK(hh.income[0] == Approx(2060.0));
  CHECK(hh.income[1] == Approx(3090.0));
}
