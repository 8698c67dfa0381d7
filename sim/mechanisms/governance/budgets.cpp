// budgets.cpp — see budgets.hpp.
#include "mechanisms/governance/budgets.hpp"

#include <algorithm>

namespace metrosim::mechanisms {

using agents::AgencyKind;

std::array<double, 3> default_allocation(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kMetropolitanAuthority:
      return {0.5, 0.3, 0.2};
    case AgencyKind::kCityCouncil:
      return {0.5, 0.3, 0.2};
    case AgencyKind::kMunicipalOffice:
      return {0.6, 0.3, 0.1};
    case AgencyKind::kInvestmentPromotionAgency:
      return {0.2, 0.8, 0.0};
    case AgencyKind::kTourismBoard:
      return {1.0, 0.0, 0.0};
  }
  return {1.0, 0.0, 0.0};
}

std::vector<std::size_t> acting_agency(GovernanceMode mode, const std::vector<AgencyKind>& kinds) {
  const std::size_t n = kinds.size();
  std::vector<std::size_t> acting(n);
  const auto first = [&](AgencyKind k) {
    return static_cast<std::size_t>(std::find(kinds.begin(), kinds.end(), k) - kinds.begin());
  };
  const std::size_t metro = first(AgencyKind::kMetropolitanAuthority);
  const std::size_t city = first(AgencyKind::kCityCouncil);
  for (std::size_t a = 0; a < n; ++a) {
    acting[a] = a;
    const AgencyKind k = kinds[a];
    if (mode == GovernanceMode::kMetropolitan && metro < n &&
        (k == AgencyKind::kCityCouncil || k == AgencyKind::kMunicipalOffice))
      acting[a] = metro;
    if (mode == GovernanceMode::kLeadCity && city < n &&
        (k == AgencyKind::kMetropolitanAuthority || k == AgencyKind::kMunicipalOffice))
      acting[a] = city;
  }
  return acting;
}

AgencySpend spend_budgets(const std::vector<BudgetLine>& lines,
                          const std::vector<double>& overhead_year, const RingFencedParams& rf) {
  const std::size_t n = overhead_year.size();
  AgencySpend out;
  out.spend.assign(n, {});
  out.overhead.assign(n, 0.0);
  out.budget_month.assign(n, 0.0);
  out.line_discretionary.assign(lines.size(), {});
  double total = 0.0;
  for (const BudgetLine& l : lines) {
    out.budget_month[l.acting] += l.budget_year / 12.0;
    total += l.budget_year / 12.0;
  }
  // Overheads first: a share of every line the agency acts for, pro rata.
  std::vector<double> net_share(n, 0.0);
  for (std::size_t a = 0; a < n; ++a) {
    if (out.budget_month[a] <= 0.0) continue;
    out.overhead[a] = std::min(out.budget_month[a], overhead_year[a] / 12.0);
    net_share[a] = 1.0 - out.overhead[a] / out.budget_month[a];
  }
  double network_spend = 0.0;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const BudgetLine& line = lines[l];
    const double b = line.budget_year / 12.0;
    if (b <= 0.0) continue;
    double left = b * net_share[line.acting];
    const auto take = [&](double want) {
      const double got = std::clamp(want, 0.0, left);
      left -= got;
      return got;
    };
    const double pro_rata = b / total;
    auto& sp = out.spend[line.acting];
    sp[static_cast<std::size_t>(Instrument::kCooperation)] += take(rf.cooperation_share * b);
    const double networks = take(rf.network_count * rf.network_cost / 12.0 * pro_rata);
    sp[static_cast<std::size_t>(Instrument::kNetworks)] += networks;
    network_spend += networks;
    sp[static_cast<std::size_t>(Instrument::kEventBidding)] +=
        take(rf.event_bid_budget / 12.0 * pro_rata);
    sp[static_cast<std::size_t>(Instrument::kMitigation)] +=
        take(rf.mitigation_budget / 12.0 * pro_rata);
    {
      const double ev = std::clamp(line.event_bidding_share, 0.0, 1.0);
      const double mi = std::clamp(line.mitigation_share, 0.0, 1.0 - ev);
      const double base = left;
      sp[static_cast<std::size_t>(Instrument::kEventBidding)] += take(base * ev);
      sp[static_cast<std::size_t>(Instrument::kMitigation)] += take(base * mi);
    }
    double sum = 0.0;
    for (double s : line.shares) sum += std::max(0.0, s);
    if (sum <= 0.0) continue;  // nothing allocated: the rest is not spent
    constexpr Instrument kDiscretionary[3] = {Instrument::kPromotion, Instrument::kLeadGeneration,
                                              Instrument::kTalent};
    for (std::size_t k = 0; k < 3; ++k) {
      const double x = left * std::max(0.0, line.shares[k]) / sum;
      out.line_discretionary[l][k] = x;
      sp[static_cast<std::size_t>(kDiscretionary[k])] += x;
    }
  }
  out.network_memberships = rf.network_cost > 0.0
                                ? std::min(rf.network_count, network_spend * 12.0 / rf.network_cost)
                                : rf.network_count;
  return out;
}

}  // namespace metrosim::mechanisms
