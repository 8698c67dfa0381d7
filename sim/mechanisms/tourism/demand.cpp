// demand.cpp — see demand.hpp.
#include "mechanisms/tourism/demand.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace metrosim::mechanisms {

DemandInputs default_demand_inputs(const TourismParams& p, int month, double congress_attendees) {
  DemandInputs in;
  in.month = month;
  in.awareness = p.awareness;
  in.image = p.image;
  in.congress_attendees = congress_attendees;
  in.cruise_passengers = p.cruise_passengers;
  in.day_trips = p.day_trips;
  return in;
}

double season_factor(const TourismParams& p, int month) {
  assert(month >= 1 && month <= 12);
  const double profile = p.season_profile[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)];
  return std::max(0.0, 1.0 + p.season_amplitude * (profile - 1.0));
}

double capped_cruise_passengers(const TourismParams& p, double offered) {
  return p.cruise_cap < 0.0 ? offered : std::min(offered, p.cruise_cap);
}

TourismDemand tourism_demand(const TourismParams& p, const DemandInputs& in) {
  TourismDemand d;
  // Brand levels enter relative to the reference at which N0 was calibrated, so N0 keeps its
  // meaning (nights per month) whatever φ and ψ are.
  const double brand =
      std::pow(in.awareness / p.awareness_ref, p.phi) * std::pow(in.image / p.image_ref, p.psi);
  d.leisure_base = p.base_nights * season_factor(p, in.month) * brand;
  d.congress_attendees = in.congress_attendees;
  d.congress_nights = in.congress_attendees * p.nights_per_attendee;
  d.cruise_passengers = capped_cruise_passengers(p, in.cruise_passengers);
  d.cruise_nights = d.cruise_passengers * p.turnaround_share * p.nights_per_turnaround;
  d.cruise_transit = d.cruise_passengers * (1.0 - p.turnaround_share);
  d.day_trips = in.day_trips;
  return d;
}

double leisure_nights(const TourismParams& p, const TourismDemand& d, double price_index) {
  return d.leisure_base * std::pow(std::max(price_index, 1e-9), -p.price_elasticity);
}

}  // namespace metrosim::mechanisms
