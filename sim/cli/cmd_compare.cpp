// cmd_compare.cpp — `metrosim compare BASE.h5 OTHER.h5 [...]`: the engine's headline indicators of
// a baseline and what-ifs, paired replicate by replicate (io/headline_compare.hpp), as a table on
// stdout and optionally as CSV. Every check runs before anything is printed or written.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/scenario_options.hpp"  // boost::program_options
#include "io/atomic_file.hpp"
#include "io/headline_compare.hpp"

namespace po = boost::program_options;

namespace metrosim::cli {

namespace {

std::string num(double x) {
  if (std::isnan(x)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

std::string signed_num(double x) {
  const std::string s = num(x);
  return std::isnan(x) || x < 0 || s == "0" ? s : "+" + s;
}

/// "households/month" summed over a horizon is "households".
std::string summary_units(const std::string& units, const std::string& rule) {
  if (rule != "total") return units;
  for (const char* suffix : {"/month", "/year"}) {
    const std::string s(suffix);
    if (units.size() > s.size() && units.compare(units.size() - s.size(), s.size(), s) == 0)
      return units.substr(0, units.size() - s.size());
  }
  return units;
}

std::string verdict(const io::CompareRow& r) {
  if (r.replicates < 2) return "single replicate";
  if (!r.distinguishable) return "not distinguishable";
  if (r.better.empty()) return r.diff_median > 0 ? "higher" : "lower";
  const bool good = (r.diff_median > 0) == (r.better == "higher");
  return std::string(r.diff_median > 0 ? "higher" : "lower") + (good ? " (better)" : " (worse)");
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string csv_number(double x) {
  if (std::isnan(x)) return "nan";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

void print_table(const io::HeadlineFile& base, const std::vector<io::HeadlineFile>& whatifs,
                 const std::vector<io::CompareRow>& rows) {
  std::printf(
      "baseline %s (scenario %s): %zu replicate(s), %lld months from %s, output.every %lld\n",
      base.path.c_str(), base.scenario_name.c_str(), base.replicates.size(),
      static_cast<long long>(base.steps), base.start.c_str(), static_cast<long long>(base.every));
  std::printf(
      "paired differences what-if - baseline by replicate (same seed); median and 5-95 %% band "
      "across replicates (quantile type 7); final = last period, total = sum over periods, mean = "
      "mean over periods\n");
  for (const io::HeadlineFile& w : whatifs) {
    std::printf("\nwhat-if %s (scenario %s)\n", w.path.c_str(), w.scenario_name.c_str());
    std::printf("  %-40s %-22s %-6s %12s %12s %32s %10s  %s\n", "indicator", "units", "rule",
                "baseline", "what-if", "difference [5 %, 95 %]", "change", "verdict");
    for (const io::CompareRow& r : rows) {
      if (r.whatif != (w.scenario_name.empty() ? w.path : w.scenario_name)) continue;
      const std::string band = signed_num(r.diff_median) + " [" + signed_num(r.diff_q05) + ", " +
                               signed_num(r.diff_q95) + "]";
      const std::string rel =
          std::isnan(r.relative_pct) ? "n/a" : signed_num(r.relative_pct) + " %";
      std::printf("  %-40s %-22s %-6s %12s %12s %32s %10s  %s\n", r.indicator.c_str(),
                  summary_units(r.units, r.rule).c_str(), r.rule.c_str(),
                  num(r.base_median).c_str(), num(r.whatif_median).c_str(), band.c_str(),
                  rel.c_str(), verdict(r).c_str());
    }
  }
}

std::string to_csv(const std::vector<io::CompareRow>& rows) {
  std::string o =
      "whatif,indicator,units,rule,better,replicates,base_median,whatif_median,diff_median,"
      "diff_q05,diff_q95,relative_change_pct,distinguishable\n";
  for (const io::CompareRow& r : rows)
    o += csv_field(r.whatif) + "," + r.indicator + "," + csv_field(summary_units(r.units, r.rule)) +
         "," + r.rule + "," + r.better + "," + std::to_string(r.replicates) + "," +
         csv_number(r.base_median) + "," + csv_number(r.whatif_median) + "," +
         csv_number(r.diff_median) + "," + csv_number(r.diff_q05) + "," + csv_number(r.diff_q95) +
         "," + csv_number(r.relative_pct) + "," +
         (r.replicates < 2    ? ""
          : r.distinguishable ? "1"
                              : "0") +
         "\n";
  return o;
}

}  // namespace

int cmd_compare(const Args& args) {
  std::vector<std::string> files;
  std::string csv;
  bool overwrite = false;
  po::options_description desc(
      "usage: metrosim compare BASE.h5 OTHER.h5 [OTHER.h5 ...] [--csv OUT.csv] [--overwrite]\n\n"
      "Compares the engine's headline indicators (/metro/headline_*) of what-ifs with a baseline.\n"
      "Files are single runs or multi-run files from `metrosim run --replicates N`; runs are\n"
      "paired by replicate index (the same seed in every scenario: common random numbers).\n"
      "Per what-if and indicator it prints the median paired difference over replicates, its\n"
      "5-95 % band (quantile type 7, as numpy's default), the change relative to the baseline\n"
      "median (100 median difference / |baseline median|) and \"not distinguishable\" when the\n"
      "band contains 0. Horizon summary by kind: stock and cumulative -> final value, flow ->\n"
      "total over the horizon, mean -> mean over the periods. Files with other zone codes, start,\n"
      "steps, output.every, replicate count or seeds are refused (exit 2).\n"
      "Options");
  desc.add_options()("help,h", "show this help")(
      "csv", po::value(&csv)->value_name("OUT.csv"),
      "also write the rows as CSV (one per what-if and indicator; refused if it exists unless "
      "--overwrite)")("overwrite", po::bool_switch(&overwrite), "replace an existing CSV file");
  po::options_description hidden;
  hidden.add_options()("files", po::value(&files));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("files", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "metrosim compare: " << e.what() << "\n" << desc;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc;
    return 0;
  }
  if (files.size() < 2) {
    std::cerr << "metrosim compare: give a baseline and at least one what-if file\n" << desc;
    return 2;
  }
  const io::HeadlineFile base = io::read_headline_file(files[0]);
  std::vector<io::HeadlineFile> whatifs;
  for (std::size_t i = 1; i < files.size(); ++i) {
    whatifs.push_back(io::read_headline_file(files[i]));
    io::check_comparable(base, whatifs.back());
  }
  // Two what-ifs with the same scenario name are told apart by their paths.
  for (std::size_t i = 0; i < whatifs.size(); ++i)
    for (std::size_t j = 0; j < whatifs.size(); ++j)
      if (i != j && whatifs[i].scenario_name == whatifs[j].scenario_name)
        whatifs[i].scenario_name.clear();
  if (!csv.empty()) io::check_output_path(csv, overwrite);
  const auto rows = io::compare_headlines(base, whatifs);
  if (base.replicates.size() < 2)
    std::cerr << "metrosim compare: warning: a single replicate per scenario: the differences "
                 "have no band and cannot be told from random noise; run with --replicates 10\n";
  print_table(base, whatifs, rows);
  if (!csv.empty()) {
    io::AtomicFile out(csv, overwrite);
    std::ofstream(out.temp_path()) << to_csv(rows);
    out.commit();
    std::printf("\nwrote %s\n", csv.c_str());
  }
  return 0;
}

}  // namespace metrosim::cli
