// headline_compare: quantile type 7 against hand-computed values, the horizon summary by kind,
// and the paired rows of `metrosim compare` on series built here.
#include "io/headline_compare.hpp"
#include "io/diagnostics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace metrosim;

TEST_CASE("quantile7 interpolates between order statistics (Hyndman-Fan type 7)", "[io][compare]") {
  const std::vector<double> x = {10, 1, 4, 3, 2};  // sorted: 1 2 3 4 10
  CHECK(io::quantile7(x, 0.5) == 3.0);
  CHECK(io::quantile7(x, 0.05) == Approx(1.2));  // h = 0.2: 1 + 0.2 (2 - 1)
  CHECK(io::quantile7(x, 0.95) == Approx(8.8));  // h = 3.8: 4 + 0.8 (10 - 4)
  CHECK(io::quantile7(x, 0.0) == 1.0);
  CHECK(io::quantile7(x, 1.0) == 10.0);
  CHECK(io::quantile7({7.0}, 0.05) == 7.0);
  CHECK(std::isnan(io::quantile7({}, 0.5)));
  CHECK(std::isnan(io::quantile7({1.0, std::numeric_limits<double>::quiet_NaN()}, 0.5)));
}

namespace {

io::HeadlineSeries series(const char* agg, std::vector<double> data, std::size_t runs) {
  io::HeadlineSeries s;
  s.name = std::string("headline_") + agg;
  s.units = "x";
  s.aggregation = agg;
  s.runs = runs;
  s.periods = data.size() / runs;
  s.data = std::move(data);
  return s;
}

}  // namespace

TEST_CASE("horizon summary: final for stocks and cumulatives, total for flows, mean for means",
          "[io][compare]") {
  const std::vector<double> two_runs = {1, 2, 6, 10, 20, 30};  // run 0: 1 2 6; run 1: 10 20 30
  CHECK(io::summarise_run(series("stock", two_runs, 2), 0) == 6);
  CHECK(io::summarise_run(series("cumulative", two_runs, 2), 1) == 30);
  CHECK(io::summarise_run(series("flow", two_runs, 2), 0) == 9);
  CHECK(io::summarise_run(series("mean", two_runs, 2), 1) == 20);
  CHECK(std::string(io::summary_rule(series("flow", two_runs, 2))) == "total");
  CHECK(std::string(io::summary_rule(series("cumulative", two_runs, 2))) == "final");
}

TEST_CASE("compare rows pair runs by replicate index, not by position", "[io][compare]") {
  io::HeadlineFile base, other;
  base.path = "base.h5";
  other.path = "other.h5";
  other.scenario_name = "w";
  base.replicates = {0, 1, 2};
  other.replicates = {2, 0, 1};  // the same replicates in another order
  base.seeds = {5, 6, 7};
  other.seeds = {7, 5, 6};
  base.headlines = {series("stock", {1, 10, 2, 20, 3, 30}, 3)};   // finals 10, 20, 30
  other.headlines = {series("stock", {0, 36, 0, 11, 0, 23}, 3)};  // replicate 2: 36, 0: 11, 1: 23
  CHECK_NOTHROW(io::check_comparable(base, other));
  const auto rows = io::compare_headlines(base, {other});
  REQUIRE(rows.size() == 1);
  // Paired differences by replicate: 11 - 10, 23 - 20, 36 - 30 = 1, 3, 6.
  CHECK(rows[0].diff_median == 3);
  CHECK(rows[0].diff_q05 == Approx(1.2));  // h = 0.1: 1 + 0.1 (3 - 1)
  CHECK(rows[0].diff_q95 == Approx(5.7));  // h = 1.9: 3 + 0.9 (6 - 3)
  CHECK(rows[0].base_median == 20);
  CHECK(rows[0].relative_pct == Approx(15.0));
  CHECK(rows[0].distinguishable);
  CHECK(rows[0].whatif == "w");
}

TEST_CASE("files whose replicates do not share seeds cannot be paired", "[io][compare]") {
  io::HeadlineFile base, other;
  base.path = "base.h5";
  other.path = "other.h5";
  base.replicates = other.replicates = {0, 1};
  base.seeds = {5, 6};
  other.seeds = {6, 5};  // replicate 0 ran with another seed
  base.headlines = other.headlines = {series("stock", {1, 2}, 2)};
  try {
    io::check_comparable(base, other);
    FAIL("expected an InputError");
  } catch (const io::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].file == "other.h5");
    CHECK(e.diagnostics()[0].message.find("seeds") != std::string::npos);
  }
}
