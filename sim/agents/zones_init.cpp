// zones_init.cpp — zones from region tables; every gap-filling rule is listed in docs/DATA.md.
#include "agents/zones_init.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace metrosim::agents {

std::string district_zone_code(const std::string& core, const std::string& district) {
  std::string d = district;
  while (d.size() < 2) d.insert(d.begin(), '0');
  return core + d;
}

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  constexpr double kEarthKm = 6371.0088;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<std::int64_t> apportion(const std::vector<double>& weights, std::int64_t total) {
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<std::int64_t> out(weights.size(), 0);
  if (sum <= 0.0 || total <= 0) return out;
  std::vector<double> rem(weights.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * weights[i] / sum;
    out[i] = static_cast<std::int64_t>(std::floor(exact));
    rem[i] = exact - static_cast<double>(out[i]);
    given += out[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  // Largest remainder first; ties broken by position so the result is deterministic.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rem[a] > rem[b]; });
  for (std::size_t k = 0; given < total; ++k, ++given) ++out[order[k % order.size()]];
  return out;
}

namespace {

struct ZoneRow {
  std::string code, name, municipality;
  bool core = false, external = false;
  double lat = 0, lon = 0, area = 0, households = 0, nonprincipal = 0;
  std::array<double, kTenures> share{};
  double income_month = 0, rent = 0;
  double household_size = 0;  ///< persons per household
  bool rent_data = false;
  bool own_row = false;  ///< households, tenure and income copied from the zone's own data row
  double employment = -1, unemployment = -1;  ///< census rates; < 0 = no data (metro mean)
  bool labour_data = false;
};

std::array<double, kTenures> tenure_shares(const MunicipalityRow& m, double social_share) {
  const double total = m.dwellings_owned + m.dwellings_rented + m.dwellings_other_tenure;
  if (total <= 0) return {1.0, 0.0, 0.0};
  // "Other tenure" (ceded, inherited use) behaves like owner occupation: no rent, no lease.
  return {(m.dwellings_owned + m.dwellings_other_tenure) / total,
          m.dwellings_rented * (1.0 - social_share) / total,
          m.dwellings_rented * social_share / total};
}

}  // namespace

Zones build_zones(const RegionInput& in, const ZoneBuildParams& p) {
  const MunicipalityRow* core = nullptr;
  for (const auto& m : in.municipalities)
    if (m.ine_code == p.core_municipality) core = &m;
  if (core == nullptr && !in.districts.empty())
    throw std::invalid_argument("core municipality " + p.core_municipality + " not in region");

  const double core_income = core ? core->income_per_household * p.income_backcast / 12.0 : 0.0;
  const double core_rent_2018 = core && core->rent_2018 ? *core->rent_2018 : 0.0;
  std::vector<ZoneRow> rows;

  // 1. The core city, split into districts when they are given.
  if (core && !in.districts.empty()) {
    double pop = 0, pop_index = 0;
    for (const auto& d : in.districts) {
      pop += d.population;
      pop_index += d.population * d.income_index;
    }
    const double mean_index = pop_index / pop;  // keeps the city's mean income unchanged
    for (const auto& d : in.districts) {
      ZoneRow r;
      r.code = district_zone_code(core->ine_code, d.code);
      r.name = d.name;
      r.municipality = core->ine_code;
      r.core = true;
      r.lat = d.lat;
      r.lon = d.lon;
      r.area = d.area_km2;
      r.households = core->households * d.population / pop;  // assumption: pop. shares
      r.nonprincipal = core->dwellings_nonprincipal * d.population / pop;
      r.share = tenure_shares(*core, p.social_share_of_rented);  // assumption: city shares
      r.income_month = core_income * d.income_index / mean_index;
      r.household_size = core->household_size;  // assumption: the city's mean
      r.rent = d.rent_2015;
      r.rent_data = true;
      if (core->employment_rate && core->unemployment_rate) {  // assumption: the city's rates
        r.employment = *core->employment_rate;
        r.unemployment = *core->unemployment_rate;
      }
      rows.push_back(r);
    }
  }
  // 2. Every other municipality (and the core when it is not split).
  for (const auto& m : in.municipalities) {
    if (core && &m == core && !in.districts.empty()) continue;
    ZoneRow r;
    r.code = m.ine_code;
    r.name = m.name;
    r.municipality = m.ine_code;
    r.core = (m.ine_code == p.core_municipality);
    r.lat = m.lat;
    r.lon = m.lon;
    r.area = m.area_km2;
    r.households = m.households;
    r.own_row = true;
    r.nonprincipal = m.dwellings_nonprincipal;
    r.share = tenure_shares(m, p.social_share_of_rented);
    r.income_month = m.income_per_household * p.income_backcast / 12.0;
    r.household_size = m.household_size;
    if (m.employment_rate && m.unemployment_rate) {
      r.employment = *m.employment_rate;
      r.unemployment = *m.unemployment_rate;
      r.labour_data = true;
    }
    if (r.core) {
      r.rent = p.reference_rent;
      r.rent_data = true;
    } else if (m.rent_2018 && core_rent_2018 > 0.0) {
      // 2018 deposit rent back-cast to the start with the core city's 2018/start ratio.
      r.rent = *m.rent_2018 * p.reference_rent / core_rent_2018;
      r.rent_data = true;
    } else {
      const double ref_income = core_income > 0 ? core_income : r.income_month;
      r.rent = p.reference_rent * std::pow(r.income_month / ref_income, p.rent_income_elasticity);
    }
    rows.push_back(r);
  }
  // 3. The external zone: an open boundary with a constant offer of vacant dwellings.
  double metro_income = 0, metro_households = 0;
  std::array<double, kTenures> metro_share{};
  double metro_persons = 0;
  for (auto& r : rows) {
    if (!(r.household_size > 0)) r.household_size = p.default_household_size;  // column missing
    metro_persons += r.household_size * r.households;
    metro_income += r.income_month * r.households;
    metro_households += r.households;
    for (std::size_t u = 0; u < kTenures; ++u) metro_share[u] += r.share[u] * r.households;
  }
  for (auto& s : metro_share) s /= metro_households;
  // Zones without census labour rates (and the external zone) take the metro's household-weighted
  // mean; without any data, orders of magnitude of the AMB's census 2021 (docs/DATA.md).
  double emp_sum = 0, unemp_sum = 0, labour_households = 0;
  for (const auto& r : rows)
    if (r.employment >= 0) {
      emp_sum += r.employment * r.households;
      unemp_sum += r.unemployment * r.households;
      labour_households += r.households;
    }
  const double metro_employment = labour_households > 0 ? emp_sum / labour_households : 0.49;
  const double metro_unemployment = labour_households > 0 ? unemp_sum / labour_households : 0.12;
  {
    ZoneRow r;
    r.code = kExternalZoneCode;
    r.name = "Rest of the metropolitan region";
    r.municipality = kExternalZoneCode;
    r.external = true;
    r.lat = p.external_lat;
    r.lon = p.external_lon;
    r.share = metro_share;
    r.income_month = metro_income / metro_households;
    r.household_size = metro_persons / metro_households;
    r.rent = p.external_rent;
    r.rent_data = false;
    rows.push_back(r);
  }

  Zones z;
  const std::size_t n = rows.size();
  z.resize(n);
  // Households by zone and tenure in agent units: apportion the exact scaled total.
  std::vector<double> cell_weights;
  for (const auto& r : rows)
    for (std::size_t u = 0; u < kTenures; ++u) cell_weights.push_back(r.households * r.share[u]);
  const auto cells =
      apportion(cell_weights, static_cast<std::int64_t>(std::llround(metro_households * p.scale)));

  for (std::size_t i = 0; i < n; ++i) {
    const ZoneRow& r = rows[i];
    z.code[i] = r.code;
    z.name[i] = r.name;
    z.municipality[i] = r.municipality;
    z.is_core[i] = r.core;
    z.is_external[i] = r.external;
    z.lat[i] = r.lat;
    z.lon[i] = r.lon;
    z.area_km2[i] = r.area;
    z.households_data[i] = r.households;
    z.tenure_share[i] = r.share;
    z.income_mean[i] = r.income_month;
    z.household_size[i] = r.household_size;
    z.rent_from_data[i] = r.rent_data;
    z.households_from_data[i] = r.own_row;
    z.tenure_from_data[i] = r.own_row;
    z.income_from_data[i] = r.own_row;
    z.nonprincipal[i] = r.nonprincipal;
    z.employment_rate[i] = r.employment >= 0 ? r.employment : metro_employment;
    z.unemployment_rate[i] = r.employment >= 0 ? r.unemployment : metro_unemployment;
    z.labour_from_data[i] = r.labour_data;
    z.rent_market[i] = r.rent;
    for (std::size_t u = 0; u < kTenures; ++u) z.occupied[i][u] = cells[i * kTenures + u];
    std::array<double, kTenures> vacant_real{};
    if (r.external) {
      for (std::size_t u = 0; u < kTenures; ++u) vacant_real[u] = p.external_vacant * r.share[u];
    } else {
      vacant_real = {r.nonprincipal * p.owner_vacant_share_of_nonprincipal,
                     r.nonprincipal * p.ltr_vacant_share_of_nonprincipal,
                     r.households * r.share[2] * p.social_vacancy};
    }
    for (std::size_t u = 0; u < kTenures; ++u)
      z.stock[i][u] = z.occupied[i][u] + std::llround(vacant_real[u] * p.scale);
  }
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b)
      z.distance_km(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) =
          haversine_km(z.lat[a], z.lon[a], z.lat[b], z.lon[b]);
  return z;
}

}  // namespace metrosim::agents
