// run_assembly.cpp — see run_assembly.hpp.
#include "io/run_assembly.hpp"

#include <unistd.h>

#include <chrono>
#include <ctime>

#include "build_info.hpp"
#include "io/shocks_reader.hpp"

namespace metrosim::io {

namespace {

Aggregation aggregation_of(model::Kind k) {
  return k == model::Kind::kFlow         ? Aggregation::kFlow
         : k == model::Kind::kStock      ? Aggregation::kStock
         : k == model::Kind::kMean       ? Aggregation::kMean
         : k == model::Kind::kCumulative ? Aggregation::kCumulative
                                         : Aggregation::kStatic;
}

/// A variable named, documented and aggregated as its indicator-table row says.
Variable from_spec(const model::IndicatorSpec& spec, std::vector<std::string> dims,
                   std::vector<double> data) {
  return {spec.name,       spec.units,      spec.long_name,
          std::move(dims), std::move(data), aggregation_of(spec.kind)};
}

/// A headline variable: its spec plus `better` (higher/lower) where the table judges it.
Variable from_headline(const model::HeadlineSpec& h, std::vector<std::string> dims,
                       std::vector<double> data) {
  Variable v = from_spec(h.spec, std::move(dims), std::move(data));
  if (h.better != 0) v.attrs["better"] = h.better > 0 ? "higher" : "lower";
  return v;
}

std::vector<Coordinate> time_coords(const model::World& w, std::size_t steps) {
  std::vector<std::int32_t> days(steps);
  for (std::size_t t = 0; t < steps; ++t)
    days[t] = w.calendar.day_offset(static_cast<core::Step>(t));
  Coordinate time{
      "time",
      days,
      {{"units", w.calendar.cf_time_units()},
       {"calendar", "standard"},
       {"long_name", "first day of the month (stocks observed then; flows over the month)"}},
      ""};
  return {time};
}

Coordinate month_index(std::size_t steps) {
  std::vector<std::int32_t> m(steps);
  for (std::size_t t = 0; t < steps; ++t) m[t] = static_cast<std::int32_t>(t);
  return {"month_index",
          m,
          {{"units", "1"}, {"long_name", "months since the run's start month"}},
          "time"};
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buf;
}

}  // namespace

std::vector<std::string> available_indicators() {
  std::vector<std::string> out;
  for (const auto& spec : model::metro_indicators())
    out.push_back(std::string("metro/") + spec.name);
  for (const auto& spec : model::zone_indicators())
    out.push_back(std::string("zones/") + spec.name);
  for (const auto& spec : model::zone_static_indicators())
    out.push_back(std::string("zones/") + spec.name);
  for (const auto& h : model::headline_indicators())
    out.push_back(std::string("metro/") + h.spec.name);
  for (const auto& h : model::zone_headline_indicators())
    out.push_back(std::string("zones/") + h.spec.name);
  for (const auto& spec : model::agency_indicators())
    out.push_back(std::string("agencies/") + spec.name);
  for (const auto& spec : model::agency_static_indicators())
    out.push_back(std::string("agencies/") + spec.name);
  for (const auto& spec : model::event_indicators())
    out.push_back(std::string("events/") + spec.name);
  return out;
}

std::string format_sha256_lines(const std::map<std::string, std::string>& digests) {
  std::string out;
  for (const auto& [name, hex] : digests) out += hex + "  " + name + "\n";
  return out;
}

RunOutput assemble_run(const model::World& w, const model::Recorder& rec, const Provenance& p) {
  RunOutput out;
  const auto& s = w.scenario;
  char host[256] = "unknown";
  gethostname(host, sizeof host - 1);
  out.attrs_text = {
      {"metrosim_version", core::kVersion},
      {"git_commit", core::kGitCommit},
      {"build", std::string(core::kCompiler) + "; " + core::kBuildType + "; " + core::kBuildFlags},
      {"created_utc", utc_now()},
      {"scenario_name", s.run.name},
      {"scenario_resolved", p.scenario_resolved},
      {"data_sha256", format_sha256_lines(p.data_sha256)},
      {"start", s.run.start},
      {"host", host},
      {"command_line", p.command_line},
      {"cpi_base",
       "nominal EUR; contract rents indexed by economy.cpi_growth (capped by "
       "economy.rent_indexation_cap)"},
      // The calendar as applied (enabled entries, application order): what changed when.
      {"shocks", format_shocks_csv(w.resolved.shock_entries)}};
  out.attrs_int = {{"seed", static_cast<std::int64_t>(s.run.seed)},
                   {"replicate", p.replicate},
                   {"steps", s.run.steps},
                   {"threads", p.threads},
                   {"n_zones", static_cast<std::int64_t>(w.zones.size())},
                   {"n_households_agents", static_cast<std::int64_t>(w.households.size())}};

  const std::size_t steps = rec.steps, nz = rec.zones;
  Group metro{"metro", time_coords(w, steps), {}};
  metro.coords.push_back(month_index(steps));
  for (std::size_t k = 0; k < model::kMetroCount; ++k) {
    const auto& spec = model::metro_indicators()[k];
    Variable v = from_spec(spec, {"time"}, std::vector<double>(steps));
    for (std::size_t t = 0; t < steps; ++t) v.data[t] = rec.metro[t * model::kMetroCount + k];
    metro.vars.push_back(std::move(v));
  }
  for (std::size_t k = 0; k < model::kHeadlineCount; ++k) {
    std::vector<double> data(steps);
    for (std::size_t t = 0; t < steps; ++t) data[t] = rec.headline[t * model::kHeadlineCount + k];
    metro.vars.push_back(from_headline(model::headline_indicators()[k], {"time"}, std::move(data)));
  }

  Group zones{"zones", time_coords(w, steps), {}};
  zones.coords.push_back(month_index(steps));
  zones.coords.push_back({"zone", w.zones.name, {{"long_name", "zone name"}}, ""});
  zones.coords.push_back(
      {"zone_code",
       w.zones.code,
       {{"long_name", "zone code (INE municipality, municipality+district, or EXT)"}},
       "zone"});
  zones.coords.push_back({"zone_municipality",
                          w.zones.municipality,
                          {{"long_name", "INE code of the municipality the zone belongs to"}},
                          "zone"});
  zones.coords.push_back(
      {"is_core",
       w.zones.is_core,
       {{"units", "1"}, {"long_name", "1 if the zone is (part of) the core city"}},
       "zone"});
  for (std::size_t k = 0; k < model::kZoneCount; ++k) {
    const auto& spec = model::zone_indicators()[k];
    const auto* first = rec.zone.data() + k * steps * nz;
    zones.vars.push_back(
        from_spec(spec, {"time", "zone"}, std::vector<double>(first, first + steps * nz)));
  }
  for (std::size_t k = 0; k < model::kZoneHeadlineCount; ++k) {
    const auto* first = rec.zone_headline.data() + k * steps * nz;
    zones.vars.push_back(from_headline(model::zone_headline_indicators()[k], {"time", "zone"},
                                       std::vector<double>(first, first + steps * nz)));
  }
  for (std::size_t k = 0; k < model::kZoneStaticCount; ++k) {
    const auto& spec = model::zone_static_indicators()[k];
    const auto* first = rec.zone_static.data() + k * nz;
    zones.vars.push_back(from_spec(spec, {"zone"}, std::vector<double>(first, first + nz)));
  }
  // Agencies: the same list in every scenario (fixed shapes); budgets in force from the governance
  // step.
  Group agencies{"agencies", time_coords(w, steps), {}};
  agencies.coords.push_back(month_index(steps));
  const auto& ag = w.agencies;
  agencies.coords.push_back({"agency", ag.code, {{"long_name", "agency code"}}, ""});
  agencies.coords.push_back({"agency_name", ag.name, {{"long_name", "agency name"}}, "agency"});
  std::vector<std::string> kinds;
  for (auto k : ag.kind) kinds.push_back(agents::kAgencyKindNames[static_cast<std::size_t>(k)]);
  agencies.coords.push_back({"agency_kind", kinds, {{"long_name", "kind of agency"}}, "agency"});
  agencies.coords.push_back({"agency_jurisdiction",
                             ag.jurisdiction,
                             {{"long_name", "metro, periphery or the INE code of a municipality"}},
                             "agency"});
  for (std::size_t k = 0; k < model::kAgencyCount; ++k) {
    const auto* first = rec.agency.data() + k * steps * rec.agencies;
    agencies.vars.push_back(from_spec(model::agency_indicators()[k], {"time", "agency"},
                                      std::vector<double>(first, first + steps * rec.agencies)));
  }
  agencies.vars.push_back(from_spec(model::agency_static_indicators()[0], {"agency"}, ag.staff));

  Group events{"events", time_coords(w, steps), {}};
  events.coords.push_back(month_index(steps));
  events.coords.push_back(
      {"event_kind", w.events_calendar.kinds(), {{"long_name", "kind of recurring event"}}, ""});
  events.vars.push_back(
      from_spec(model::event_indicators()[0], {"time", "event_kind"}, rec.event_attendees));
  out.groups = {std::move(metro), std::move(zones), std::move(agencies), std::move(events)};
  return out;
}

}  // namespace metrosim::io
