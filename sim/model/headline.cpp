// headline.cpp — the headline table and its computation from the recorded indicators (see
// headline.hpp). Only indicators already recorded are read, so a headline can never disagree
// with the raw indicators written next to it.
#include "model/headline.hpp"

#include <cmath>

#include "model/observe.hpp"

namespace metrosim::model {

namespace {
constexpr Kind S = Kind::kStock, M = Kind::kMean, C = Kind::kCumulative;
}

const std::array<HeadlineSpec, kHeadlineCount>& headline_indicators() {
  static const std::array<HeadlineSpec, kHeadlineCount> t = {{
      {{"headline_jobs_created_workplace", S, "jobs",
        "net jobs created in the metro since the start, by workplace (jobs - jobs at the start)"},
       +1},
      {{"headline_jobs_created_residence", S, "persons",
        "net change since the start of employed metro residents, by residence (employed - "
        "employed at the start)"},
       +1},
      {{"headline_hires_cumulative", C, "jobs",
        "vacancies filled since the start (gross jobs taken, created or freed; cumulative hires)"},
       +1},
      {{"headline_talent_stock", S, "households",
        "international-talent households resident in the metro (students, researchers, skilled "
        "workers)"},
       0},
      {{"headline_tourist_nights_cumulative", C, "visitor-nights",
        "overnight stays sold in the metro since the start, all accommodation types (visitor-"
        "nights: the model has no party size, so no room-nights)"},
       0},
      {{"headline_displaced_cumulative", C, "households",
        "households displaced since the start (rent increase at renewal or non-renewal of the "
        "lease)"},
       -1},
      {{"headline_displaced_renewal_cumulative", C, "households",
        "households displaced since the start by a rent increase at renewal"},
       -1},
      {{"headline_displaced_eviction_cumulative", C, "households",
        "households displaced since the start by non-renewal of the lease (includes "
        "headline_displaced_str_cumulative)"},
       -1},
      {{"headline_displaced_str_cumulative", C, "households",
        "households displaced since the start by non-renewal for conversion to short-term rental"},
       -1},
      {{"headline_exits_external_cumulative", C, "households",
        "households that moved from metro zones to the external zone since the start"},
       -1},
      {{"headline_rent_market_change", S, "%",
        "change of the metro market rent since the start: 100 (rent_market_mean / "
        "rent_market_mean at the start - 1) (nominal)"},
       -1},
      {{"headline_str_share", S, "1",
        "short-term-rental dwellings (licensed and unlicensed) / all dwellings in the metro"},
       -1},
      {{"headline_tourism_pressure", M, "visitors/resident-day",
        "tourism pressure of metro zones averaged over resident households (zone "
        "tourism_pressure weighted by households)"},
       -1},
      {{"headline_irritated_share", M, "1",
        "share of metro households irritated by tourism (= irritated_share)"},
       -1},
      {{"headline_pollution_nox", M, "ug/m3",
        "NOx increment averaged over metro households by zone of residence (= "
        "pollution_nox_resident_mean)"},
       -1},
      {{"headline_welfare_change", M, "EUR/month",
        "change of the mean household location logsum since the first month (welfare_mean - "
        "welfare_mean of month 0): money-metric welfare change per household"},
       +1},
      {{"headline_jobs_outside_core_share", S, "1",
        "share of the metro's jobs located outside the core city (by workplace)"},
       0},
      {{"headline_theil_benefit", C, "1",
        "Theil T index of the benefit over metro households (benefit: vacancies filled since the "
        "start by the zone's residents per household of the zone; 0 = equal; Theil 1967)"},
       -1},
      {{"headline_theil_benefit_between", C, "1",
        "between core and periphery part of headline_theil_benefit (Shorrocks 1980)"},
       -1},
      {{"headline_theil_benefit_within", C, "1",
        "within core and within periphery part of headline_theil_benefit (Shorrocks 1980)"},
       -1},
  }};
  return t;
}

const std::array<HeadlineSpec, kZoneHeadlineCount>& zone_headline_indicators() {
  static const std::array<HeadlineSpec, kZoneHeadlineCount> t = {{
      {{"headline_jobs_created_workplace", S, "jobs",
        "net jobs created in the zone since the start, by workplace"},
       +1},
      {{"headline_jobs_created_residence", S, "persons",
        "net change since the start of the zone's employed residents, by residence"},
       +1},
      {{"headline_hires_residence_cumulative", C, "jobs",
        "vacancies anywhere filled by the zone's residents since the start (benefit by "
        "residence)"},
       +1},
      {{"headline_benefit_per_household", C, "jobs/household",
        "headline_hires_residence_cumulative / resident households: the benefit whose spread "
        "headline_theil_benefit measures (NaN without residents)"},
       +1},
      {{"headline_displaced_cumulative", C, "households",
        "households displaced from the zone since the start (renewal increase or non-renewal)"},
       -1},
      {{"headline_exits_external_cumulative", C, "households",
        "households that moved from the zone to the external zone since the start"},
       -1},
      {{"headline_rent_market_change", S, "%",
        "change of the zone's market rent since the start, 100 (rent / rent at the start - 1)"},
       -1},
      {{"headline_str_share", S, "1",
        "short-term-rental dwellings (licensed and unlicensed) / all dwellings of the zone"},
       -1},
  }};
  return t;
}

TheilDecomposition theil_decomposition(const std::vector<double>& benefit,
                                       const std::vector<double>& households,
                                       const std::vector<std::uint8_t>& in_class_a) {
  // Per class (0: a, 1: the rest) and overall: households N, total benefit B and
  // sum n_z b_z ln b_z, from which T = (1/B) sum n b ln b - ln(B/N) for each set of zones.
  double n[2] = {0, 0}, b[2] = {0, 0}, blnb[2] = {0, 0};
  for (std::size_t z = 0; z < benefit.size(); ++z) {
    if (!(households[z] > 0)) continue;
    const std::size_t g = in_class_a[z] ? 0 : 1;
    const double x = benefit[z];
    n[g] += households[z];
    b[g] += households[z] * x;
    if (x > 0) blnb[g] += households[z] * x * std::log(x);  // 0 ln 0 = 0
  }
  const double N = n[0] + n[1], B = b[0] + b[1];
  if (!(B > 0) || !(N > 0)) return {kNaN, kNaN, kNaN};
  const double total = (blnb[0] + blnb[1]) / B - std::log(B / N);
  double between = 0, within = 0;
  for (std::size_t g = 0; g < 2; ++g) {
    if (!(b[g] > 0)) continue;  // a class without benefit has weight s_g = 0
    const double s = b[g] / B;
    between += s * std::log((b[g] / n[g]) / (B / N));
    within += s * (blnb[g] / b[g] - std::log(b[g] / n[g]));
  }
  return {total, between, within};
}

void record_headline(const World& w, core::Step t, Recorder& rec) {
  const std::size_t nz = w.zones.size();
  const auto prev = [&](auto k, auto value) {  // running total through month t
    return (t > 0 ? rec.h(t - 1, k) : 0.0) + value;
  };
  using H = HeadlineInd;
  using Z = ZoneHeadlineInd;
  const auto zone_jobs = [&](core::Step s, std::size_t z) {
    return rec.z(ZoneInd::kJobsTourism, s, z) + rec.z(ZoneInd::kJobsTradable, s, z) +
           rec.z(ZoneInd::kJobsLocal, s, z);
  };

  // Zones.
  std::vector<double> benefit(nz, 0.0), households(nz, 0.0);
  std::vector<std::uint8_t> core(nz, 0);
  double jobs_metro = 0, jobs_outside = 0, pressure_w = 0, pressure_hh = 0;
  for (std::size_t z = 0; z < nz; ++z) {
    const auto zprev = [&](Z k, double value) {
      return (t > 0 ? rec.zh(k, t - 1, z) : 0.0) + value;
    };
    rec.zh(Z::kJobsCreatedWorkplace, t, z) = zone_jobs(t, z) - zone_jobs(0, z);
    rec.zh(Z::kJobsCreatedResidence, t, z) =
        rec.z(ZoneInd::kEmployedResidents, t, z) - rec.z(ZoneInd::kEmployedResidents, 0, z);
    const double hires = zprev(Z::kHiresResidenceCumulative, rec.z(ZoneInd::kHiresResidence, t, z));
    rec.zh(Z::kHiresResidenceCumulative, t, z) = hires;
    const double hh = rec.z(ZoneInd::kHouseholds, t, z);
    rec.zh(Z::kBenefitPerHousehold, t, z) = ratio(hires, hh);
    rec.zh(Z::kDisplacedCumulative, t, z) =
        zprev(Z::kDisplacedCumulative, rec.z(ZoneInd::kDisplacedRenewalOut, t, z) +
                                           rec.z(ZoneInd::kDisplacedEvictionOut, t, z));
    rec.zh(Z::kExitsExternalCumulative, t, z) =
        zprev(Z::kExitsExternalCumulative, rec.z(ZoneInd::kExitsExternal, t, z));
    rec.zh(Z::kRentMarketChangePct, t, z) =
        100.0 * (ratio(rec.z(ZoneInd::kRentMarket, t, z), rec.z(ZoneInd::kRentMarket, 0, z)) - 1.0);
    rec.zh(Z::kStrShare, t, z) =
        rec.z(ZoneInd::kStrShareLicensed, t, z) + rec.z(ZoneInd::kStrShareUnlicensed, t, z);
    if (w.zones.is_external[z]) continue;  // the benefit and its spread concern metro residents
    benefit[z] = hires > 0 && hh > 0 ? hires / hh : 0.0;
    households[z] = hh;
    core[z] = w.zones.is_core[z];
    jobs_metro += zone_jobs(t, z);
    if (!w.zones.is_core[z]) jobs_outside += zone_jobs(t, z);
    const double p = rec.z(ZoneInd::kTourismPressure, t, z);
    if (!std::isnan(p) && hh > 0) {
      pressure_w += p * hh;
      pressure_hh += hh;
    }
  }

  // Metro.
  const auto m = [&](core::Step s, MetroInd k) { return rec.m(s, k); };
  rec.h(t, H::kJobsCreatedWorkplace) = m(t, MetroInd::kJobs) - m(0, MetroInd::kJobs);
  rec.h(t, H::kJobsCreatedResidence) = m(t, MetroInd::kEmployed) - m(0, MetroInd::kEmployed);
  rec.h(t, H::kHiresCumulative) = prev(H::kHiresCumulative, m(t, MetroInd::kHires));
  rec.h(t, H::kTalentStock) = m(t, MetroInd::kTalentStudents) + m(t, MetroInd::kTalentResearchers) +
                              m(t, MetroInd::kTalentSkilled);
  rec.h(t, H::kTouristNightsCumulative) =
      prev(H::kTouristNightsCumulative, m(t, MetroInd::kTouristNights));
  const double d_ren = m(t, MetroInd::kDisplacedRenewal),
               d_evi = m(t, MetroInd::kDisplacedEviction);
  rec.h(t, H::kDisplacedCumulative) = prev(H::kDisplacedCumulative, d_ren + d_evi);
  rec.h(t, H::kDisplacedRenewalCumulative) = prev(H::kDisplacedRenewalCumulative, d_ren);
  rec.h(t, H::kDisplacedEvictionCumulative) = prev(H::kDisplacedEvictionCumulative, d_evi);
  rec.h(t, H::kDisplacedStrCumulative) =
      prev(H::kDisplacedStrCumulative, m(t, MetroInd::kDisplacedStr));
  rec.h(t, H::kExitsExternalCumulative) =
      prev(H::kExitsExternalCumulative, m(t, MetroInd::kExitsExternal));
  rec.h(t, H::kRentMarketChangePct) =
      100.0 * (ratio(m(t, MetroInd::kRentMarketMean), m(0, MetroInd::kRentMarketMean)) - 1.0);
  rec.h(t, H::kStrShare) = m(t, MetroInd::kStrShareLicensed) + m(t, MetroInd::kStrShareUnlicensed);
  rec.h(t, H::kTourismPressure) = ratio(pressure_w, pressure_hh);
  rec.h(t, H::kIrritatedShare) = m(t, MetroInd::kIrritatedShare);
  rec.h(t, H::kPollutionNox) = m(t, MetroInd::kPollutionNoxResidentMean);
  rec.h(t, H::kWelfareChange) = m(t, MetroInd::kWelfareMean) - m(0, MetroInd::kWelfareMean);
  rec.h(t, H::kJobsOutsideCoreShare) = ratio(jobs_outside, jobs_metro);
  const TheilDecomposition th = theil_decomposition(benefit, households, core);
  rec.h(t, H::kTheilBenefit) = th.total;
  rec.h(t, H::kTheilBenefitBetween) = th.between;
  rec.h(t, H::kTheilBenefitWithin) = th.within;
}

}  // namespace metrosim::model
