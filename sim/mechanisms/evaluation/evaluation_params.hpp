// evaluation_params.hpp — agencies' evaluation and adaptive strategy (MODEL.md §7.12;
// docs/EVENTS_LEARNING.md §2): attributable KPIs observed with a lag and noise, smoothed, turned
// into payoffs per EUR and into experience-weighted attractions (EWA; Camerer & Ho 1999), and a
// softmax with floors over the discretionary instruments. Scenario section `evaluation`.
#pragma once
#include <array>
#include <cstdint>

#include "mechanisms/governance/instruments.hpp"

namespace metrosim::mechanisms {

/// Externalities agencies may count (read from the world's state; docs/EVENTS_LEARNING.md §2).
enum class Externality : std::uint8_t {
  kPressure = 0,      ///< metro tourism pressure, visitors per resident-day (resident mean)
  kDisplacement = 1,  ///< displaced households (renewal + eviction) per month
  kPollution = 2,     ///< resident-mean NOx increment, µg/m³-equivalent
  kIrritation = 3,    ///< share of residents irritated
};
inline constexpr std::size_t kExternalities = 4;
inline constexpr const char* kExternalityNames[kExternalities] = {"pressure", "displacement",
                                                                  "pollution", "irritation"};

struct EvaluationParams {
  /// Reallocate discretionary budgets each January (false: allocations stay as set); policy
  /// comparisons keep it off (MODEL.md §7.12)
  bool adaptive = false;
  /// Subtract believed externalities from instruments' payoffs (the belief matrix below)
  bool include_externalities = false;
  /// Months between the end of the KPI window and the January review, [0, 24]; assumption
  /// (swept): annual reports reach the board about half a year later
  double lag_months = 6.0;
  /// sd of the multiplicative log-normal noise on an observed yearly KPI, [0, 3]; assumption
  /// (swept)
  double noise_sd = 0.2;
  /// Weight of the newest observation in the smoothed KPI, (0, 1]; assumption (swept)
  double smoothing = 0.5;
  /// Softmax temperature over attractions (payoff units), (0, 100]; assumption (swept)
  double temperature = 1.0;
  /// Minimum share of the discretionary pool per reallocated instrument, [0, 1/6]; assumption
  /// (swept): no line is ever closed
  double floor = 0.02;
  /// EWA φ: decay of past attractions, [0, 1]; assumption (swept; Camerer & Ho 1999 estimates
  /// ~0.9 in repeated games)
  double phi = 0.9;
  /// EWA δ: weight of foregone payoffs of instruments little used, [0, 1]; assumption (swept)
  double delta = 0.5;
  /// EWA ρ: decay of the experience weight N, [0, 1]; assumption (swept)
  double rho = 0.9;
  /// Agencies' value of one assisted investment project, EUR, [0, 1e9]; assumption (swept)
  double value_project = 1.0e6;
  /// Agencies' value of one new congress won, EUR, [0, 1e9]; assumption (swept)
  double value_event = 1.0e6;
  /// Agencies' value of one programme participant (talent household arrived), EUR, [0, 1e7];
  /// assumption (swept)
  double value_talent = 1000.0;
  /// belief[k][e]: payoff an agency subtracts from instrument k per unit of externality e
  /// relative to its level at the first review (positive: k is believed to cause e; negative:
  /// k is believed to reduce it), [-100, 100]; assumption (swept), a scenario input
  std::array<std::array<double, kExternalities>, kInstruments> belief = [] {
    std::array<std::array<double, kExternalities>, kInstruments> b{};
    b[static_cast<std::size_t>(Instrument::kPromotion)][0] = 0.5;
    b[static_cast<std::size_t>(Instrument::kEventBidding)][0] = 0.25;
    b[static_cast<std::size_t>(Instrument::kMitigation)][0] = -0.5;
    b[static_cast<std::size_t>(Instrument::kMitigation)][3] = -0.5;
    return b;
  }();
};

}  // namespace metrosim::mechanisms
