// observe.cpp — see observe.hpp. Agent counts are multiplied by World::weight (real units).
#include "model/observe.hpp"

#include <limits>

namespace metrosim::model {

void observe_stocks(const World& w, core::Step t, Recorder& rec) {
  using agents::Tenure;
  const auto& hh = w.households;
  const auto& zs = w.zones;
  const auto is_ltr = [&](std::uint32_t i) { return hh.tenure[i] == Tenure::kLtr; };
  const auto income = core::group_sum(w.by_zone, [&](std::uint32_t i) { return hh.income[i]; });
  const auto ltr_rent =
      core::group_sum(w.by_zone, [&](std::uint32_t i) { return is_ltr(i) ? hh.rent[i] : 0.0; });
  const auto ltr_burden = core::group_sum(
      w.by_zone, [&](std::uint32_t i) { return is_ltr(i) ? hh.rent[i] / hh.income[i] : 0.0; });

  // Talent by zone and segment: integer counts, so a serial pass is exact and order-free.
  std::vector<std::array<double, 3>> talent(zs.size(), {0, 0, 0});
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (agents::is_talent(hh.origin[i]))
      talent[static_cast<std::size_t>(hh.zone[i])][static_cast<std::size_t>(hh.origin[i]) - 1] += 1;
  double m_talent[3] = {0, 0, 0};
  double m_hh[agents::kTenures] = {0, 0, 0}, m_ext = 0, m_stock_ltr = 0, m_vac_ltr = 0,
         m_rent_w = 0, m_income = 0, m_ltr_rent = 0, m_ltr_burden = 0;
  const double wt = w.weight;
  for (std::size_t z = 0; z < zs.size(); ++z) {
    const auto& occ = zs.occupied[z];
    const auto& stock = zs.stock[z];
    const double residents = static_cast<double>(occ[0] + occ[1] + occ[2]);
    const double ltr = static_cast<double>(occ[1]);
    rec.z(ZoneInd::kHouseholds, t, z) = residents * wt;
    rec.z(ZoneInd::kHouseholdsOwner, t, z) = static_cast<double>(occ[0]) * wt;
    rec.z(ZoneInd::kHouseholdsLtr, t, z) = ltr * wt;
    rec.z(ZoneInd::kHouseholdsSocial, t, z) = static_cast<double>(occ[2]) * wt;
    rec.z(ZoneInd::kDwellingsOwner, t, z) = static_cast<double>(stock[0]) * wt;
    rec.z(ZoneInd::kDwellingsLtr, t, z) = static_cast<double>(stock[1]) * wt;
    rec.z(ZoneInd::kDwellingsSocial, t, z) = static_cast<double>(stock[2]) * wt;
    rec.z(ZoneInd::kVacancyRateLtr, t, z) =
        ratio(static_cast<double>(stock[1] - occ[1]), static_cast<double>(stock[1]));
    rec.z(ZoneInd::kRentMarket, t, z) = zs.rent_market[z];
    rec.z(ZoneInd::kRentContractMean, t, z) = ratio(ltr_rent[z], ltr);
    rec.z(ZoneInd::kIncomeMean, t, z) = ratio(income[z], residents);
    rec.z(ZoneInd::kRentBurdenLtrMean, t, z) = ratio(ltr_burden[z], ltr);
    rec.z(ZoneInd::kTalentHouseholds, t, z) = (talent[z][0] + talent[z][1] + talent[z][2]) * wt;
    if (zs.is_external[z]) {
      m_ext += residents;
      continue;
    }
    for (std::size_t u = 0; u < agents::kTenures; ++u) m_hh[u] += static_cast<double>(occ[u]);
    m_stock_ltr += static_cast<double>(stock[1]);
    m_vac_ltr += static_cast<double>(stock[1] - occ[1]);
    m_rent_w += zs.rent_market[z] * static_cast<double>(stock[1]);
    m_income += income[z];
    m_ltr_rent += ltr_rent[z];
    m_ltr_burden += ltr_burden[z];
    for (std::size_t k = 0; k < 3; ++k) m_talent[k] += talent[z][k];
  }
  rec.m(t, MetroInd::kTalentStudents) = m_talent[0] * wt;
  rec.m(t, MetroInd::kTalentResearchers) = m_talent[1] * wt;
  rec.m(t, MetroInd::kTalentSkilled) = m_talent[2] * wt;
  const double m_total = m_hh[0] + m_hh[1] + m_hh[2];
  rec.m(t, MetroInd::kHouseholds) = m_total * wt;
  rec.m(t, MetroInd::kHouseholdsOwner) = m_hh[0] * wt;
  rec.m(t, MetroInd::kHouseholdsLtr) = m_hh[1] * wt;
  rec.m(t, MetroInd::kHouseholdsSocial) = m_hh[2] * wt;
  rec.m(t, MetroInd::kHouseholdsExternal) = m_ext * wt;
  rec.m(t, MetroInd::kDwellingsLtr) = m_stock_ltr * wt;
  rec.m(t, MetroInd::kVacancyRateLtr) = ratio(m_vac_ltr, m_stock_ltr);
  rec.m(t, MetroInd::kRentMarketMean) = ratio(m_rent_w, m_stock_ltr);
  rec.m(t, MetroInd::kRentContractMean) = ratio(m_ltr_rent, m_hh[1]);
  rec.m(t, MetroInd::kIncomeMean) = ratio(m_income, m_total);
  rec.m(t, MetroInd::kRentBurdenLtrMean) = ratio(m_ltr_burden, m_hh[1]);
  observe_tourism_stocks(w, t, rec);
  observe_supply_stocks(w, t, rec);
}

void observe_supply_stocks(const World& w, core::Step t, Recorder& rec) {
  const auto& zs = w.zones;
  const auto& cs = w.construction;
  const double wt = w.weight;
  double pipeline = 0, price_w = 0, dwellings = 0, large = 0, stock_ltr = 0;
  for (std::size_t z = 0; z < zs.size(); ++z) {
    const auto d = [](std::int64_t v) { return static_cast<double>(v); };
    const double pipe = d(cs.pipeline_private[z] + cs.pipeline_social[z]);
    const double price = w.asset.price[z];
    rec.z(ZoneInd::kPipeline, t, z) = pipe * wt;
    rec.z(ZoneInd::kAssetPrice, t, z) = price;
    rec.z(ZoneInd::kExpectedRentGrowth, t, z) = w.asset.expected_growth[z];
    rec.z(ZoneInd::kGrossYield, t, z) = price > 0 ? 12.0 * zs.rent_market[z] / price : kNaN;
    rec.z(ZoneInd::kLargeHolderShareLtr, t, z) =
        ratio(d(w.investors.ltr_large[z]), d(zs.stock[z][1]));
    if (zs.is_external[z]) continue;
    const double dw = d(zs.stock[z][0] + zs.stock[z][1] + zs.stock[z][2]);
    pipeline += pipe;
    price_w += price * dw;
    dwellings += dw;
    large += d(w.investors.ltr_large[z]);
    stock_ltr += d(zs.stock[z][1]);
  }
  rec.m(t, MetroInd::kPipeline) = pipeline * wt;
  rec.m(t, MetroInd::kAssetPriceMean) = ratio(price_w, dwellings);
  rec.m(t, MetroInd::kInterestRate) = w.scenario.asset_price.interest_rate;
  rec.m(t, MetroInd::kLargeHolderShareLtr) = ratio(large, stock_ltr);
}

void record_supply_flows(const World& w, core::Step t, Recorder& rec) {
  const auto& f = w.supply_flows;
  const double wt = w.weight;
  double starts = 0, done = 0, done_social = 0, social_starts = 0, bought = 0, let = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const auto d = [](std::int64_t v) { return static_cast<double>(v); };
    rec.z(ZoneInd::kHousingStarts, t, z) = d(f.starts_private[z]) * wt;
    rec.z(ZoneInd::kCompletionsOwner, t, z) = d(f.completions_owner[z]) * wt;
    rec.z(ZoneInd::kCompletionsLtr, t, z) = d(f.completions_ltr[z]) * wt;
    rec.z(ZoneInd::kCompletionsSocial, t, z) = d(f.completions_social[z]) * wt;
    rec.z(ZoneInd::kFundPurchases, t, z) = d(w.fund_flows.units[z]) * wt;
    rec.z(ZoneInd::kSocialLettings, t, z) = d(w.social_lettings[z]) * wt;
    if (w.zones.is_external[z]) continue;
    starts += d(f.starts_private[z]);
    social_starts += d(f.starts_social[z]);
    done += d(f.completions_owner[z] + f.completions_ltr[z] + f.completions_social[z]);
    done_social += d(f.completions_social[z]);
    bought += d(w.fund_flows.units[z]);
    let += d(w.social_lettings[z]);
  }
  rec.m(t, MetroInd::kHousingStarts) = starts * wt;
  rec.m(t, MetroInd::kCompletions) = done * wt;
  rec.m(t, MetroInd::kCompletionsSocial) = done_social * wt;
  rec.m(t, MetroInd::kSocialStarts) = social_starts * wt;
  rec.m(t, MetroInd::kFundPurchases) = bought * wt;
  rec.m(t, MetroInd::kFundSpend) = w.fund_flows.spend;
  rec.m(t, MetroInd::kSocialLettings) = let * wt;
}

void record_flows(const World& w, core::Step t, Recorder& rec) {
  const auto& f = w.flows;
  const double wt = w.weight;
  double moves = 0, life = 0, renewals = 0, d_ren = 0, d_evi = 0, exits = 0, entries = 0,
         unmatched = 0, emigration = 0, departures = 0, dissolutions = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const auto d = [&](std::int64_t v) { return static_cast<double>(v); };
    rec.z(ZoneInd::kMovesIn, t, z) = d(f.moves_in[z]) * wt;
    rec.z(ZoneInd::kMovesOut, t, z) = d(f.moves_out[z]) * wt;
    rec.z(ZoneInd::kDisplacedRenewalOut, t, z) = d(f.displaced_renewal_out[z]) * wt;
    rec.z(ZoneInd::kDisplacedEvictionOut, t, z) = d(f.displaced_eviction_out[z]) * wt;
    rec.z(ZoneInd::kExitsExternal, t, z) = d(f.exits_external[z]) * wt;
    rec.z(ZoneInd::kRenewals, t, z) = d(f.renewals[z]) * wt;
    const auto& ex = w.migration_flows.exits[z];
    rec.z(ZoneInd::kArrivalsIn, t, z) = d(f.arrivals_in[z]) * wt;
    rec.z(ZoneInd::kExitsOut, t, z) = d(ex[0] + ex[1] + ex[2]) * wt;
    entries += d(f.entries_from_external[z]);
    if (w.zones.is_external[z]) continue;  // metro flows start in metro zones
    emigration += d(ex[0]);
    departures += d(ex[1]);
    dissolutions += d(ex[2]);
    moves += d(f.moves_out[z]);
    life += d(f.life_course_moves[z]);
    renewals += d(f.renewals[z]);
    d_ren += d(f.displaced_renewal_out[z]);
    d_evi += d(f.displaced_eviction_out[z]);
    exits += d(f.exits_external[z]);
    unmatched += d(f.unmatched[z]);
  }
  using mechanisms::ArrivalStream;
  const auto& mf = w.migration_flows;
  const auto arr = [&](ArrivalStream s) {
    return static_cast<double>(mf.arrivals[static_cast<std::size_t>(s)]);
  };
  double unhoused = 0;
  for (auto u : mf.unhoused) unhoused += static_cast<double>(u);
  rec.m(t, MetroInd::kArrivals) =
      (arr(ArrivalStream::kOther) + arr(ArrivalStream::kStudent) + arr(ArrivalStream::kResearcher) +
       arr(ArrivalStream::kSkilled) + arr(ArrivalStream::kFormation)) *
      wt;
  rec.m(t, MetroInd::kArrivalsTalent) =
      (arr(ArrivalStream::kStudent) + arr(ArrivalStream::kResearcher) +
       arr(ArrivalStream::kSkilled)) *
      wt;
  rec.m(t, MetroInd::kHouseholdsFormed) = arr(ArrivalStream::kFormation) * wt;
  rec.m(t, MetroInd::kArrivalsUnhoused) = unhoused * wt;
  rec.m(t, MetroInd::kEmigration) = emigration * wt;
  rec.m(t, MetroInd::kTalentDepartures) = departures * wt;
  rec.m(t, MetroInd::kDissolutions) = dissolutions * wt;
  rec.m(t, MetroInd::kMoves) = moves * wt;
  rec.m(t, MetroInd::kMovesLifeCourse) = life * wt;
  rec.m(t, MetroInd::kRenewals) = renewals * wt;
  rec.m(t, MetroInd::kDisplacedRenewal) = d_ren * wt;
  rec.m(t, MetroInd::kDisplacedEviction) = d_evi * wt;
  rec.m(t, MetroInd::kExitsExternal) = exits * wt;
  rec.m(t, MetroInd::kEntriesFromExternal) = entries * wt;
  rec.m(t, MetroInd::kUnmatchedMovers) = unmatched * wt;
  record_tourism_flows(w, t, rec);
  record_supply_flows(w, t, rec);
}

void record_welfare(const World& w, core::Step t, Recorder& rec) {
  const auto& wf = w.welfare;
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    rec.z(ZoneInd::kWelfareLogsum, t, z) = wf.zone_mean[z];
  rec.m(t, MetroInd::kWelfareMean) = wf.metro_mean;
  constexpr MetroInd quintile[mechanisms::kQuintiles] = {MetroInd::kWelfareQ1, MetroInd::kWelfareQ2,
                                                         MetroInd::kWelfareQ3, MetroInd::kWelfareQ4,
                                                         MetroInd::kWelfareQ5};
  for (std::size_t q = 0; q < mechanisms::kQuintiles; ++q)
    rec.m(t, quintile[q]) = wf.quintile_mean[q];
  rec.m(t, MetroInd::kWelfareOwner) = wf.tenure_mean[0];
  rec.m(t, MetroInd::kWelfareLtr) = wf.tenure_mean[1];
  rec.m(t, MetroInd::kWelfareSocial) = wf.tenure_mean[2];
}

void record_calendar(const World& w, core::Step t, Recorder& rec) {
  const auto ts = static_cast<std::size_t>(t);
  const core::YearMonth ym = w.calendar.at(t);
  for (std::size_t k = 0; k < rec.event_kinds; ++k)
    rec.event_attendees[ts * rec.event_kinds + k] =
        w.events_calendar.attendees(k, ym.year, ym.month);
}

void record_static(const World& w, Recorder& rec) {
  const std::size_t n = w.zones.size();
  auto put = [&](ZoneStatic k, std::size_t z, double v) {
    rec.zone_static[static_cast<std::size_t>(k) * n + z] = v;
  };
  for (std::size_t z = 0; z < n; ++z) {
    put(ZoneStatic::kLat, z, w.zones.lat[z]);
    put(ZoneStatic::kLon, z, w.zones.lon[z]);
    put(ZoneStatic::kAreaKm2, z, w.zones.area_km2[z]);
    put(ZoneStatic::kRentInitialFromData, z, w.zones.rent_from_data[z]);
    put(ZoneStatic::kHouseholdsFromData, z, w.zones.households_from_data[z]);
    put(ZoneStatic::kTenureFromData, z, w.zones.tenure_from_data[z]);
    put(ZoneStatic::kIncomeFromData, z, w.zones.income_from_data[z]);
    put(ZoneStatic::kRentLoopGain, z, w.loop_gain[z]);
    put(ZoneStatic::kLabourFromData, z, w.zones.labour_from_data[z]);
    put(ZoneStatic::kJobsFromData, z, w.jobs.jobs_from_data[z]);
  }
  record_tourism_static(w, rec);
}

}  // namespace metrosim::model
