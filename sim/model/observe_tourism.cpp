// observe_tourism.cpp — tourism and short-term-rental indicators (see observe.hpp). Nights,
// visits, prices and receipts are real units from the market; STR stocks are agent units ×
// weight. Where a zone offers no capacity of a type, its price and occupancy are undefined (NaN).
#include <limits>

#include "model/observe.hpp"

namespace metrosim::model {

namespace {
double all_dwellings(const World& w, std::size_t z) {
  const auto& st = w.zones.stock[z];
  return static_cast<double>(st[0] + st[1] + st[2] + w.tourism.licensed[z] +
                             w.tourism.unlicensed[z]);
}
}  // namespace

void observe_tourism_stocks(const World& w, core::Step t, Recorder& rec) {
  const TourismWorld& tw = w.tourism;
  const double wt = w.weight;
  double lic = 0, unl = 0, dwellings = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const double l = static_cast<double>(tw.licensed[z]), u = static_cast<double>(tw.unlicensed[z]);
    const double all = all_dwellings(w, z);
    rec.z(ZoneInd::kStrUnitsLicensed, t, z) = l * wt;
    rec.z(ZoneInd::kStrUnitsUnlicensed, t, z) = u * wt;
    rec.z(ZoneInd::kStrShareLicensed, t, z) = all > 0 ? l / all : kNaN;
    rec.z(ZoneInd::kStrShareUnlicensed, t, z) = all > 0 ? u / all : kNaN;
    if (w.zones.is_external[z]) continue;
    lic += l;
    unl += u;
    dwellings += all;
  }
  rec.m(t, MetroInd::kStrUnitsLicensed) = lic * wt;
  rec.m(t, MetroInd::kStrUnitsUnlicensed) = unl * wt;
  rec.m(t, MetroInd::kStrShareLicensed) = dwellings > 0 ? lic / dwellings : kNaN;
  rec.m(t, MetroInd::kStrShareUnlicensed) = dwellings > 0 ? unl / dwellings : kNaN;
}

void record_tourism_flows(const World& w, core::Step t, Recorder& rec) {
  const TourismWorld& tw = w.tourism;
  const auto& m = tw.month;
  const auto& f = tw.flows;
  const double wt = w.weight;
  const bool market = tw.active && !m.nights.empty();
  double by_type[3] = {0, 0, 0}, to_str = 0, to_ltr = 0, removed = 0, displaced = 0;
  constexpr ZoneInd nights_ind[3] = {ZoneInd::kTouristNightsHotel,
                                     ZoneInd::kTouristNightsStrLicensed,
                                     ZoneInd::kTouristNightsStrUnlicensed};
  constexpr ZoneInd price_ind[3] = {ZoneInd::kPriceHotel, ZoneInd::kPriceStrLicensed,
                                    ZoneInd::kPriceStrUnlicensed};
  constexpr ZoneInd occ_ind[3] = {ZoneInd::kOccupancyHotel, ZoneInd::kOccupancyStrLicensed,
                                  ZoneInd::kOccupancyStrUnlicensed};
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const auto d = [](std::int64_t v) { return static_cast<double>(v); };
    const double zs_to_str = d(f.ltr_to_licensed[z] + f.ltr_to_unlicensed[z]);
    const double zs_to_ltr =
        d(f.licensed_to_ltr[z] + f.licences_withdrawn[z] + f.unlicensed_to_ltr[z]);
    rec.z(ZoneInd::kDisplacedStrOut, t, z) = d(w.flows.displaced_str_out[z]) * wt;
    rec.z(ZoneInd::kStrConversionsToStr, t, z) = zs_to_str * wt;
    rec.z(ZoneInd::kStrConversionsToLtr, t, z) = zs_to_ltr * wt;
    rec.z(ZoneInd::kStrRemovedEnforcement, t, z) = d(f.removed_enforcement[z]) * wt;
    rec.z(ZoneInd::kStrNonrenewalProbability, t, z) = f.nonrenewal_probability[z];
    rec.z(ZoneInd::kStrGapLicensed, t, z) = market ? f.gap_licensed[z] : kNaN;
    rec.z(ZoneInd::kStrGapUnlicensed, t, z) = market ? f.gap_unlicensed[z] : kNaN;
    for (std::size_t k = 0; k < 3; ++k) {
      const bool has = market && m.capacity[z][k] > 0.0;
      rec.z(nights_ind[k], t, z) = market ? m.nights[z][k] : 0.0;
      rec.z(price_ind[k], t, z) = has ? m.price[z][k] : kNaN;
      rec.z(occ_ind[k], t, z) = has ? m.occupancy[z][k] : kNaN;
      if (market && !w.zones.is_external[z]) by_type[k] += m.nights[z][k];
    }
    rec.z(ZoneInd::kDayVisits, t, z) = market ? m.day_visits[z] : 0.0;
    rec.z(ZoneInd::kTourismPressure, t, z) = market ? m.pressure[z] : kNaN;
    if (w.zones.is_external[z]) continue;
    to_str += zs_to_str;
    to_ltr += zs_to_ltr;
    removed += d(f.removed_enforcement[z]);
    displaced += d(w.flows.displaced_str_out[z]);
  }
  rec.m(t, MetroInd::kDisplacedStr) = displaced * wt;
  rec.m(t, MetroInd::kStrConversionsToStr) = to_str * wt;
  rec.m(t, MetroInd::kStrConversionsToLtr) = to_ltr * wt;
  rec.m(t, MetroInd::kStrRemovedEnforcement) = removed * wt;
  rec.m(t, MetroInd::kTouristNightsHotel) = by_type[0];
  rec.m(t, MetroInd::kTouristNightsStrLicensed) = by_type[1];
  rec.m(t, MetroInd::kTouristNightsStrUnlicensed) = by_type[2];
  rec.m(t, MetroInd::kTouristNights) = market ? m.total_nights() : 0.0;
  rec.m(t, MetroInd::kTouristNightsLeisure) = market ? m.nights_leisure : 0.0;
  rec.m(t, MetroInd::kTouristNightsCongress) = market ? m.nights_congress : 0.0;
  rec.m(t, MetroInd::kTouristNightsCruise) = market ? m.nights_cruise : 0.0;
  rec.m(t, MetroInd::kTouristNightsLost) = market ? m.lost_nights : 0.0;
  rec.m(t, MetroInd::kVisitorsLeisure) = market ? m.visitors_leisure : 0.0;
  rec.m(t, MetroInd::kVisitorsCongress) = market ? m.visitors_congress : 0.0;
  rec.m(t, MetroInd::kVisitorsDay) = market ? m.visitors_day : 0.0;
  rec.m(t, MetroInd::kCruisePassengers) = market ? tw.demand.cruise_passengers : 0.0;
  rec.m(t, MetroInd::kTouristPriceIndex) = market ? m.price_index : kNaN;
  rec.m(t, MetroInd::kTouristTaxReceipts) = market ? m.tax_receipts : 0.0;
}

void record_tourism_static(const World& w, Recorder& rec) {
  const std::size_t n = w.zones.size();
  const TourismWorld& tw = w.tourism;
  auto put = [&](ZoneStatic k, std::size_t z, double v) {
    rec.zone_static[static_cast<std::size_t>(k) * n + z] = v;
  };
  for (std::size_t z = 0; z < n; ++z) {
    put(ZoneStatic::kHotelBeds, z, tw.zones.hotel_beds[z]);
    put(ZoneStatic::kAttraction, z, tw.zones.attraction[z]);
    put(ZoneStatic::kPort, z, tw.port[z]);
    put(ZoneStatic::kAirport, z, tw.airport[z]);
    put(ZoneStatic::kCruiseTerminal, z, tw.zones.cruise_terminal[z]);
    put(ZoneStatic::kTourismFromData, z, tw.table_from_data[z]);
  }
}

}  // namespace metrosim::model
