// observe_externalities.cpp — irritation and pollution indicators (see observe.hpp;
// docs/EXTERNALITIES.md §5). Emissions are real kg (the activities are real units; commuting
// car-km are scaled by the agent weight); metro means weight zones by resident households, the
// external zone left out (it is not part of the metro and not a pollution receptor).
#include <cmath>
#include <limits>

#include "model/observe.hpp"

namespace metrosim::model {

void record_externalities(const World& w, core::Step t, Recorder& rec) {
  const auto& ex = w.externalities;
  const std::size_t n = w.zones.size();
  const auto by_zone = ex.emissions.by_zone();
  constexpr std::size_t kNox = static_cast<std::size_t>(mechanisms::Pollutant::kNOx);
  constexpr std::size_t kSox = static_cast<std::size_t>(mechanisms::Pollutant::kSOx);
  double households = 0, irritated = 0, nox = 0, sox = 0, exposed = 0;
  mechanisms::PerPollutant commuting{0.0, 0.0};
  constexpr auto kCommuting = static_cast<std::size_t>(mechanisms::Source::kCommuting);
  for (std::size_t z = 0; z < n; ++z) {
    rec.z(ZoneInd::kIrritatedShare, t, z) = ex.irritation.irritated_share[z];
    rec.z(ZoneInd::kIrritationProbability, t, z) = ex.irritation.expected_share[z];
    rec.z(ZoneInd::kPollutionNox, t, z) = ex.pollution[z][kNox];
    rec.z(ZoneInd::kPollutionSox, t, z) = ex.pollution[z][kSox];
    rec.z(ZoneInd::kEmissionsNox, t, z) = by_zone[z][kNox];
    rec.z(ZoneInd::kEmissionsSox, t, z) = by_zone[z][kSox];
    if (w.zones.is_external[z]) continue;
    for (std::size_t k = 0; k < mechanisms::kPollutants; ++k)
      commuting[k] += ex.emissions.by_source[kCommuting][z][k];
    const auto residents = static_cast<double>(w.by_zone.members(z).size());
    if (residents == 0.0) continue;
    households += residents;
    irritated += residents * ex.irritation.irritated_share[z];
    if (std::isfinite(ex.pollution[z][kNox])) {
      exposed += residents;
      nox += residents * ex.pollution[z][kNox];
      sox += residents * ex.pollution[z][kSox];
    }
  }
  rec.m(t, MetroInd::kIrritatedShare) = households > 0 ? irritated / households : kNaN;
  rec.m(t, MetroInd::kPollutionNoxResidentMean) = exposed > 0 ? nox / exposed : kNaN;
  rec.m(t, MetroInd::kPollutionSoxResidentMean) = exposed > 0 ? sox / exposed : kNaN;
  // Fixed sources sit in metro zones: their totals; commuting: car-km driven in metro zones.
  constexpr MetroInd by_source[mechanisms::kSources][mechanisms::kPollutants] = {
      {MetroInd::kEmissionsCruiseNox, MetroInd::kEmissionsCruiseSox},
      {MetroInd::kEmissionsCargoNox, MetroInd::kEmissionsCargoSox},
      {MetroInd::kEmissionsAviationNox, MetroInd::kEmissionsAviationSox},
      {MetroInd::kEmissionsCommutingNox, MetroInd::kEmissionsCommutingSox}};
  for (std::size_t s = 0; s < mechanisms::kSources; ++s)
    for (std::size_t k = 0; k < mechanisms::kPollutants; ++k)
      rec.m(t, by_source[s][k]) = s == kCommuting ? commuting[k] : ex.emissions.total[s][k];
}

}  // namespace metrosim::model
