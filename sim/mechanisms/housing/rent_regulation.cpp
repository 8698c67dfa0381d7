// rent_regulation.cpp — see rent_regulation.hpp.
#include "mechanisms/housing/rent_regulation.hpp"

#include <algorithm>
#include <cmath>

namespace metrosim::mechanisms {

double cap_for(const RentCap& cap, LandlordType type) {
  if (type == LandlordType::kLarge && !is_no_cap(cap.rent_cap_large)) return cap.rent_cap_large;
  return cap.rent_cap;
}

double regulated_renewal_rent(double old_rent, double market_rent, double reset_share,
                              double years_since_last_reset, const RentCap& cap,
                              LandlordType type) {
  const double reset = old_rent + reset_share * (market_rent - old_rent);
  const double c = cap_for(cap, type);
  if (is_no_cap(c)) return reset;
  const double years = std::max(0.0, years_since_last_reset);
  const double ceiling = old_rent * std::pow(1.0 + c, years);
  return std::min(reset, ceiling);  // a cap only ever lowers the renewed rent
}

}  // namespace metrosim::mechanisms
