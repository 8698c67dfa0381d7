// stores.cpp — resize and invariant checks of the zone and household stores.
#include <cmath>
#include <stdexcept>
#include <string>

#include "agents/households.hpp"
#include "agents/zones.hpp"

namespace metrosim::agents {

void Zones::resize(std::size_t n) {
  code.resize(n);
  name.resize(n);
  municipality.resize(n);
  is_core.resize(n);
  is_external.resize(n);
  lat.resize(n);
  lon.resize(n);
  area_km2.resize(n);
  distance_km.setZero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  households_data.resize(n);
  tenure_share.resize(n);
  income_mean.resize(n);
  rent_from_data.resize(n);
  households_from_data.resize(n);
  tenure_from_data.resize(n);
  income_from_data.resize(n);
  nonprincipal.resize(n);
  household_size.resize(n);
  employment_rate.resize(n);
  unemployment_rate.resize(n);
  labour_from_data.resize(n);
  stock.resize(n);
  occupied.resize(n);
  rent_market.resize(n);
  natural_vacancy.resize(n);
  amenity.resize(n);
}

void Zones::check_invariants() const {
  for (std::size_t z = 0; z < size(); ++z) {
    for (std::size_t u = 0; u < kTenures; ++u) {
      if (occupied[z][u] < 0 || occupied[z][u] > stock[z][u])
        throw std::logic_error("zone " + code[z] + ": occupied " + kTenureNames[u] + " dwellings " +
                               std::to_string(occupied[z][u]) + " outside [0, stock " +
                               std::to_string(stock[z][u]) + "]");
    }
    if (!std::isfinite(rent_market[z]) || rent_market[z] <= 0.0)
      throw std::logic_error("zone " + code[z] + ": market rent not finite and positive");
  }
}

void Households::resize(std::size_t n) {
  id.resize(n);
  zone.resize(n);
  tenure.resize(n);
  income.resize(n);
  rent.resize(n);
  lease_start.resize(n);
  origin.resize(n);
  age_band.resize(n);
  landlord.resize(n, LandlordType::kSmall);
  employment.resize(n, Employment::kInactive);
  workplace.resize(n, core::kNoZone);
  sector.resize(n, kNoJobSector);
}

void Households::reserve(std::size_t n) {
  id.reserve(n);
  zone.reserve(n);
  tenure.reserve(n);
  income.reserve(n);
  rent.reserve(n);
  lease_start.reserve(n);
  origin.reserve(n);
  age_band.reserve(n);
  landlord.reserve(n);
  employment.reserve(n);
  workplace.reserve(n);
  sector.reserve(n);
}

void Households::compact(const std::vector<std::uint8_t>& keep) {
  std::size_t out = 0;
  while (out < size() && keep[out]) ++out;  // rows before the first removal stay where they are
  for (std::size_t i = out; i < size(); ++i) {
    if (!keep[i]) continue;
    if (out != i) {
      id[out] = id[i];
      zone[out] = zone[i];
      tenure[out] = tenure[i];
      income[out] = income[i];
      rent[out] = rent[i];
      lease_start[out] = lease_start[i];
      origin[out] = origin[i];
      age_band[out] = age_band[i];
      landlord[out] = landlord[i];
      employment[out] = employment[i];
      workplace[out] = workplace[i];
      sector[out] = sector[i];
    }
    ++out;
  }
  resize(out);
}

void Households::check_invariants(std::size_t n_zones) const {
  const std::size_t n = size();
  if (zone.size() != n || tenure.size() != n || income.size() != n || rent.size() != n ||
      lease_start.size() != n || origin.size() != n || age_band.size() != n ||
      landlord.size() != n || employment.size() != n || workplace.size() != n || sector.size() != n)
    throw std::logic_error("households: columns misaligned");
  for (std::size_t i = 0; i < n; ++i) {
    if (zone[i] < 0 || static_cast<std::size_t>(zone[i]) >= n_zones)
      throw std::logic_error("household " + std::to_string(id[i]) + ": zone out of range");
    if (!std::isfinite(income[i]) || income[i] <= 0.0 || !std::isfinite(rent[i]) || rent[i] < 0.0)
      throw std::logic_error("household " + std::to_string(id[i]) + ": income or rent invalid");
    if (landlord[i] != LandlordType::kSmall &&
        (landlord[i] != LandlordType::kLarge || tenure[i] != Tenure::kLtr))
      throw std::logic_error("household " + std::to_string(id[i]) +
                             ": a large landlord without an LTR lease");
    const bool employed = employment[i] == Employment::kEmployed;
    const bool has_job = workplace[i] >= 0 && static_cast<std::size_t>(workplace[i]) < n_zones &&
                         sector[i] < kJobSectors;
    const bool no_job = workplace[i] == core::kNoZone && sector[i] == kNoJobSector;
    if (employment[i] > Employment::kEmployed || (employed ? !has_job : !no_job))
      throw std::logic_error("household " + std::to_string(id[i]) +
                             ": employment status disagrees with its workplace or sector");
  }
}

}  // namespace metrosim::agents
