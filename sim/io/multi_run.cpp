// multi_run.cpp — see multi_run.hpp.
#include "io/multi_run.hpp"

#include <numeric>
#include <stdexcept>

#include "io/h5_writer.hpp"
#include "io/key_registry.hpp"

namespace metrosim::io {

namespace {

bool has_time(const Variable& v) {
  return std::find(v.dims.begin(), v.dims.end(), "time") != v.dims.end();
}

Coordinate run_coordinate(std::size_t n) {
  std::vector<std::int32_t> r(n);
  std::iota(r.begin(), r.end(), 0);
  return {"run", r, {{"long_name", "run index (row of /runs)"}}, ""};
}

/// "investors.term_before_2019_months" -> "investors__term_before_2019_months" (a valid netCDF
/// name).
std::string parameter_name(const std::string& key) {
  std::string name;
  for (char c : key) name += c == '.' ? std::string("__") : std::string(1, c);
  return name;
}

}  // namespace

RunOutput stack_runs(const std::vector<RunOutput>& runs_in, const RunsTable& table,
                     const model::OutputParams& params) {
  if (runs_in.empty()) throw std::invalid_argument("stack_runs: no runs");
  const std::size_t n = runs_in.size();
  if (table.replicate.size() != n || table.seed.size() != n || table.status.size() != n)
    throw std::invalid_argument("stack_runs: runs table does not have one row per run");
  std::vector<RunOutput> runs;
  for (const RunOutput& r : runs_in) runs.push_back(apply_output_params(r, params));

  RunOutput out;
  out.file_kind = "sweep";
  out.attrs_text = runs[0].attrs_text;
  out.attrs_int = runs[0].attrs_int;
  out.attrs_int.erase("replicate");
  out.attrs_int["n_runs"] = static_cast<std::int64_t>(n);
  for (std::size_t g = 0; g < runs[0].groups.size(); ++g) {
    const Group& first = runs[0].groups[g];
    Group stacked{first.name, first.coords, {}};
    stacked.coords.insert(stacked.coords.begin(), run_coordinate(n));
    for (std::size_t k = 0; k < first.vars.size(); ++k) {
      Variable v = first.vars[k];
      bool same = true;
      for (std::size_t r = 1; r < n; ++r) {
        const Group& other = runs[r].groups.at(g);
        if (other.name != first.name || other.vars.at(k).name != v.name ||
            other.coords.size() != first.coords.size())
          throw std::invalid_argument("stack_runs: runs differ in layout at " + first.name + "/" +
                                      v.name);
        same = same && other.vars[k].data == v.data;
      }
      if (has_time(v) || !same) {
        v.dims.insert(v.dims.begin(), "run");
        v.data.clear();
        for (std::size_t r = 0; r < n; ++r) {
          const auto& d = runs[r].groups[g].vars[k].data;
          v.data.insert(v.data.end(), d.begin(), d.end());
        }
      }
      stacked.vars.push_back(std::move(v));
    }
    out.groups.push_back(std::move(stacked));
  }
  Group runs_group{"runs", {run_coordinate(n)}, {}};
  runs_group.coords.push_back(
      {"replicate",
       table.replicate,
       {{"long_name", "replicate index (common random numbers across scenarios)"}},
       "run"});
  runs_group.coords.push_back(
      {"seed",
       table.seed,
       {{"long_name",
         "seed that reproduces the run: metrosim run <scenario_resolved> --seed <seed>"}},
       "run"});
  runs_group.coords.push_back({"status", table.status, {{"long_name", "run status"}}, "run"});
  if (!table.point.empty()) {
    if (table.point.size() != n)
      throw std::invalid_argument("stack_runs: runs table point has wrong length");
    runs_group.coords.push_back(
        {"point",
         table.point,
         {{"long_name", "design point (data row of the design CSV, from 0)"}},
         "run"});
  }
  for (const auto& [key, values] : table.parameters) {
    if (values.size() != n)
      throw std::invalid_argument("stack_runs: parameter " + key + " has wrong length");
    // A per-zone override (key@ZONE) has the unit of its key.
    const KeySpec* spec = find_key(key.substr(0, key.find('@')));
    const std::string unit = spec && !spec->unit.empty() ? spec->unit : "1";
    runs_group.vars.push_back({parameter_name(key),
                               unit,
                               "varied scenario key " + key,
                               {"run"},
                               values,
                               Aggregation::kStatic});
  }
  for (const auto& [name, values] : table.columns) {
    if (values.size() != n)
      throw std::invalid_argument("stack_runs: column " + name + " has wrong length");
    runs_group.vars.push_back(
        {name, "1", "design column " + name, {"run"}, values, Aggregation::kStatic});
  }
  out.groups.push_back(std::move(runs_group));
  return out;
}

void write_multi_run_h5(const std::vector<RunOutput>& runs, const RunsTable& table,
                        const std::string& path, const model::OutputParams& params,
                        bool overwrite) {
  check_output_path(path, overwrite);
  write_prepared_h5(stack_runs(runs, table, params), path, params, overwrite);
}

}  // namespace metrosim::io
