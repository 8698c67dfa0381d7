// politics.cpp — see politics.hpp.
#include "mechanisms/governance/politics.hpp"

#include <cmath>
#include <string>

namespace metrosim::mechanisms {

bool is_election(const PoliticsParams& p, int year, int month) {
  if (month != p.election_month) return false;
  for (const std::string& y : p.election_years)
    if (std::stoi(y) == year) return true;
  return false;
}

void step_will_index(const PoliticsParams& p, const core::StepContext& ctx, bool election,
                     std::vector<double>& z) {
  for (std::size_t a = 0; a < z.size(); ++a) {
    auto s = ctx.stream(core::Mechanism::kGovernance, static_cast<core::AgentId>(a));
    const double walk = s.normal(0);  // slots 0-1
    const double jump = s.normal(2);  // slots 2-3, drawn every month (fixed count)
    z[a] = (1.0 - p.will_reversion) * z[a] + p.will_volatility * walk;
    if (election) z[a] += p.election_shock * jump;
  }
}

double political_will(double z) {
  return 1.0 / (1.0 + std::exp(-z));
}

double budget_in_force(double data_budget, double institutionalisation, double will) {
  const double iota = institutionalisation;
  const double neutral = iota + (1.0 - iota) * 0.5;
  return data_budget * (iota + (1.0 - iota) * will) / neutral;
}

}  // namespace metrosim::mechanisms
