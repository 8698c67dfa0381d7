// ewa.cpp — see ewa.hpp.
#include "mechanisms/evaluation/ewa.hpp"

#include <algorithm>
#include <cmath>

namespace metrosim::mechanisms {

namespace {
constexpr auto idx(Instrument k) {
  return static_cast<std::size_t>(k);
}
}  // namespace

bool is_reallocated(Instrument k) {
  // Incentives are fiscal transfers per job created (booked where projects locate), not budget
  // spend, so no budget can be moved to or from them.
  return k != Instrument::kNetworks && k != Instrument::kCooperation &&
         k != Instrument::kIncentives;
}

InstrumentArray kpi_payoffs(const EvaluationParams& p, const StrategyKpis& kpi,
                            const InstrumentArray& metro_spend) {
  InstrumentArray pay{};
  const auto credit = [&](double value, std::initializer_list<Instrument> to) {
    double spend = 0.0;
    for (Instrument k : to) spend += metro_spend[idx(k)];
    if (!(spend > 0.0)) return;
    for (Instrument k : to) pay[idx(k)] += value / spend;
  };
  credit(p.value_project * kpi.assisted_projects,
         {Instrument::kLeadGeneration, Instrument::kIncentives});
  credit(p.value_event * kpi.events_won, {Instrument::kEventBidding});
  credit(p.value_talent * kpi.programme_participants, {Instrument::kTalent});
  return pay;
}

InstrumentArray externality_penalty(const EvaluationParams& p,
                                    const std::array<double, kExternalities>& relative) {
  InstrumentArray pen{};
  for (std::size_t k = 0; k < kInstruments; ++k)
    for (std::size_t e = 0; e < kExternalities; ++e) pen[k] += p.belief[k][e] * relative[e];
  return pen;
}

void ewa_update(const EvaluationParams& p, const InstrumentArray& payoff,
                const InstrumentArray& played_share, EwaState& s) {
  const double n_old = s.experience;
  s.experience = p.rho * n_old + 1.0;
  for (std::size_t k = 0; k < kInstruments; ++k) {
    if (!is_reallocated(static_cast<Instrument>(k))) continue;
    const double weight = p.delta + (1.0 - p.delta) * played_share[k];
    s.attraction[k] = (p.phi * n_old * s.attraction[k] + weight * payoff[k]) / s.experience;
  }
}

InstrumentArray pool_shares(const InstrumentArray& allocation) {
  double pool = 0.0;
  for (std::size_t k = 0; k < kInstruments; ++k)
    if (is_reallocated(static_cast<Instrument>(k))) pool += allocation[k];
  InstrumentArray x{};
  if (!(pool > 0.0)) return x;
  for (std::size_t k = 0; k < kInstruments; ++k)
    if (is_reallocated(static_cast<Instrument>(k))) x[k] = allocation[k] / pool;
  return x;
}

InstrumentArray reallocate(const EvaluationParams& p, const EwaState& s,
                           const InstrumentArray& allocation) {
  double pool = 0.0, top = -INFINITY;
  std::size_t n = 0;
  for (std::size_t k = 0; k < kInstruments; ++k)
    if (is_reallocated(static_cast<Instrument>(k))) {
      pool += allocation[k];
      top = std::max(top, s.attraction[k] / p.temperature);
      ++n;
    }
  if (!(pool > 0.0) || n == 0) return allocation;
  // Softmax shifted by the largest exponent (no overflow), then floors.
  InstrumentArray out = allocation, e{};
  double sum = 0.0;
  for (std::size_t k = 0; k < kInstruments; ++k)
    if (is_reallocated(static_cast<Instrument>(k))) {
      e[k] = std::exp(s.attraction[k] / p.temperature - top);
      sum += e[k];
    }
  const double floor = std::min(p.floor, 1.0 / static_cast<double>(n));
  const double free = 1.0 - static_cast<double>(n) * floor;
  for (std::size_t k = 0; k < kInstruments; ++k)
    if (is_reallocated(static_cast<Instrument>(k))) out[k] = pool * (floor + free * e[k] / sum);
  return out;
}

}  // namespace metrosim::mechanisms
