// welfare.hpp — the household location logsum (Small & Rosen 1981; MODEL.md §7.11): the expected
// maximum utility over zones of the relocation utility (mechanisms/relocation/zone_choice, called,
// not copied; distance counted from the household's zone), with the zone's dwelling stock of the
// household's tenure as size term (every dwelling an elemental alternative at the market rent;
// scarcity enters through rents — docs/EXTERNALITIES.md §3 says why not vacancies), converted to
// EUR/month by the marginal utility of income that utility implies, ∂U/∂(EUR/month) =
// β_burden / income. Levels have an arbitrary zero (a utility constant): only differences —
// between paired scenarios, or for one population over time — are interpretable.
#pragma once
#include <array>
#include <span>
#include <vector>

#include "agents/households.hpp"
#include "agents/zones.hpp"
#include "core/group_index.hpp"
#include "mechanisms/relocation/relocation_params.hpp"

namespace metrosim::mechanisms {

inline constexpr std::size_t kQuintiles = 5;

/// ln Σ exp(u) over the utilities above kExcluded (numerically stable); −inf when none.
double logsum(std::span<const double> utilities);

/// Welfare of one household in EUR/month, evaluated directly over every zone: (ln weight +
/// logsum) · income / β_burden. `weight` (real households per agent) turns the stock size term
/// into real dwellings, so the level does not depend on agents.scale. NaN when β_burden ≤ 0 or
/// income ≤ 0. The reference for tests.
double household_welfare_exact(const RelocationParams& p, const agents::Zones& zones,
                               const agents::Households& hh, std::size_t i, double weight);

/// Welfare of every household (row order), EUR/month, as household_welfare_exact but fast: the
/// relocation utility is linear in 1/income, so for each (zone of residence, tenure) the logsum
/// is tabulated in ln(income) over the group's income range and interpolated by cubic Hermite
/// with exact derivatives. Throws std::logic_error if the utility is not linear in 1/income.
/// Deterministic for any thread count (each row is computed alone).
std::vector<double> household_welfare(const RelocationParams& p, const agents::Zones& zones,
                                      const agents::Households& hh, double weight);

/// Quintile bounds b_1..b_4 of non-negative `values`: b_k is the ⌈k·n/5⌉-th smallest (NaN for
/// n = 0). Deterministic: order statistics do not depend on the input order. Throws
/// std::invalid_argument for a negative or NaN value.
std::array<double, kQuintiles - 1> quintile_bounds(std::span<const double> values);

/// Quintile 0..4 of a value: the number of bounds it exceeds (ties fall to the lower quintile).
std::size_t quintile_of(const std::array<double, kQuintiles - 1>& bounds, double value);

/// Means of household welfare (EUR/month) over households with a finite value.
struct WelfareSummary {
  std::vector<double> zone_mean;  ///< by zone of residence; NaN where none
  double metro_mean = 0.0;        ///< metro residents (the external zone's are not in the metro)
  std::array<double, kQuintiles> quintile_mean{};        ///< by metro income quintile (Q1 lowest)
  std::array<double, agents::kTenures> tenure_mean{};    ///< metro residents by tenure
  std::array<double, kQuintiles - 1> quintile_bounds{};  ///< EUR/month of income
};

/// Summarises welfare per row; quintile bounds from the incomes of metro residents this month.
/// Sums run per zone over `by_zone` (current for `hh`) in its fixed order, then over zones in
/// order: bit-identical for any thread count.
WelfareSummary summarise_welfare(const agents::Zones& zones, const agents::Households& hh,
                                 const core::GroupIndex& by_zone, std::span<const double> welfare);

}  // namespace metrosim::mechanisms
