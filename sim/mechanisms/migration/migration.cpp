// migration.cpp — see migration.hpp.
#include "mechanisms/migration/migration.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/thinning.hpp"
#include "mechanisms/relocation/move_events.hpp"

namespace metrosim::mechanisms {

namespace {

using agents::AgeBand;
using agents::Origin;

const StreamParams& stream_params(const MigrationParams& p, ArrivalStream s) {
  switch (s) {
    case ArrivalStream::kStudent:
      return p.student;
    case ArrivalStream::kResearcher:
      return p.researcher;
    case ArrivalStream::kSkilled:
      return p.skilled;
    default:
      return p.other;
  }
}

Origin origin_of(ArrivalStream s) {
  switch (s) {
    case ArrivalStream::kStudent:
      return Origin::kStudent;
    case ArrivalStream::kResearcher:
      return Origin::kResearcher;
    case ArrivalStream::kSkilled:
      return Origin::kSkilled;
    case ArrivalStream::kFormation:
      return Origin::kLongStanding;
    default:
      return Origin::kOtherInMigrant;
  }
}

/// Age band of an arrival from one uniform (shares by stream: assumption, docs/MODEL.md).
AgeBand arrival_age(ArrivalStream s, double u) {
  if (s == ArrivalStream::kStudent || s == ArrivalStream::kResearcher ||
      s == ArrivalStream::kFormation)
    return AgeBand::kUnder35;
  const double young = s == ArrivalStream::kSkilled ? 0.6 : 0.5;
  return u < young ? AgeBand::kUnder35 : u < 0.95 ? AgeBand::k35to64 : AgeBand::k65plus;
}

}  // namespace

void MigrationFlows::reset(std::size_t n_zones) {
  exits.assign(n_zones, {0, 0, 0});
  arrivals.fill(0);
  unhoused.fill(0);
}

void remove_exits(const std::vector<ExitCause>& exits, agents::Households& hh, agents::Zones& zones,
                  MigrationFlows& flows) {
  std::vector<std::uint8_t> keep(hh.size(), 1);
  for (std::size_t i = 0; i < hh.size(); ++i) {
    if (exits[i] == ExitCause::kNone) continue;
    keep[i] = 0;
    const auto z = static_cast<std::size_t>(hh.zone[i]);
    --zones.occupied[z][static_cast<std::size_t>(hh.tenure[i])];
    ++flows.exits[z][static_cast<std::size_t>(exits[i]) - 1];
  }
  hh.compact(keep);
}

double departure_rate(const MigrationParams& p, Origin o) {
  const double cut = 1.0 - p.retention_departure_cut * p.retention_programme;
  switch (o) {
    case Origin::kStudent:
      return p.student.departure_rate * cut;
    case Origin::kResearcher:
      return p.researcher.departure_rate * cut;
    case Origin::kSkilled:
      return p.skilled.departure_rate * cut;
    default:
      return p.emigration_rate;
  }
}

double arrival_rate(const MigrationParams& p, ArrivalStream s, double households_35_64) {
  if (s == ArrivalStream::kFormation) return p.formation_rate * households_35_64;
  const double base = stream_params(p, s).arrivals_per_year;
  if (s == ArrivalStream::kOther) return base;
  // Talent arrivals rise with the metro brand's awareness and image and the retention programme.
  return base * std::pow(p.metro_awareness / p.reference_awareness, p.talent_awareness_elasticity) *
         std::pow(p.metro_image / p.reference_image, p.talent_image_elasticity) *
         (1.0 + p.retention_arrival_gain * p.retention_programme);
}

std::vector<ExitCause> decide_exits(const MigrationParams& p, const core::StepContext& ctx,
                                    const agents::Households& hh) {
  std::vector<ExitCause> out(hh.size(), ExitCause::kNone);
  double monthly[agents::kOrigins];
  for (std::size_t o = 0; o < agents::kOrigins; ++o)
    monthly[o] = monthly_probability(departure_rate(p, static_cast<Origin>(o)));
  const double dissolve = monthly_probability(p.dissolution_rate);
  const auto n = static_cast<std::int64_t>(hh.size());
#pragma omp parallel for schedule(static)
  for (std::int64_t ii = 0; ii < n; ++ii) {
    const auto i = static_cast<std::size_t>(ii);
    auto s = ctx.stream(core::Mechanism::kExits, hh.id[i]);
    const Origin o = hh.origin[i];
    if (s.uniform(0) < monthly[static_cast<std::size_t>(o)])
      out[i] = agents::is_talent(o) ? ExitCause::kTalentDeparture : ExitCause::kEmigration;
    else if (hh.age_band[i] == AgeBand::k65plus && s.uniform(1) < dissolve)
      out[i] = ExitCause::kDissolution;
  }
  return out;
}

void age_heads(const MigrationParams& p, const core::StepContext& ctx, agents::Households& hh) {
  const auto n = static_cast<std::int64_t>(hh.size());
#pragma omp parallel for schedule(static)
  for (std::int64_t ii = 0; ii < n; ++ii) {
    const auto i = static_cast<std::size_t>(ii);
    const double u = ctx.stream(core::Mechanism::kAgeing, hh.id[i]).uniform(0);
    if (hh.age_band[i] == AgeBand::kUnder35 && u < p.ageing_young)
      hh.age_band[i] = AgeBand::k35to64;
    else if (hh.age_band[i] == AgeBand::k35to64 && u < p.ageing_mid)
      hh.age_band[i] = AgeBand::k65plus;
  }
}

std::size_t append_arrivals(const MigrationParams& p, const core::StepContext& ctx,
                            const ArrivalContext& ac, agents::Households& hh,
                            std::vector<core::ZoneIndex>& from_zone,
                            std::vector<ArrivalStream>& stream_of) {
  const MigrationParams reference;  // candidate maxima are scenario-independent: code defaults
  double weight_total = 0.0;
  for (double w : ac.formation_weights) weight_total += w;
  const std::size_t before = hh.size();
  for (std::size_t k = 0; k < kArrivalStreams; ++k) {
    const auto stream = static_cast<ArrivalStream>(k);
    const double reference_rate = arrival_rate(reference, stream, ac.households_35_64_initial);
    const double max_rate = p.candidate_headroom * reference_rate / 12.0 * ac.scale;
    const double rate = arrival_rate(p, stream, ac.households_35_64) / 12.0 * ac.scale;
    if (rate > max_rate * (1.0 + 1e-12))
      throw std::invalid_argument(
          "arrival stream " + std::to_string(k) + " asks for " +
          std::to_string(rate / ac.scale * 12) +
          " households/year, above its candidate maximum; raise migration.candidate_headroom");
    const core::CandidateStream cs{core::Mechanism::kArrivals, max_rate, k};
    for (core::AgentId id : core::thin_arrivals(ctx.rng_key, cs, ctx.step, rate)) {
      auto s = ctx.stream(core::Mechanism::kArrivalTraits, id);
      const StreamParams& sp = stream_params(p, stream);
      const double ratio = stream == ArrivalStream::kFormation ? 0.8 : sp.income_ratio;
      const double income =
          ratio * ac.metro_mean_income *
          std::exp(ac.income_log_sd * s.normal(0) - 0.5 * ac.income_log_sd * ac.income_log_sd);
      hh.id.push_back(id);
      hh.zone.push_back(core::kNoZone);
      hh.tenure.push_back(s.uniform(2) < sp.owner_share && stream != ArrivalStream::kFormation
                              ? agents::Tenure::kOwner
                              : agents::Tenure::kLtr);
      hh.income.push_back(income);
      hh.rent.push_back(0.0);
      hh.lease_start.push_back(ctx.step);
      hh.origin.push_back(origin_of(stream));
      hh.age_band.push_back(arrival_age(stream, s.uniform(3)));
      hh.landlord.push_back(agents::LandlordType::kSmall);  // set when it signs an LTR lease
      // Labour status at arrival (docs/LABOUR.md): students study, heads 65+ are retired, everyone
      // else seeks a job; researchers and skilled workers take one once housed (labour's
      // place_arrivals), the others compete for vacancies from next month.
      const bool inactive =
          stream == ArrivalStream::kStudent || hh.age_band.back() == AgeBand::k65plus;
      hh.employment.push_back(inactive ? agents::Employment::kInactive
                                       : agents::Employment::kUnemployed);
      hh.workplace.push_back(core::kNoZone);
      hh.sector.push_back(agents::kNoJobSector);
      core::ZoneIndex from = core::kNoZone;
      if (stream == ArrivalStream::kFormation && weight_total > 0.0) {
        // The parent's zone, drawn in proportion to households with head 35–64.
        double target = s.uniform(4) * weight_total, cum = 0.0;
        for (std::size_t z = 0; z < ac.formation_weights.size(); ++z) {
          cum += ac.formation_weights[z];
          from = static_cast<core::ZoneIndex>(z);
          if (target < cum) break;
        }
      }
      from_zone.push_back(from);
      stream_of.push_back(stream);
    }
  }
  return hh.size() - before;
}

}  // namespace metrosim::mechanisms
