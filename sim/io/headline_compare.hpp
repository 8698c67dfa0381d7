// headline_compare.hpp — what `metrosim compare` computes: the engine's headline indicators
// (/metro/headline_*, headline.hpp) read from run or multi-run files, summarised over the horizon
// and differenced replicate by replicate against a baseline (common random numbers: replicate r of
// every scenario runs with the same seed). Nothing is recomputed from raw indicators.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace metrosim::io {

/// One headline variable of one file: values [run][period] (a single-run file has one run).
struct HeadlineSeries {
  std::string name, units, long_name, aggregation, better;
  std::size_t runs = 0, periods = 0;
  std::vector<double> data;
};

/// What compare needs from one output file.
struct HeadlineFile {
  std::string path, file_kind, scenario_name, start;
  std::int64_t steps = 0, every = 0;
  std::vector<std::string> zone_codes;
  std::vector<std::int64_t> replicates;  ///< replicate index per run
  std::vector<std::int64_t> seeds;       ///< seed per run
  std::vector<HeadlineSeries> headlines;
};

/// Reads a metrosim output file (file_kind "run" or "sweep"). Throws InputError {path, 0, what,
/// message} when the file is not a metrosim output, has no headline indicators, or is a sweep
/// whose replicate indices repeat (parameter points, not replicates).
HeadlineFile read_headline_file(const std::string& path);

/// Throws InputError naming `other`'s path and what differs from `base` (zone codes, start,
/// steps, output.every, replicate count, seeds, a missing headline): such files cannot be paired.
void check_comparable(const HeadlineFile& base, const HeadlineFile& other);

/// Quantile of type 7 (Hyndman & Fan 1996; numpy's default "linear"): with the sorted values
/// x_0..x_{n-1}, h = (n - 1) p, Q = x_floor(h) + (h - floor(h)) (x_floor(h)+1 - x_floor(h)).
/// NaN when any value is NaN or there are none.
double quantile7(std::vector<double> values, double p);

/// The horizon summary of a headline series for run r, by its aggregation: flow -> total over
/// all periods; mean -> mean over all periods; stock, cumulative -> the last period's value
/// (NaN propagates). Returns also the rule's name ("total", "mean", "final").
double summarise_run(const HeadlineSeries& s, std::size_t run);
const char* summary_rule(const HeadlineSeries& s);

/// One row of the comparison: a what-if against the baseline for one headline indicator.
struct CompareRow {
  std::string whatif, indicator, units, rule, better;
  std::size_t replicates = 0;
  double base_median = 0, whatif_median = 0;
  double diff_median = 0, diff_q05 = 0, diff_q95 = 0;
  double relative_pct = 0;       ///< 100 diff_median / |base_median| (NaN when base_median is 0)
  bool distinguishable = false;  ///< the 5-95 % band of the paired differences excludes 0
};

/// Rows for every headline of `base` and each what-if, runs paired by replicate index.
std::vector<CompareRow> compare_headlines(const HeadlineFile& base,
                                          const std::vector<HeadlineFile>& whatifs);

}  // namespace metrosim::io
