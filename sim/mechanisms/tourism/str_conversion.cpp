// str_conversion.cpp — see str_conversion.hpp.
#include "mechanisms/tourism/str_conversion.hpp"

#include <algorithm>
#include <cmath>

namespace metrosim::mechanisms {

namespace {

/// Whole units of an expected flow: floor(expected + carry), within [0, max]; the remainder is
/// carried to next month, so over months realised flows track expected ones within one unit.
std::int64_t carried(double expected, double& carry, std::int64_t max) {
  const double x = std::max(0.0, expected) + carry;
  const auto units = std::clamp(static_cast<std::int64_t>(std::floor(x)), std::int64_t{0},
                                std::max(max, std::int64_t{0}));
  carry = std::clamp(x - static_cast<double>(units), 0.0, std::nextafter(1.0, 0.0));
  return units;
}

double& carry_of(TourismState& s, std::size_t z, StrFlow f) {
  return s.carry[z][static_cast<std::size_t>(f)];
}

}  // namespace

void StrStocks::resize(std::size_t n) {
  for (auto* v : {&vacant_ltr, &freed_for_str, &licensed, &unlicensed, &licence_limit})
    v->resize(n, 0);
}

std::int64_t StrStocks::total(std::size_t z) const {
  return vacant_ltr[z] + freed_for_str[z] + licensed[z] + unlicensed[z];
}

void StrFlows::reset(std::size_t n) {
  for (auto* v : {&ltr_to_licensed, &ltr_to_unlicensed, &licensed_to_ltr, &licences_withdrawn,
                  &unlicensed_to_ltr, &removed_enforcement})
    v->assign(n, 0);
  for (auto* v : {&gap_licensed, &gap_unlicensed, &nonrenewal_probability}) v->assign(n, 0.0);
}

std::int64_t StrFlows::ltr_change(std::size_t z) const {
  return licensed_to_ltr[z] + licences_withdrawn[z] + unlicensed_to_ltr[z] +
         removed_enforcement[z] - ltr_to_licensed[z] - ltr_to_unlicensed[z];
}

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

double switching_share(const TourismParams& p, double gap) {
  if (std::isnan(gap)) return 0.0;
  return p.switching_max * normal_cdf((gap - p.switching_cost) / (12.0 * p.switching_sigma));
}

double expected_operating_months(double enforcement) {
  const double stay = 1.0 - std::clamp(enforcement, 0.0, 1.0);
  double months = 0.0, survive = 1.0;
  for (int m = 0; m < 12; ++m, survive *= stay) months += survive;
  return months;
}

std::vector<std::int64_t> licence_limits(const TourismParams& p,
                                         const std::vector<double>& cap_share,
                                         const std::vector<std::int64_t>& dwellings,
                                         const std::vector<std::int64_t>& initial_licensed,
                                         const std::vector<std::uint8_t>& is_core) {
  std::vector<std::int64_t> limit(dwellings.size());
  for (std::size_t z = 0; z < dwellings.size(); ++z) {
    const double share = std::clamp(cap_share[z], 0.0, 1.0);
    limit[z] =
        static_cast<std::int64_t>(std::floor(share * static_cast<double>(dwellings[z]) + 1e-9));
    if (p.register_frozen_core && is_core[z]) limit[z] = std::min(limit[z], initial_licensed[z]);
  }
  return limit;
}

std::int64_t initial_unlicensed(const TourismParams& p, std::int64_t licensed) {
  return std::llround(p.unlicensed_per_licensed * static_cast<double>(licensed));
}

void update_str_expectations(const TourismParams& p, const TourismMonth& m, TourismState& state) {
  const double months = std::max(1.0, p.expectation_months);
  for (std::size_t z = 0; z < m.price.size(); ++z) {
    for (std::size_t s = 0; s < 2; ++s) {
      const std::size_t k = 1 + s;
      const double occupancy = m.capacity[z][k] > 0.0 ? m.occupancy[z][k] : m.occupancy[z][0];
      const double revenue = m.price[z][k] * occupancy * p.str_guests_per_unit *
                             kDaysPerAverageMonth * (1.0 - p.str_cost_share);
      double& e = state.expected_revenue[z][s];
      e = std::isnan(e) ? revenue : e + (revenue - e) / months;
    }
  }
}

StrFlows convert_str(const TourismParams& p, const StrStocks& stocks,
                     const std::vector<double>& rent_market, TourismState& state) {
  const std::size_t n = stocks.size();
  if (state.size() != n) state.init(n, p);
  StrFlows f;
  f.reset(n);
  const double e = std::clamp(p.enforcement, 0.0, 1.0);
  const double months_operating = expected_operating_months(e);
  const double expected_fine = p.fine_unlicensed * (1.0 - std::pow(1.0 - e, 12.0));
  for (std::size_t z = 0; z < n; ++z) {
    const double r = rent_market[z];
    // No expectation yet (NaN): gaps are NaN and every choice-driven share is 0.
    const double gap_l = 12.0 * (state.expected_revenue[z][0] - r);
    const double gap_u = months_operating * (state.expected_revenue[z][1] - r) - expected_fine;
    f.gap_licensed[z] = gap_l;
    f.gap_unlicensed[z] = gap_u;
    std::int64_t licensed = stocks.licensed[z], unlicensed = stocks.unlicensed[z];

    // Outflows from STR: licences above the cap, landlords returning by choice, enforcement.
    const std::int64_t above = std::max<std::int64_t>(0, licensed - stocks.licence_limit[z]);
    f.licences_withdrawn[z] = carried(p.licence_withdrawal * static_cast<double>(above),
                                      carry_of(state, z, StrFlow::kWithdrawn), above);
    licensed -= f.licences_withdrawn[z];
    f.licensed_to_ltr[z] = carried(switching_share(p, -gap_l) * static_cast<double>(licensed),
                                   carry_of(state, z, StrFlow::kLicensedExit), licensed);
    licensed -= f.licensed_to_ltr[z];
    f.removed_enforcement[z] = carried(e * static_cast<double>(unlicensed),
                                       carry_of(state, z, StrFlow::kRemoved), unlicensed);
    unlicensed -= f.removed_enforcement[z];
    f.unlicensed_to_ltr[z] = carried(switching_share(p, -gap_u) * static_cast<double>(unlicensed),
                                     carry_of(state, z, StrFlow::kUnlicensedExit), unlicensed);

    // Dwellings freed for conversion all convert: licensed while licences remain.
    std::int64_t left = std::max<std::int64_t>(0, stocks.licence_limit[z] - licensed);
    const std::int64_t freed = stocks.freed_for_str[z];
    const std::int64_t freed_licensed = std::min(freed, left);
    left -= freed_licensed;

    // Vacant LTR units: landlords switch toward the best open option; those who would take a
    // licence but find none left go unlicensed if that still beats LTR for them.
    const std::int64_t vacant = stocks.vacant_ltr[z];
    const bool licence_open = left > 0;
    const bool prefer_licence = licence_open && !(gap_u > gap_l);
    const double best = prefer_licence ? gap_l : gap_u;
    const double share_best = switching_share(p, best);
    const double converters = share_best * static_cast<double>(vacant);
    const double to_licensed =
        prefer_licence ? std::min(converters, static_cast<double>(left)) : 0.0;
    const std::int64_t vacant_licensed =
        carried(to_licensed, carry_of(state, z, StrFlow::kToLicensed), std::min(vacant, left));
    const double willing = share_best > 0.0 ? switching_share(p, gap_u) / share_best : 0.0;
    const std::int64_t vacant_unlicensed =
        carried((converters - to_licensed) * willing, carry_of(state, z, StrFlow::kToUnlicensed),
                vacant - vacant_licensed);
    f.ltr_to_licensed[z] = freed_licensed + vacant_licensed;
    f.ltr_to_unlicensed[z] = (freed - freed_licensed) + vacant_unlicensed;

    // At renewal the landlord compares the best option still open after this month's flows.
    const bool open_after = left - vacant_licensed > 0 && !(gap_u > gap_l);
    const double gap_renewal = open_after ? gap_l : gap_u;
    f.nonrenewal_probability[z] =
        std::isnan(gap_renewal) ? 0.0
                                : p.nonrenewal_max * normal_cdf((gap_renewal - p.switching_cost) /
                                                                (12.0 * p.switching_sigma));
  }
  return f;
}

void apply_str_flows(const StrFlows& f, StrStocks& s) {
  for (std::size_t z = 0; z < s.size(); ++z) {
    const std::int64_t out_of_ltr = f.ltr_to_licensed[z] + f.ltr_to_unlicensed[z];
    const std::int64_t back_to_ltr = f.licensed_to_ltr[z] + f.licences_withdrawn[z] +
                                     f.unlicensed_to_ltr[z] + f.removed_enforcement[z];
    s.vacant_ltr[z] += back_to_ltr - (out_of_ltr - s.freed_for_str[z]);
    s.freed_for_str[z] = 0;
    s.licensed[z] += f.ltr_to_licensed[z] - f.licensed_to_ltr[z] - f.licences_withdrawn[z];
    s.unlicensed[z] += f.ltr_to_unlicensed[z] - f.unlicensed_to_ltr[z] - f.removed_enforcement[z];
  }
}

}  // namespace metrosim::mechanisms
