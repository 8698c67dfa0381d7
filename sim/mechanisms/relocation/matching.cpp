// matching.cpp — see matching.hpp.
#include "mechanisms/relocation/matching.hpp"

#include "mechanisms/housing/investors.hpp"

#include <algorithm>
#include <numeric>

namespace metrosim::mechanisms {

void MoveFlows::reset(std::size_t n) {
  for (auto* v : {&moves_in, &moves_out, &displaced_renewal_out, &displaced_eviction_out,
                  &exits_external, &entries_from_external, &life_course_moves, &renewals,
                  &unmatched, &arrivals_in, &displaced_str_out, &freed_for_str})
    v->assign(n, 0);
  arrivals_unhoused = 0;
}

std::vector<core::ZoneIndex> match_movers(const core::StepContext& ctx,
                                          const agents::Households& hh,
                                          std::span<const std::uint32_t> movers,
                                          std::span<const core::ZoneIndex> choices, int k,
                                          std::vector<std::array<std::int64_t, 3>>& vacant) {
  const std::size_t m = movers.size();
  std::vector<double> priority(m);
  for (std::size_t j = 0; j < m; ++j)
    priority[j] = ctx.stream(core::Mechanism::kMatching, hh.id[movers[j]]).uniform(0);
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (priority[a] != priority[b]) return priority[a] < priority[b];
    return hh.id[movers[a]] < hh.id[movers[b]];
  });
  std::vector<core::ZoneIndex> dest(m, core::kNoZone);
  const auto kk = static_cast<std::size_t>(k);
  for (std::size_t round = 0; round < kk; ++round) {
    for (std::size_t j : order) {
      if (dest[j] != core::kNoZone) continue;
      const core::ZoneIndex z = choices[j * kk + round];
      if (z == core::kNoZone) continue;
      auto& v = vacant[static_cast<std::size_t>(z)][static_cast<std::size_t>(hh.tenure[movers[j]])];
      if (v > 0) {
        --v;
        dest[j] = z;
      }
    }
  }
  return dest;
}

void apply_moves(const core::StepContext& ctx, const MoveEvents& ev,
                 std::span<const core::ZoneIndex> destination,
                 std::vector<std::array<std::int64_t, 3>>& vacant, agents::Households& hh,
                 agents::Zones& zones, MoveFlows& flows, LtrVacancies* ltr_vacant) {
  flows.reset(zones.size());
  // The landlord of a new LTR lease in zone dst, drawn from the zone's vacant LTR dwellings.
  const auto sign_lease = [&](std::size_t i, std::size_t dst) {
    if (hh.tenure[i] != agents::Tenure::kLtr) return;
    LandlordType type = LandlordType::kSmall;
    if (ltr_vacant) {
      const double u = ctx.stream(core::Mechanism::kLandlord, hh.id[i]).uniform(1);
      type = landlord_for_new_lease(u, ltr_vacant->large[dst], ltr_vacant->all[dst]);
      if (type == LandlordType::kLarge) --ltr_vacant->large[dst];
      --ltr_vacant->all[dst];
    }
    hh.landlord[i] = type;
  };
  core::ZoneIndex external = core::kNoZone;
  for (std::size_t z = 0; z < zones.size(); ++z)
    if (zones.is_external[z]) external = static_cast<core::ZoneIndex>(z);

  // Renewals of households that stay (their own decision, or no vacancy found).
  for (std::size_t i = 0; i < hh.size(); ++i) {
    if (ev.renewal[i] && ev.cause[i] != MoveCause::kRenewal && !is_eviction(ev.cause[i])) {
      hh.rent[i] = ev.renewal_rent[i];
      hh.lease_start[i] = ctx.step;
      ++flows.renewals[static_cast<std::size_t>(hh.zone[i])];
    }
  }
  for (std::size_t j = 0; j < ev.movers.size(); ++j) {
    const std::size_t i = ev.movers[j];
    const auto u = static_cast<std::size_t>(hh.tenure[i]);
    const MoveCause cause = ev.cause[i];
    core::ZoneIndex to = destination[j];
    if (cause == MoveCause::kArrival) {
      if (to == core::kNoZone) {
        ++flows.arrivals_unhoused;
        continue;
      }
      const auto dst = static_cast<std::size_t>(to);
      ++zones.occupied[dst][u];
      hh.zone[i] = to;
      hh.rent[i] = hh.tenure[i] == agents::Tenure::kLtr ? zones.rent_market[dst] : 0.0;
      hh.lease_start[i] = ctx.step;
      sign_lease(i, dst);
      ++flows.arrivals_in[dst];
      continue;
    }
    const auto from = static_cast<std::size_t>(hh.zone[i]);
    if (to == core::kNoZone && is_eviction(cause) && external != core::kNoZone &&
        vacant[static_cast<std::size_t>(external)][u] > 0) {
      --vacant[static_cast<std::size_t>(external)][u];
      to = external;  // evicted households must leave; the external zone absorbs them
    }
    if (to == core::kNoZone) {
      ++flows.unmatched[from];
      if (cause == MoveCause::kRenewal) {  // stays and accepts the renewed rent
        hh.rent[i] = ev.renewal_rent[i];
        hh.lease_start[i] = ctx.step;
        ++flows.renewals[from];
      } else if (is_eviction(cause)) {  // nowhere to go: a new lease at market rent
        hh.rent[i] = zones.rent_market[from];
        hh.lease_start[i] = ctx.step;
      }
      continue;
    }
    const auto dst = static_cast<std::size_t>(to);
    --zones.occupied[from][u];
    ++zones.occupied[dst][u];
    hh.zone[i] = to;
    if (hh.tenure[i] == agents::Tenure::kLtr) {
      hh.rent[i] = zones.rent_market[dst];
      hh.lease_start[i] = ctx.step;
      sign_lease(i, dst);
    }
    ++flows.moves_out[from];
    ++flows.moves_in[dst];
    if (to == external && !zones.is_external[from]) ++flows.exits_external[from];
    if (zones.is_external[from] && to != external) ++flows.entries_from_external[dst];
    if (cause == MoveCause::kLifeCourse) ++flows.life_course_moves[from];
    if (cause == MoveCause::kRenewal) ++flows.displaced_renewal_out[from];
    if (is_eviction(cause)) ++flows.displaced_eviction_out[from];
    if (cause == MoveCause::kEvictionStr) {
      ++flows.displaced_str_out[from];
      ++flows.freed_for_str[from];  // the landlord keeps the flat off the LTR market
    }
  }
}

}  // namespace metrosim::mechanisms
