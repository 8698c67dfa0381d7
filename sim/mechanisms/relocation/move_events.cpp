// move_events.cpp — see move_events.hpp.
#include "mechanisms/relocation/move_events.hpp"

#include "mechanisms/housing/investors.hpp"
#include "mechanisms/housing/rent_regulation.hpp"

#include <algorithm>
#include <cmath>

namespace metrosim::mechanisms {

void add_arrivals(MoveEvents& ev, std::size_t first, std::size_t hh_size) {
  ev.cause.resize(hh_size, MoveCause::kArrival);
  ev.renewal.resize(hh_size, 0);
  ev.renewal_rent.resize(hh_size, 0.0);
  for (std::size_t i = first; i < hh_size; ++i) ev.movers.push_back(static_cast<std::uint32_t>(i));
}

double monthly_probability(double yearly) {
  return 1.0 - std::pow(1.0 - yearly, 1.0 / 12.0);
}

bool renews_at(core::Step lease_start, core::Step step, int term_months) {
  const core::Step age = step - lease_start;
  return term_months > 0 && age > 0 && age % term_months == 0;
}

void decide_moves(const InvestorParams& ip, const RentCap& cap, const RelocationParams& rp,
                  const core::StepContext& ctx, const agents::Households& hh,
                  const agents::Zones& zones, std::span<const double> str_nonrenewal,
                  MoveEvents& out) {
  using agents::Tenure;
  const auto n = static_cast<std::int64_t>(hh.size());
  out.cause.assign(hh.size(), MoveCause::kNone);
  out.renewal.assign(hh.size(), 0);
  out.renewal_rent.assign(hh.size(), 0.0);
  const double hazard[agents::kTenures] = {monthly_probability(rp.move_rate_owner),
                                           monthly_probability(rp.move_rate_ltr),
                                           monthly_probability(rp.move_rate_social)};
  // Renewal terms depend on the lease's date only through the 2019 law: one table per landlord
  // type and side of the law, and the law's month as a step of this run.
  const core::YearMonth start = ctx.calendar.start();
  const core::Step law_step =
      (kLeaseLaw2019.year - start.year) * 12 + (kLeaseLaw2019.month - start.month);
  RenewalTerms terms[agents::kLandlordTypes][2];
  for (std::size_t k = 0; k < agents::kLandlordTypes; ++k) {
    const auto type = static_cast<LandlordType>(k);
    terms[k][0] = renewal_terms(ip, cap, type, {kLeaseLaw2019.year - 1, 12});
    terms[k][1] = renewal_terms(ip, cap, type, kLeaseLaw2019);
  }

#pragma omp parallel for schedule(static)
  for (std::int64_t ii = 0; ii < n; ++ii) {
    const auto i = static_cast<std::size_t>(ii);
    auto s = ctx.stream(core::Mechanism::kMobility, hh.id[i]);
    const Tenure t = hh.tenure[i];
    if (t == Tenure::kLtr) {
      const LandlordType type = hh.landlord[i];
      const RenewalTerms& rt =
          terms[static_cast<std::size_t>(type)][hh.lease_start[i] >= law_step ? 1 : 0];
      if (renews_at(hh.lease_start[i], ctx.step, rt.min_term_months)) {
        if (s.uniform(0) < rt.non_renewal_probability) {
          out.cause[i] = MoveCause::kEviction;
          continue;
        }
        const auto z = static_cast<std::size_t>(hh.zone[i]);
        if (!str_nonrenewal.empty() &&
            s.uniform(3) < str_nonrenewal[z] * rt.conversion_propensity) {
          out.cause[i] = MoveCause::kEvictionStr;
          continue;
        }
        const double market = zones.rent_market[z];
        const double old_rent = hh.rent[i];
        // The landlord resets toward the market; housing.rent_cap (by landlord type) bounds the
        // increase to one cap's worth on top of the CPI indexation already in the contract rent
        // (years = 1: the key's meaning before landlord types, kept).
        const double new_rent =
            regulated_renewal_rent(old_rent, market, rt.reset_share, 1.0, cap, type);
        out.renewal[i] = 1;
        out.renewal_rent[i] = new_rent;
        const double burden_rise = std::max(0.0, (new_rent - old_rent) / hh.income[i]);
        const double p =
            std::min(1.0, rp.renewal_move_base + rp.renewal_move_per_burden * burden_rise);
        if (s.uniform(1) < p) {
          out.cause[i] = MoveCause::kRenewal;
          continue;
        }
      }
    }
    if (s.uniform(2) < hazard[static_cast<std::size_t>(t)]) out.cause[i] = MoveCause::kLifeCourse;
  }
  out.movers.clear();
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (out.cause[i] != MoveCause::kNone) out.movers.push_back(static_cast<std::uint32_t>(i));
}

}  // namespace metrosim::mechanisms
