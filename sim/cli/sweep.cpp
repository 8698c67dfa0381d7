// sweep.cpp — see sweep.hpp: planning (validation of the whole design first), the parts folder,
// running a share of the runs and merging the parts.
#include "cli/sweep.hpp"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <set>

#include "build_info.hpp"
#include "cli/progress.hpp"
#include "io/csv_reader.hpp"
#include "io/h5_writer.hpp"
#include "io/key_registry.hpp"
#include "io/multi_run.hpp"
#include "io/run_assembly.hpp"
#include "io/run_part.hpp"
#include "io/sha256.hpp"
#include "model/schedule.hpp"

namespace fs = std::filesystem;

namespace metrosim::cli {

namespace {

constexpr const char* kDesignPrefix = "design_";
constexpr const char* kManifest = "sweep.id";
constexpr std::size_t kMaxDiagnostics = 50;

bool is_bookkeeping(const std::string& column) {
  return column.rfind(kDesignPrefix, 0) == 0;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

/// The value a numeric key takes, as float64 for /runs.
double as_double(const io::KeyValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* u = std::get_if<std::uint64_t>(&v)) return static_cast<double>(*u);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
  throw std::logic_error("sweep: non-numeric key value");
}

bool numeric(io::KeyType t) {
  return t == io::KeyType::kDouble || t == io::KeyType::kInt || t == io::KeyType::kUInt64 ||
         t == io::KeyType::kBool;
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buf;
}

/// Checks the header: which columns are keys and which bookkeeping; appends problems to diags.
void check_header(const io::CsvTable& t, const SweepOptions& o, SweepPlan& p,
                  std::vector<io::Diagnostic>& diags) {
  std::set<std::string> user_keys, seen;
  for (const std::string& s : o.scenario.sets) user_keys.insert(trim(s.substr(0, s.find('='))));
  std::vector<std::string> names;
  for (const io::KeySpec& k : io::scenario_keys()) names.push_back(k.name);
  for (const std::string& raw : t.header) {
    const std::string col = trim(raw);
    auto bad = [&](const std::string& what) { diags.push_back({o.design, 1, col, what}); };
    if (col.empty()) {
      bad("empty column name; expected a scenario key or a design_* bookkeeping column");
    } else if (!seen.insert(col).second) {
      bad("column appears twice; expected each key once");
    } else if (is_bookkeeping(col)) {
      p.columns.push_back(col);
    } else if (const io::KeySpec* spec = io::find_key(col.substr(0, col.find('@'))); !spec) {
      bad("unknown scenario key" + io::did_you_mean(col, names) +
          "; expected a key of `metrosim keys` (key@ZONE for a per-zone override) or a design_* "
          "bookkeeping column");
    } else if (spec->section() == "run" || spec->section() == "output") {
      bad("a sweep cannot vary run.* or output.* keys: every run of a sweep shares steps, start "
          "and output layout, and replicate r has seed run.seed + r (use --seed, --steps, --set)");
    } else if (!numeric(spec->type)) {
      bad("expected a numeric key (number, integer or boolean) so /runs can hold its values; " +
          spec->name + " is of type " + io::type_name(spec->type) +
          ": vary it with separate scenario files");
    } else if (user_keys.count(col)) {
      bad("also given with --set; expected each key from one place only");
    } else {
      p.keys.push_back(col);
    }
  }
}

/// Resolves one design row; problems go to diags named by the design file and the row's line.
void plan_row(const io::CsvTable& t, const io::CsvRow& row, const SweepOptions& o, SweepPlan& p,
              std::vector<io::Diagnostic>& diags) {
  SweepRow r;
  r.line = row.line;
  ScenarioOptions so = o.scenario;
  const int n_user = static_cast<int>(so.sets.size());
  std::vector<std::string> texts;
  for (const std::string& key : p.keys) {
    texts.push_back(trim(row.cells[static_cast<std::size_t>(t.column(key))]));
    so.sets.push_back(key + "=" + texts.back());
  }
  const int n_row = static_cast<int>(p.keys.size());
  for (const std::string& col : p.columns) {
    double v = 0;
    const std::string text = trim(row.cells[static_cast<std::size_t>(t.column(col))]);
    const std::string err = io::parse_number(text, v);
    if (!err.empty())
      diags.push_back({o.design, row.line, col, err + "; expected a number (bookkeeping column)"});
    r.columns.push_back(v);
  }
  try {
    r.scenario = load_inputs(so, &p.region).scenario.scenario;
  } catch (const io::InputError& e) {
    for (io::Diagnostic d : e.diagnostics()) {
      if (d.file == "--set" && d.line > n_user && d.line <= n_user + n_row) {
        d.file = o.design;
        d.line = row.line;
      }
      diags.push_back(std::move(d));
    }
    return;
  }
  for (std::size_t i = 0; i < p.keys.size(); ++i) {
    const std::string& key = p.keys[i];
    std::string error;
    const auto v = io::parse_value(*io::find_key(key.substr(0, key.find('@'))), texts[i], error);
    r.params.push_back(v ? as_double(*v) : 0.0);
  }
  p.rows.push_back(std::move(r));
}

std::string sweep_identity(const SweepPlan& p) {
  std::string id = "metrosim sweep 1\n";
  id += std::string(core::kVersion) + "\n" + core::kGitCommit + "\n" + core::kBuildFlags + "\n";
  id += "design " + p.design_sha256 + "\nreplicates " + std::to_string(p.options.replicates) + "\n";
  id += io::format_sha256_lines(p.region.sha256);
  id += "[base]\n" + io::canonical_ini(p.base);
  for (std::size_t i = 0; i < p.rows.size(); ++i)
    id += "[row " + std::to_string(i) + "]\n" + io::canonical_ini(p.rows[i].scenario);
  return io::sha256_hex(id);
}

std::string read_first_line(const std::string& path) {
  std::string bytes, error;
  if (!io::read_file_bytes(path, bytes, error)) return "";
  return bytes.substr(0, bytes.find('\n'));
}

}  // namespace

std::string SweepPlan::part_path(std::int64_t run) const {
  char name[32];
  std::snprintf(name, sizeof name, "run-%07lld.part", static_cast<long long>(run));
  return (fs::path(parts_dir) / name).string();
}

SweepPlan plan_sweep(const SweepOptions& o, const std::string& command_line) {
  SweepPlan p;
  p.options = o;
  p.command_line = command_line;
  p.parts_dir = o.out + ".parts";
  std::string bytes, error;
  if (!io::read_file_bytes(o.design, bytes, error))
    throw io::InputError({{o.design, 0, "", "cannot read the design: " + error}});
  p.design_sha256 = io::sha256_hex(bytes);
  io::CsvTable t;
  std::vector<io::Diagnostic> diags;
  if (!io::parse_csv(bytes, o.design, t, diags)) throw io::InputError(std::move(diags));
  check_header(t, o, p, diags);
  if (!diags.empty()) throw io::InputError(std::move(diags));

  LoadedInputs base = load_inputs(o.scenario);
  for (const std::string& w : base.warnings) std::cerr << "metrosim: warning: " << w << "\n";
  p.base = base.scenario.scenario;
  p.region = std::move(base.region);
  io::check_indicator_patterns(p.base.output.indicators, io::available_indicators());
  for (const io::CsvRow& row : t.rows) {
    plan_row(t, row, o, p, diags);
    if (diags.size() >= kMaxDiagnostics) {
      diags.push_back({o.design, row.line, "", "too many problems; stopped checking here"});
      break;
    }
  }
  if (!diags.empty()) throw io::InputError(std::move(diags));
  p.hash = sweep_identity(p);
  if (fs::is_directory(o.out) || o.out.empty() || o.out.back() == '/')
    throw io::InputError({{"--out", 1, "", o.out + " is a directory; expected a file name"}});
  if (const auto parent = fs::path(o.out).parent_path(); !parent.empty() && !fs::exists(parent))
    fs::create_directories(parent);
  io::check_output_path(o.out, o.overwrite);
  return p;
}

void open_parts_dir(const SweepPlan& p) {
  fs::create_directories(p.parts_dir);
  const std::string manifest = (fs::path(p.parts_dir) / kManifest).string();
  auto check = [&] {
    if (read_first_line(manifest) != p.hash)
      throw io::InputError(
          {{manifest, 1, "",
            "this parts folder belongs to another sweep (the design, scenario, --set values, "
            "replicates or metrosim build changed since it was started); expected sweep " +
                p.hash.substr(0, 16) + ": remove " + p.parts_dir +
                " to start afresh, or give another --out"}});
  };
  if (fs::exists(manifest)) return check();
  try {
    io::write_atomically(manifest, false, [&](const std::string& tmp) {
      std::FILE* f = std::fopen(tmp.c_str(), "w");
      if (!f) throw std::runtime_error("cannot write " + tmp);
      std::fprintf(f, "%s\ndesign %s (sha256 %s), %zu rows x %d replicates = %lld runs\n",
                   p.hash.c_str(), p.options.design.c_str(), p.design_sha256.c_str(), p.rows.size(),
                   p.options.replicates, static_cast<long long>(p.n_runs()));
      if (std::fclose(f) != 0) throw std::runtime_error("cannot write " + tmp);
    });
  } catch (const io::OutputExistsError&) {
    check();  // another shard created it meanwhile
  }
}

std::vector<std::int64_t> missing_runs(const SweepPlan& p) {
  std::vector<std::int64_t> out;
  for (std::int64_t k = 0; k < p.n_runs(); ++k)
    if (!fs::exists(p.part_path(k))) out.push_back(k);
  return out;
}

std::int64_t run_sweep_share(const SweepPlan& p, int shard, int n_shards, long stop_after) {
  const std::int64_t total = p.n_runs();
  const std::int64_t reps = p.options.replicates;
  const std::vector<std::int64_t> missing = missing_runs(p);
  std::vector<std::int64_t> pending;
  for (std::int64_t k : missing)
    if (k % n_shards == shard) pending.push_back(k);
  std::int64_t complete = total - static_cast<std::int64_t>(missing.size());
  if (complete > 0)
    std::cerr << "metrosim sweep: resuming: " << complete << " of " << total
              << " runs already done in " << p.parts_dir << "\n";
  const auto t0 = std::chrono::steady_clock::now();
  std::int64_t done = 0;
  for (std::int64_t k : pending) {
    if (stop_after >= 0 && done >= stop_after)
      throw std::runtime_error("stopped after " + std::to_string(done) +
                               " runs as METROSIM_SWEEP_STOP_AFTER asks (test hook)");
    const auto row = static_cast<std::size_t>(k / reps);
    const auto rep = static_cast<std::uint32_t>(k % reps);
    // Replicate r has seed run.seed + r in every row (common random numbers), exactly the run
    // `metrosim run` makes with the row's keys and --seed run.seed + r.
    model::Scenario sr = p.rows[row].scenario;
    sr.run.seed += rep;
    model::World world = model::build_world(sr, p.region, 0);
    Progress progress("metrosim sweep run " + std::to_string(k + 1) + "/" + std::to_string(total));
    model::Recorder rec =
        model::simulate(world, [&](core::Step d, core::Step n) { progress.update(d, n); });
    progress.finish();
    io::Provenance prov{io::canonical_ini(sr), p.region.sha256, p.command_line, rep,
                        omp_get_max_threads()};
    io::write_run_part({p.hash, k, io::assemble_run(world, rec, prov)}, p.part_path(k));
    ++done;
    ++complete;
    const double hours =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 3600.0;
    std::fprintf(stderr,
                 "metrosim sweep: run %lld done (point %zu, replicate %u); %lld/%lld runs done, "
                 "%.0f runs/hour here\n",
                 static_cast<long long>(k), row, rep, static_cast<long long>(complete),
                 static_cast<long long>(total),
                 hours > 0 ? static_cast<double>(done) / hours : 0.0);
  }
  return done;
}

void merge_sweep(const SweepPlan& p) {
  const std::vector<std::int64_t> missing = missing_runs(p);
  if (!missing.empty()) {
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 10; ++i)
      list += (i ? ", " : "") + std::to_string(missing[i]);
    throw std::runtime_error("the sweep is incomplete: " + std::to_string(missing.size()) + " of " +
                             std::to_string(p.n_runs()) + " runs have no part in " + p.parts_dir +
                             " (runs " + list + (missing.size() > 10 ? ", ..." : "") +
                             "); run the missing shards, or the same command without --shard "
                             "and --merge, to finish it");
  }
  const std::int64_t reps = p.options.replicates;
  std::vector<io::RunOutput> outputs;
  io::RunsTable table;
  for (std::int64_t k = 0; k < p.n_runs(); ++k) {
    io::RunPart part = io::read_run_part(p.part_path(k));
    if (part.sweep_hash != p.hash || part.run != k)
      throw std::runtime_error(p.part_path(k) + ": belongs to another sweep or run; remove it");
    outputs.push_back(std::move(part.output));
    const auto row = static_cast<std::size_t>(k / reps);
    table.replicate.push_back(static_cast<std::int32_t>(k % reps));
    table.seed.push_back(static_cast<std::int64_t>(p.rows[row].scenario.run.seed + k % reps));
    table.status.push_back("ok");
    table.point.push_back(static_cast<std::int32_t>(row));
  }
  auto per_run = [&](auto value_of_row) {
    std::vector<double> v;
    for (std::int64_t k = 0; k < p.n_runs(); ++k)
      v.push_back(value_of_row(p.rows[static_cast<std::size_t>(k / reps)]));
    return v;
  };
  for (std::size_t i = 0; i < p.keys.size(); ++i)
    table.parameters.emplace_back(p.keys[i],
                                  per_run([&](const SweepRow& r) { return r.params[i]; }));
  // The estimators average replicates per design_point; a hand-written design may lack it.
  if (std::find(p.columns.begin(), p.columns.end(), "design_point") == p.columns.end()) {
    std::vector<double> rows;
    for (std::int64_t k = 0; k < p.n_runs(); ++k) rows.push_back(static_cast<double>(k / reps));
    table.columns.emplace_back("design_point", std::move(rows));
  }
  for (std::size_t i = 0; i < p.columns.size(); ++i)
    table.columns.emplace_back(p.columns[i],
                               per_run([&](const SweepRow& r) { return r.columns[i]; }));
  // Root attributes: the base scenario and this command, not those of run 0's process.
  auto& text = outputs[0].attrs_text;
  text["scenario_resolved"] = io::canonical_ini(p.base);
  text["command_line"] = p.command_line;
  text["created_utc"] = utc_now();
  text["sweep_design"] = p.options.design;
  text["sweep_design_sha256"] = p.design_sha256;
  text["sweep_id"] = p.hash;
  outputs[0].attrs_int["sweep_points"] = static_cast<std::int64_t>(p.rows.size());
  outputs[0].attrs_int["sweep_replicates"] = reps;
  io::write_multi_run_h5(outputs, table, p.options.out, p.base.output, p.options.overwrite);
  if (!p.options.keep_parts) fs::remove_all(p.parts_dir);
}

}  // namespace metrosim::cli
