// governance_step.cpp — see governance_step.hpp.
#include "model/governance_step.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "mechanisms/brands/brands.hpp"
#include "mechanisms/governance/budgets.hpp"
#include "mechanisms/governance/coordination.hpp"
#include "mechanisms/governance/politics.hpp"

namespace metrosim::model {

using agents::AgencyKind;
using mechanisms::Instrument;

double agency_value(const Scenario& s, const std::string& key, const std::string& code,
                    double plain) {
  for (const ZoneOverride& o : s.zone_overrides)
    if (o.key == key && o.zone_code == code) return o.value;
  return plain;
}

double zone_value(const Scenario& s, const std::string& key, const std::string& code,
                  double plain) {
  return agency_value(s, key, code, plain);
}

std::vector<std::vector<std::size_t>> jurisdiction_zones(const agents::Agencies& a,
                                                         const agents::Zones& z) {
  std::vector<std::vector<std::size_t>> out(a.size());
  for (std::size_t k = 0; k < a.size(); ++k)
    for (std::size_t i = 0; i < z.size(); ++i) {
      if (z.is_external[i]) continue;
      const std::string& j = a.jurisdiction[k];
      if (j == "metro" || (j == "periphery" && !z.is_core[i]) || j == z.municipality[i])
        out[k].push_back(i);
    }
  return out;
}

namespace {

/// Municipality groups in zone order: group_of_zone[i], and each group's first zone.
std::vector<std::size_t> municipality_groups(const agents::Zones& z, std::size_t& n_groups) {
  std::vector<std::size_t> g(z.size(), 0);
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < z.size(); ++i) {
    auto it = std::find(seen.begin(), seen.end(), z.municipality[i]);
    if (it == seen.end()) {
      seen.push_back(z.municipality[i]);
      it = seen.end() - 1;
    }
    g[i] = static_cast<std::size_t>(it - seen.begin());
  }
  n_groups = seen.size();
  return g;
}

std::array<double, 3> line_shares(const Scenario& s, const std::string& code, AgencyKind kind) {
  const double v[3] = {
      agency_value(s, "agencies.share_promotion", code, s.governance.share_promotion),
      agency_value(s, "agencies.share_lead_generation", code, s.governance.share_lead_generation),
      agency_value(s, "agencies.share_talent", code, s.governance.share_talent)};
  if (v[0] < 0.0 && v[1] < 0.0 && v[2] < 0.0) return mechanisms::default_allocation(kind);
  return {std::max(0.0, v[0]), std::max(0.0, v[1]), std::max(0.0, v[2])};
}

/// Distance (km) from each zone to the nearest core zone (0 for core zones).
double distance_to_core(const agents::Zones& z, std::size_t i) {
  if (z.is_core[i]) return 0.0;
  double d = std::numeric_limits<double>::infinity();
  for (std::size_t j = 0; j < z.size(); ++j)
    if (z.is_core[j])
      d = std::min(d, z.distance_km(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
  return std::isfinite(d) ? d : 0.0;
}

}  // namespace

void governance_step(World& w, const core::StepContext& ctx) {
  const Scenario& s = w.scenario;
  agents::Agencies& ag = w.agencies;
  const agents::Zones& zones = w.zones;
  const std::size_t na = ag.size(), nz = zones.size();
  GovernanceState& gs = w.governance;
  std::size_t n_groups = 0;
  gs.group_of_zone = municipality_groups(zones, n_groups);

  // Politics: the walk every month, budgets in force set in January (and at the start).
  const core::YearMonth ym = ctx.calendar.at(ctx.step);
  mechanisms::step_will_index(
      s.politics, ctx, mechanisms::is_election(s.politics, ym.year, static_cast<int>(ym.month)),
      ag.will_index);
  for (std::size_t a = 0; a < na; ++a)
    ag.political_will[a] = mechanisms::political_will(ag.will_index[a]);
  if (ctx.step == 0 || ctx.calendar.is_january(ctx.step))
    for (std::size_t a = 0; a < na; ++a)
      ag.line_budget[a] = mechanisms::budget_in_force(
          ag.budget_base[a] *
              agency_value(s, "agencies.budget_scale", ag.code[a], s.governance.budget_scale),
          s.politics.institutionalisation, ag.political_will[a]);

  // Mandates and spend by instrument.
  const auto acting = mechanisms::acting_agency(s.governance.mode, ag.kind);
  std::vector<mechanisms::BudgetLine> lines(na);
  std::vector<double> overhead_year(na);
  for (std::size_t a = 0; a < na; ++a) {
    overhead_year[a] = agency_value(s, "agencies.overhead", ag.code[a], s.governance.overhead);
    // Once the adaptive strategy review (MODEL.md §7.12) has revised an agency's allocation, the
    // line follows it: the review's pool (promotion, lead generation, talent, event bidding,
    // mitigation) splits the discretionary remainder.
    if (s.evaluation.adaptive && a < w.strategy.observed.size() && w.strategy.observed[a]) {
      const auto& al = ag.allocation[a];
      const auto at = [&](Instrument k) { return std::max(0.0, al[static_cast<std::size_t>(k)]); };
      const double pool = at(Instrument::kPromotion) + at(Instrument::kLeadGeneration) +
                          at(Instrument::kTalent) + at(Instrument::kEventBidding) +
                          at(Instrument::kMitigation);
      lines[a] = {
          ag.line_budget[a],
          acting[a],
          {at(Instrument::kPromotion), at(Instrument::kLeadGeneration), at(Instrument::kTalent)}};
      if (pool > 0.0) {
        lines[a].event_bidding_share = at(Instrument::kEventBidding) / pool;
        lines[a].mitigation_share = at(Instrument::kMitigation) / pool;
      }
      continue;
    }
    lines[a] = {ag.line_budget[a], acting[a], line_shares(s, ag.code[a], ag.kind[a])};
    // The allocation in force, reported on the store (rows sum to 1 over the discretionary
    // instruments; all 0 when nothing is allocated).
    const auto& sh = lines[a].shares;
    const double sum = sh[0] + sh[1] + sh[2];
    ag.allocation[a] = {};
    if (sum > 0.0) {
      ag.allocation[a][static_cast<std::size_t>(Instrument::kPromotion)] = sh[0] / sum;
      ag.allocation[a][static_cast<std::size_t>(Instrument::kLeadGeneration)] = sh[1] / sum;
      ag.allocation[a][static_cast<std::size_t>(Instrument::kTalent)] = sh[2] / sum;
    }
  }
  const mechanisms::AgencySpend sp = mechanisms::spend_budgets(lines, overhead_year, s.ring_fenced);
  for (std::size_t a = 0; a < na; ++a) {
    ag.budget[a] = sp.budget_month[a] * 12.0;
    ag.active[a] = sp.budget_month[a] > 0.0 ? 1 : 0;
  }

  // Pooling and routing (MODEL.md §7.1): a share c of promotion runs as one metro campaign; the
  // rest stays with the agency acting for the line: metro-wide agencies (and the lead city, which
  // acts for the metro) run uncoordinated metro campaigns, municipal agencies promote their
  // municipalities' own brands and choose what to give the shared brand.
  const double c = mechanisms::coordination_in_force(s.governance);
  gs.coordination = c;
  const auto covered = jurisdiction_zones(ag, zones);
  mechanisms::StrategyEffort& e = w.effort;
  e.reset(na, nz);
  e.spend = sp.spend;
  e.overhead = sp.overhead;
  double pooled = 0.0, prime = s.promoters.promotion / 12.0;
  double lead = s.promoters.lead_generation / 12.0;
  std::vector<double> lead_by_zone(nz, 0.0), own_budget(n_groups, 0.0);
  std::size_t metro_zones = 0;
  for (std::size_t z = 0; z < nz; ++z) metro_zones += zones.is_external[z] ? 0 : 1;
  const auto spread_lead = [&](double amount, const std::vector<std::size_t>& where) {
    for (std::size_t z : where) lead_by_zone[z] += amount / static_cast<double>(where.size());
  };
  std::vector<std::size_t> all_metro;
  for (std::size_t z = 0; z < nz; ++z)
    if (!zones.is_external[z]) all_metro.push_back(z);
  if (!all_metro.empty()) spread_lead(lead, all_metro);
  for (std::size_t l = 0; l < na; ++l) {
    const std::size_t a = acting[l];
    const double promo = sp.line_discretionary[l][0], leads = sp.line_discretionary[l][1];
    lead += leads;
    const bool metro_wide = ag.jurisdiction[a] == "metro" ||
                            s.governance.mode == mechanisms::GovernanceMode::kLeadCity ||
                            covered[a].empty();
    if (!covered[a].empty()) spread_lead(leads, metro_wide ? all_metro : covered[a]);
    pooled += c * promo;
    if (metro_wide) {
      prime += (1.0 - c) * promo;
      continue;
    }
    std::vector<std::size_t> groups;  // municipalities covered, each once
    for (std::size_t z : covered[a])
      if (std::find(groups.begin(), groups.end(), gs.group_of_zone[z]) == groups.end())
        groups.push_back(gs.group_of_zone[z]);
    for (std::size_t g : groups)
      own_budget[g] += (1.0 - c) * promo / static_cast<double>(groups.size());
  }

  // The contribution game among municipalities with an own budget.
  mechanisms::ContributionGame game;
  game.brand = s.brand;
  game.metro_awareness = w.brands.metro_awareness;
  game.metro_pooled = pooled;
  game.metro_prime = prime;
  std::vector<std::size_t> player_group;
  for (std::size_t g = 0; g < n_groups; ++g) {
    if (own_budget[g] <= 0.0) continue;
    mechanisms::ContributionPlayer p;
    p.budget = own_budget[g];
    double n = 0.0;
    for (std::size_t z = 0; z < nz; ++z)
      if (gs.group_of_zone[z] == g) {
        p.sharing += w.brands.sharing[z];
        p.association += w.brands.association[z];
        p.own_awareness += w.brands.own_awareness[z];
        n += 1.0;
      }
    p.sharing /= n;
    p.association /= n;
    p.own_awareness /= n;
    game.players.push_back(p);
    player_group.push_back(g);
  }
  const std::vector<double> x = mechanisms::play_contributions(game);
  gs.contribution.assign(n_groups, 0.0);
  gs.municipal_own = own_budget;
  for (std::size_t k = 0; k < x.size(); ++k) {
    gs.contribution[player_group[k]] = x[k];
    gs.municipal_own[player_group[k]] -= x[k];
    prime += x[k];
  }
  gs.joint_share.assign(nz, c);
  for (std::size_t z = 0; z < nz; ++z) {
    const std::size_t g = gs.group_of_zone[z];
    if (own_budget[g] > 0.0) gs.joint_share[z] = c + (1.0 - c) * gs.contribution[g] / own_budget[g];
    e.own_promotion[z] = gs.municipal_own[g];
  }

  e.metro_promotion = pooled + prime;
  e.metro_promotion_pooled = pooled;
  e.lead_generation = lead;
  e.referral_weight =
      mechanisms::referral_weights(s.governance, c, zones.is_core, zones.is_external, lead_by_zone);
  const auto offers = mechanisms::incentive_offers(s.incentives, c, n_groups);
  for (std::size_t z = 0; z < nz; ++z)
    e.incentive_per_job[z] = zones.is_external[z] ? 0.0 : offers[gs.group_of_zone[z]];
  for (std::size_t a = 0; a < na; ++a) {
    const auto& r = sp.spend[a];
    e.event_bid += r[static_cast<std::size_t>(Instrument::kEventBidding)];
    e.talent_programme += r[static_cast<std::size_t>(Instrument::kTalent)];
    e.mitigation += r[static_cast<std::size_t>(Instrument::kMitigation)];
    e.cooperation += r[static_cast<std::size_t>(Instrument::kCooperation)];
  }
  e.network_memberships = sp.network_memberships;
}

void init_brands(World& w) {
  const Scenario& s = w.scenario;
  const std::size_t nz = w.zones.size();
  w.brands.reset(nz, s.migration.metro_awareness, s.migration.metro_image);
  for (std::size_t z = 0; z < nz; ++z) {
    const std::string& code = w.zones.code[z];
    w.brands.own_awareness[z] = zone_value(s, "brand.own_awareness", code, s.brand.own_awareness);
    w.brands.own_image[z] = zone_value(s, "brand.own_image", code, s.brand.own_image);
    w.brands.sharing[z] = zone_value(s, "brand.sharing", code, s.brand.sharing);
    w.brands.association[z] = mechanisms::association(s.brand, distance_to_core(w.zones, z), 0.0);
    w.brands.visibility[z] =
        mechanisms::visibility(w.brands.sharing[z], w.brands.association[z],
                               w.brands.metro_awareness, w.brands.own_awareness[z]);
    w.brands.image[z] =
        mechanisms::zone_image(w.brands.sharing[z], w.brands.metro_image, w.brands.own_image[z]);
  }
  w.governance = GovernanceState{};
}

}  // namespace metrosim::model

namespace metrosim::model {

namespace {

struct StateNow {
  double satisfaction = 0.0, pressure = 0.0, nox = 0.0, irritated = 0.0;
  std::vector<double> zone_satisfaction, zone_pressure, zone_nox;
};

/// The state the image reads, left by last month's tourism and externalities (resident-weighted
/// metro means). Empty zone vectors when the externalities have not run yet.
bool state_now(const World& w, StateNow& out) {
  const std::size_t nz = w.zones.size();
  const auto& irr = w.externalities.irritation.irritated_share;
  if (irr.size() != nz || w.externalities.pollution.size() != nz) return false;
  const auto& pressure = w.tourism.state.pressure;
  out.zone_satisfaction.assign(nz, 0.0);
  out.zone_pressure.assign(nz, 0.0);
  out.zone_nox.assign(nz, 0.0);
  double residents = 0.0;
  for (std::size_t z = 0; z < nz; ++z) {
    if (w.zones.is_external[z]) continue;
    const auto& occ = w.zones.occupied[z];
    const double r =
        static_cast<double>(occ[0] + occ[1] + occ[2]) * w.weight * w.zones.household_size[z];
    out.zone_satisfaction[z] = 1.0 - irr[z];
    out.zone_pressure[z] = pressure.size() == nz ? pressure[z] : 0.0;
    out.zone_nox[z] = w.externalities.pollution[z][0];
    out.irritated += r * irr[z];
    out.pressure += r * out.zone_pressure[z];
    out.nox += r * out.zone_nox[z];
    residents += r;
  }
  if (residents <= 0.0) return false;
  out.irritated /= residents;
  out.pressure /= residents;
  out.nox /= residents;
  out.satisfaction = 1.0 - out.irritated;
  return true;
}

double yearly_jobs_growth(const std::vector<double>& h) {
  const std::size_t n = h.size();
  if (n < 2 || h.front() <= 0.0) return 0.0;
  if (n > 12) return h[n - 13] > 0.0 ? h[n - 1] / h[n - 13] - 1.0 : 0.0;
  return (h[n - 1] / h.front() - 1.0) * 12.0 / static_cast<double>(n - 1);  // annualised so far
}

}  // namespace

void brands_step(World& w, const core::StepContext& ctx) {
  const Scenario& s = w.scenario;
  const mechanisms::BrandParams& p = s.brand;
  const std::size_t nz = w.zones.size();
  agents::Brands& b = w.brands;
  GovernanceState& gs = w.governance;
  if (gs.group_of_zone.size() != nz) governance_step(w, ctx);  // the contract needs the effort

  // Awareness: reach of this month's promotion per brand (own brands by municipality).
  std::size_t n_groups = gs.municipal_own.size();
  mechanisms::BrandSpend spend;
  spend.metro_pooled = w.effort.metro_promotion_pooled;
  spend.metro_prime = w.effort.metro_promotion - w.effort.metro_promotion_pooled;
  spend.own = gs.municipal_own;
  const mechanisms::BrandReach reach = mechanisms::brand_reach(p, spend);
  gs.audience_reach = reach.audience;
  b.metro_awareness = mechanisms::next_awareness(p, b.metro_awareness, reach.metro, b.event_boost);
  b.event_boost = 0.0;
  for (std::size_t z = 0; z < nz; ++z) {
    const std::size_t g = gs.group_of_zone[z];
    b.own_awareness[z] =
        mechanisms::next_awareness(p, b.own_awareness[z], g < n_groups ? reach.own[g] : 0.0);
  }

  // Image: towards the target set by last month's state, minus a backlash.
  double total_jobs = 0.0;
  for (const auto& row : w.jobs.jobs)
    for (auto j : row) total_jobs += static_cast<double>(j);
  gs.jobs_history.push_back(total_jobs);
  StateNow now;
  const bool have_state = state_now(w, now);
  if (have_state && !gs.has_reference) {
    gs.has_reference = true;
    gs.ref_satisfaction = now.satisfaction;
    gs.ref_pressure = now.pressure;
    gs.ref_nox = now.nox;
    gs.ref_irritated = now.irritated;
    gs.ref_zone_satisfaction = now.zone_satisfaction;
    gs.ref_zone_pressure = now.zone_pressure;
    gs.ref_zone_nox = now.zone_nox;
    gs.ref_metro_image = b.metro_image;
    gs.ref_own_image = b.own_image;
  }
  // One draw a month whatever the state (common random numbers across scenarios).
  const double u = ctx.stream(core::Mechanism::kBrands, 0).uniform(0);
  const double irritation_ratio =
      have_state && gs.ref_irritated > 0.0 ? now.irritated / gs.ref_irritated : 1.0;
  gs.backlash = u < std::min(1.0, p.backlash_rate * irritation_ratio) ? p.backlash_size : 0.0;
  double budgets = 0.0;
  for (double x : w.agencies.budget) budgets += x / 12.0;
  const double solidarity = budgets > 0.0 ? s.ring_fenced.cooperation_image_effect *
                                                (w.effort.cooperation / budgets) / 0.01
                                          : 0.0;
  const double growth = yearly_jobs_growth(gs.jobs_history);
  if (gs.has_reference && have_state) {
    mechanisms::ImageDrivers d{growth, now.satisfaction - gs.ref_satisfaction,
                               now.pressure - gs.ref_pressure, now.nox - gs.ref_nox, solidarity};
    b.metro_image = mechanisms::next_image(
        p, b.metro_image, mechanisms::image_target(p, gs.ref_metro_image, d), gs.backlash);
    for (std::size_t z = 0; z < nz; ++z) {
      mechanisms::ImageDrivers dz{growth, now.zone_satisfaction[z] - gs.ref_zone_satisfaction[z],
                                  now.zone_pressure[z] - gs.ref_zone_pressure[z],
                                  now.zone_nox[z] - gs.ref_zone_nox[z], solidarity};
      b.own_image[z] = mechanisms::next_image(
          p, b.own_image[z], mechanisms::image_target(p, gs.ref_own_image[z], dz), 0.0);
    }
  } else {
    b.metro_image = std::clamp(b.metro_image - gs.backlash, 0.0, 1.0);
  }

  // Sharing in force, association, visibility and the image each zone shows.
  for (std::size_t z = 0; z < nz; ++z) {
    b.sharing[z] = std::clamp(zone_value(s, "brand.sharing", w.zones.code[z], p.sharing), 0.0, 1.0);
    b.association[z] = mechanisms::association(p, distance_to_core(w.zones, z), gs.joint_share[z]);
    b.visibility[z] = mechanisms::visibility(b.sharing[z], b.association[z], b.metro_awareness,
                                             b.own_awareness[z]);
    b.image[z] = mechanisms::zone_image(b.sharing[z], b.metro_image, b.own_image[z]);
  }
}

}  // namespace metrosim::model
