// str_conversion.hpp — landlords' choice between long-term (LTR) and short-term rental (STR)
// (MODEL.md §7.8), on zone-level integer stocks in agent units. Expected 12-month gaps:
//   licensed:   g_L = 12·(R_L − r),
//   unlicensed: g_U = S·(R_U − r) − F·(1 − (1 − e)^12),  S = Σ_{m<12} (1 − e)^m,
// R the expected net STR revenue per unit and average month, r the market LTR rent, e the
// enforcement rate, F the fine. Heterogeneous landlords: the monthly share of vacant LTR units
// switching is h·Φ((g − c)/(12σ)), and of STR units switching back h·Φ((−g − c)/(12σ)), never
// all-or-nothing. Licensed units are capped per zone; licences above the cap are withdrawn
// gradually; unlicensed units are removed at the enforcement rate. Fractional expected flows
// become whole units by carried remainders (error diffusion), so conversions conserve units
// exactly and realised flows track expected ones over months. Deterministic; no random draws.
#pragma once
#include <cstdint>
#include <vector>

#include "mechanisms/tourism/allocation.hpp"
#include "mechanisms/tourism/tourism_params.hpp"
#include "mechanisms/tourism/tourism_state.hpp"

namespace metrosim::mechanisms {

/// Dwelling stocks that conversions move between, per zone, in agent units.
struct StrStocks {
  std::vector<std::int64_t> vacant_ltr;  ///< vacant LTR dwellings (not counting freed_for_str)
  std::vector<std::int64_t>
      freed_for_str;  ///< LTR dwellings vacated this month by non-renewal for conversion
  std::vector<std::int64_t> licensed;       ///< licensed STR units
  std::vector<std::int64_t> unlicensed;     ///< unlicensed STR units
  std::vector<std::int64_t> licence_limit;  ///< most licensed units allowed (cap and register)

  std::size_t size() const { return licensed.size(); }
  void resize(std::size_t n);
  /// vacant_ltr + freed_for_str + licensed + unlicensed of zone z (conserved by conversions).
  std::int64_t total(std::size_t z) const;
};

/// One month's conversions per zone, in agent units, and the landlords' view behind them.
struct StrFlows {
  std::vector<std::int64_t> ltr_to_licensed, ltr_to_unlicensed;  ///< from vacant or freed LTR
  std::vector<std::int64_t> licensed_to_ltr;      ///< licensed units returning by choice
  std::vector<std::int64_t> licences_withdrawn;   ///< licensed units above the cap, back to LTR
  std::vector<std::int64_t> unlicensed_to_ltr;    ///< unlicensed units returning by choice
  std::vector<std::int64_t> removed_enforcement;  ///< unlicensed units caught, back to LTR
  std::vector<double> gap_licensed,
      gap_unlicensed;  ///< EUR over 12 months, before the switching cost
  /// Probability that a renewing LTR lease in the zone is not renewed so that the dwelling
  /// can be converted (an eviction cause at renewal, applied by the caller).
  std::vector<double> nonrenewal_probability;

  void reset(std::size_t n);
  /// Net change of the zone's LTR stock (all returning units become vacant LTR).
  std::int64_t ltr_change(std::size_t z) const;
};

/// Φ, the standard normal distribution function.
double normal_cdf(double x);

/// Monthly share of landlords who switch at a 12-month gap g: h·Φ((g − c)/(12σ)) < h.
double switching_share(const TourismParams& p, double gap);

/// Expected months an unlicensed unit operates in the next 12 at enforcement rate e: Σ (1−e)^m.
double expected_operating_months(double enforcement);

/// Most licensed units per zone: floor(cap share × dwellings), and in core zones no more than
/// the initial register while register_frozen_core holds.
std::vector<std::int64_t> licence_limits(const TourismParams& p,
                                         const std::vector<double>& cap_share,
                                         const std::vector<std::int64_t>& dwellings,
                                         const std::vector<std::int64_t>& initial_licensed,
                                         const std::vector<std::uint8_t>& is_core);

/// Initial unlicensed units of a zone: round(unlicensed_per_licensed × licensed).
std::int64_t initial_unlicensed(const TourismParams& p, std::int64_t licensed);

/// Updates landlords' expected net revenue per STR unit and average month from this month's
/// prices and occupancy (exponential smoothing over expectation_months; the first month sets it).
/// A zone without units of a type expects the occupancy of its hotels.
void update_str_expectations(const TourismParams& p, const TourismMonth& m, TourismState& state);

/// This month's conversions from the stocks, the market rents (EUR/month per zone) and the
/// expectations in `state` (whose rounding carries it updates). Zones in fixed order.
StrFlows convert_str(const TourismParams& p, const StrStocks& stocks,
                     const std::vector<double>& rent_market, TourismState& state);

/// Moves the units of `f` between the stocks (returns go to vacant_ltr; freed_for_str → 0).
void apply_str_flows(const StrFlows& f, StrStocks& stocks);

}  // namespace metrosim::mechanisms
