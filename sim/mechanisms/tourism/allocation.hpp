// allocation.hpp — visitor-nights across zones and accommodation types (MODEL.md §7.8): a nested
// logit with nests {hotel} and {licensed STR, unlicensed STR} over zone × type,
//   v_zk = β_A·a_z − β_P·P_z(t−1) + α_k − β_p·ln(p_zk + τ_k),
//   P(zk | nest) ∝ cap_zk·exp(v_zk/μ),  P(nest) ∝ exp(μ·ln Σ_nest cap·exp(v/μ)),
// with the capacity as size term (McFadden 1978), so splitting a zone does not change its
// demand. Nightly prices clear the market by a fixed number of damped tâtonnement steps toward
// target occupancy, within [floor, ceiling] × base; leisure demand responds to the guest price
// index meanwhile. Demand that finds no room re-chooses among rooms left for a few rounds, then
// is lost. Pressure = (nights + w_d·day visits) / (residents · days). Deterministic, serial.
#pragma once
#include <vector>

#include "mechanisms/tourism/demand.hpp"
#include "mechanisms/tourism/tourism_params.hpp"
#include "mechanisms/tourism/tourism_state.hpp"

namespace metrosim::mechanisms {

/// One month's tourism market, per zone and type (real units).
struct TourismMonth {
  std::vector<PerType> capacity;   ///< visitor-nights this month
  std::vector<PerType> nights;     ///< visitor-nights sold, ≤ capacity
  std::vector<PerType> price;      ///< EUR per visitor-night before tax
  std::vector<PerType> occupancy;  ///< nights / capacity (0 without capacity)
  std::vector<double> day_visits;  ///< day visits (transit cruise passengers and day trips)
  std::vector<double> pressure;    ///< visitors per resident-day (0 where no one lives)
  double demand_nights = 0.0;      ///< visitor-nights demanded at the clearing prices
  double nights_leisure = 0.0, nights_congress = 0.0, nights_cruise = 0.0;  ///< sold, by purpose
  double lost_nights = 0.0;        ///< demanded nights that found no room
  double visitors_leisure = 0.0;   ///< persons: leisure nights sold / mean stay
  double visitors_congress = 0.0;  ///< persons: attendees (share of their nights sold)
  double visitors_day = 0.0;       ///< day visits
  double price_index = 1.0;   ///< mean guest price (with tax) / mean base price, demand-weighted
  double tax_receipts = 0.0;  ///< EUR: tax actually charged on nights sold
  double total_nights() const { return nights_leisure + nights_congress + nights_cruise; }
};

/// Attraction after dispersal: non-core, non-external zones gain dispersal × dispersal_gain.
std::vector<double> effective_attraction(const TourismParams& p, const TourismZones& zones);

/// Tax a guest pays per night in a unit of type k.
double guest_tax(const TourismParams& p, Accommodation k);

/// Nested-logit choice probabilities of every zone × type (0 where capacity is 0), at the given
/// prices and last month's pressure `pressure`. They sum to 1 unless there is no capacity.
std::vector<PerType> choice_probabilities(const TourismParams& p, const TourismZones& zones,
                                          const std::vector<PerType>& capacity,
                                          const std::vector<PerType>& price,
                                          const std::vector<double>& pressure);

/// Visitor-night capacity of this month by zone and type.
std::vector<PerType> tourism_capacity(const TourismParams& p, const TourismZones& zones,
                                      double days_in_month);

/// Clears the month's market from last month's prices in `state`; writes this month's prices
/// and pressure back to `state`.
TourismMonth allocate_tourism(const TourismParams& p, const TourismDemand& demand,
                              const TourismZones& zones, double days_in_month, TourismState& state);

}  // namespace metrosim::mechanisms
