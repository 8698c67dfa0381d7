// investors.hpp — landlord types and large-holder purchases (MODEL.md §7.9). LTR dwellings are
// owned by small private landlords or large holders (funds). Funds buy small-landlord LTR
// dwellings where the gross yield 12·r^m/P beats a hurdle, at a monthly rate rising in the
// spread and saturating, rationed by an exogenous capital budget (EUR/month, with bounded carry-
// over of undeployed capital). Purchases change ownership, never use: LTR stock is conserved.
// Behaviour at renewal by landlord type (reset, cap, non-renewal, conversion, minimum term) is a
// pure lookup for the renewal step. Zone level is deterministic; the choice of which tenants'
// landlord changes uses keyed draws from a caller-given core::Mechanism.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "agents/households.hpp"
#include "core/step_context.hpp"
#include "mechanisms/housing/rent_regulation.hpp"
#include "mechanisms/housing/supply_params.hpp"

namespace metrosim::mechanisms {

/// Per-zone ownership state; row z is zone z.
struct InvestorState {
  std::vector<std::int64_t> ltr_large;  ///< LTR dwellings owned by large holders, agent units
  std::vector<double> carry_purchase;   ///< rounding carry of purchases, agent units in [0, 1)
  std::vector<double> carry_new;        ///< carry of the build-to-rent split of LTR completions
  double dry_powder = 0.0;              ///< undeployed capital carried to next month, EUR (real)
  std::size_t size() const { return ltr_large.size(); }
};

/// One month of fund purchases.
struct FundPurchases {
  std::vector<std::int64_t> units;  ///< LTR units switching small → large, agent units, by zone
  std::vector<double> gross_yield;  ///< 12·r^m / P, yearly, by zone (0 where not computed)
  std::vector<double> rate;         ///< monthly share of small-landlord LTR stock funds want
  double available = 0.0;           ///< budget + dry powder this month, EUR (real)
  double spend = 0.0;               ///< Σ units/scale · P, EUR (real), ≤ available
  void reset(std::size_t n_zones);
};

/// What a landlord type does at a lease renewal.
struct RenewalTerms {
  double reset_share = 1.0;              ///< share of the gap to market rent closed
  double increase_cap = kNoRentCap;      ///< legal yearly cap for this type (negative: none)
  double non_renewal_probability = 0.0;  ///< lease not renewed (eviction at renewal)
  double conversion_propensity = 1.0;    ///< multiplier on the LTR → STR/sale switching rate
  int min_term_months = 36;              ///< minimum term of the lease being signed
};

/// Gross yield 12·rent / price, yearly (0 where price is not positive).
double gross_yield(double rent_market, double price);

/// Monthly purchase share of small-landlord LTR stock: the yearly share
/// max_purchase_rate·(1 − exp(−(y − hurdle)/yield_scale)) for y > hurdle (0 otherwise),
/// converted as 1 − (1 − p)^(1/12).
double purchase_rate(const InvestorParams& p, double gross_yield);

/// Sizes the state; ltr_large = round(share·LTR stock) per zone, share from `large_share` (one
/// per zone, e.g. per-zone overrides) or initial_large_share when it is empty; 0 in the
/// external zone.
void init_investors(const InvestorParams& p, const agents::Zones& zones,
                    std::span<const double> large_share, InvestorState& st);

/// Ownership of this month's LTR completions: a share new_ltr_large_share (with carry) goes to
/// large holders. Call after the completions were added to the LTR stock.
void add_ltr_completions(const InvestorParams& p, std::span<const std::int64_t> completions_ltr,
                         InvestorState& st);

/// Fund purchases of month: desired real purchases rate_z·small_z are scaled down pro rata when
/// their cost exceeds the available capital, turned into agent units with per-zone carry, capped
/// by the zone's small-landlord stock; if whole units still overspend, units are dropped from the
/// zones with the smallest spread (ties: highest zone index) until spend ≤ available. Applies the
/// transfers to st.ltr_large and carries min(available − spend, dry_powder_months·budget).
void fund_purchases(const InvestorParams& p, double scale, std::span<const double> rent_market,
                    std::span<const double> price, const agents::Zones& zones, InvestorState& st,
                    FundPurchases& out);

/// Large holders' share of the zone's LTR stock (0 where the stock is 0).
double large_share(const InvestorState& st, const agents::Zones& zones, std::size_t z);

/// How many of `units` transferred units are occupied: units·occupied/stock of the small
/// landlords' LTR dwellings, rounded half up and kept feasible (≤ occupied, ≥ units − vacant).
std::int64_t occupied_in_transfer(std::int64_t units, std::int64_t small_occupied,
                                  std::int64_t small_stock);

/// Switches `occupied_units[z]` small-landlord LTR tenants of zone z to large holders: those with
/// the lowest keyed uniform (mechanism `mech`, household id, this step, slot 0; ties by id).
/// `landlord` is the household column (one per row). Order- and thread-independent.
void transfer_tenants(const core::StepContext& ctx, core::Mechanism mech,
                      std::span<const std::int64_t> occupied_units, const agents::Households& hh,
                      std::vector<LandlordType>& landlord);

/// Landlord of a vacant LTR dwelling taken by a new tenant: large when u < vacant_large /
/// vacant_ltr (u a keyed uniform); the caller decrements the chosen type's vacancies.
LandlordType landlord_for_new_lease(double u, std::int64_t vacant_large, std::int64_t vacant_ltr);

/// Minimum lease term of a lease signed in `signed_at` (Spanish law; see kLeaseLaw2019).
int min_lease_term(const InvestorParams& p, LandlordType type, core::YearMonth signed_at);

/// Behaviour at renewal by landlord type; the cap comes from the rent regulation.
RenewalTerms renewal_terms(const InvestorParams& p, const RentCap& cap, LandlordType type,
                           core::YearMonth signed_at);

/// Throws std::logic_error unless 0 ≤ ltr_large ≤ LTR stock in every zone.
void check_investors(const InvestorState& st, const agents::Zones& zones);

}  // namespace metrosim::mechanisms
