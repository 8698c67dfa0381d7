// demand.hpp — monthly visitor demand (MODEL.md §7.8): leisure visitor-nights
//   N = N0·season(m)·(A/A0)^φ·(Q/Q0)^ψ·(price index)^(−ε_p),
// plus congress nights (attendees × nights per attendee) and turnaround-cruise nights, which do
// not respond to prices; day visitors (transit cruise passengers, day trips) add to pressure only.
// The price factor is applied during market clearing (allocation.hpp), where the index is known.
#pragma once

#include "mechanisms/tourism/tourism_params.hpp"

namespace metrosim::mechanisms {

/// What the world provides this month.
struct DemandInputs {
  int month = 1;                    ///< calendar month, 1..12
  double awareness = 0.8;           ///< A, metro brand awareness, [0, 1]
  double image = 0.7;               ///< Q, metro brand image, [0, 1]
  double congress_attendees = 0.0;  ///< persons attending congresses this month (events calendar)
  double cruise_passengers = 0.0;   ///< passenger movements offered to the port, before the cap
  double day_trips = 0.0;           ///< non-cruise day visits this month
};

/// The brand and calendar part of DemandInputs from the parameters (constants for now).
DemandInputs default_demand_inputs(const TourismParams& p, int month, double congress_attendees);

struct TourismDemand {
  double leisure_base =
      0.0;  ///< N0·season·brand: leisure visitor-nights at the reference price index
  double congress_nights = 0.0;     ///< visitor-nights
  double cruise_nights = 0.0;       ///< visitor-nights of turnaround passengers
  double congress_attendees = 0.0;  ///< persons
  double cruise_passengers = 0.0;   ///< movements after the cap
  double cruise_transit = 0.0;      ///< day visits of transit passengers
  double day_trips = 0.0;           ///< other day visits
  double fixed_nights() const { return congress_nights + cruise_nights; }
  double day_visits() const { return cruise_transit + day_trips; }
};

/// season(m) = 1 + amplitude·(profile[m] − 1); month in 1..12.
double season_factor(const TourismParams& p, int month);

/// Cruise passengers allowed by the cap (cruise_cap < 0: no cap).
double capped_cruise_passengers(const TourismParams& p, double offered);

TourismDemand tourism_demand(const TourismParams& p, const DemandInputs& in);

/// Leisure nights at a given guest price index (1 = base prices, no tax):
/// leisure_base·index^(−ε_p).
double leisure_nights(const TourismParams& p, const TourismDemand& d, double price_index);

}  // namespace metrosim::mechanisms
