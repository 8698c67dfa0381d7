// bench_run.cpp — throughput of the monthly schedule on the default scenario, against a
// bare-loop baseline measured in the same process: one keyed draw, one comparison and one write
// per household per month over the same household store. Prints household-months per second and
// the ratio model / bare loop. Usage: metrosim_bench [--scale S] [--steps N] [--threads N]
#include <omp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "io/region_reader.hpp"
#include "io/scenario_loader.hpp"
#include "model/schedule.hpp"

using namespace metrosim;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// The bare loop: what any per-household monthly mechanism must at least do.
double bare_loop(const agents::Households& hh, const core::RngKey& key, int steps,
                 std::vector<std::uint8_t>& flag) {
  const auto n = static_cast<std::int64_t>(hh.size());
  const auto t0 = Clock::now();
  for (int t = 0; t < steps; ++t) {
#pragma omp parallel for schedule(static)
    for (std::int64_t i = 0; i < n; ++i) {
      auto s = key.stream(core::Mechanism::kTest, hh.id[static_cast<std::size_t>(i)], t);
      flag[static_cast<std::size_t>(i)] = s.uniform(0) < 0.01;
    }
  }
  return seconds_since(t0);
}

}  // namespace

int main(int argc, char** argv) {
  double scale = 1.0;
  int steps = 240, threads = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--scale")) scale = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--steps")) steps = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: metrosim_bench [--scale S] [--steps N] [--threads N]\n");
      return 2;
    }
  }
  if (threads > 0) omp_set_num_threads(threads);
  const std::vector<std::string> sets = {"agents.scale=" + std::to_string(scale),
                                         "run.steps=" + std::to_string(steps)};
  const auto loaded = io::load_scenario("", sets);
  const auto region =
      io::read_region(loaded.scenario, std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb");

  auto t0 = Clock::now();
  model::World w = model::build_world(loaded.scenario, region, 0);
  const double t_init = seconds_since(t0);
  const double n = static_cast<double>(w.households.size());
  std::vector<std::uint8_t> flag(w.households.size());
  const double t_bare = bare_loop(w.households, w.rng_key, steps, flag);
  t0 = Clock::now();
  const model::Recorder rec = model::simulate(w);
  const double t_model = seconds_since(t0);

  const double hm = n * steps;
  std::printf("households (agents)        %.0f\n", n);
  std::printf("months                     %d\n", steps);
  std::printf("threads                    %d\n", omp_get_max_threads());
  std::printf("initialisation             %.2f s\n", t_init);
  std::printf("bare loop                  %.2f s  %.3g household-months/s\n", t_bare, hm / t_bare);
  std::printf("model schedule             %.2f s  %.3g household-months/s\n", t_model, hm / t_model);
  std::printf("ratio model / bare loop    %.1f x the bare loop's time\n", t_model / t_bare);
  std::printf("runs per hour (this size)  %.0f\n", 3600.0 / (t_model + t_init));
  return rec.steps == static_cast<std::size_t>(steps) ? 0 : 1;
}
