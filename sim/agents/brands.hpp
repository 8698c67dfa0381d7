// brands.hpp — the metro brand and each zone's own brand (MODEL.md §7.2), plus what investors,
// visitors and talent see of a zone once brand sharing is applied. Awareness, image, association,
// sharing and visibility are dimensionless in [0, 1]. Written by the brands step (issue 4, §7.2)
// each month; read by tourism, migration, events and investment.
#pragma once
#include <vector>

namespace metrosim::agents {

struct Brands {
  double metro_awareness = 0.6;       ///< A_metro
  double metro_image = 0.6;           ///< Q_metro
  std::vector<double> own_awareness;  ///< A_i^own, per zone
  std::vector<double> own_image;      ///< Q_i^own, per zone
  std::vector<double> sharing;        ///< s_i in force this month, per zone
  std::vector<double> association;    ///< λ_i, association of zone i with the metro brand
  std::vector<double> visibility;  ///< V_i = 1 − (1 − s_i λ_i A_metro)(1 − (1 − s_i) A_i^own)
  std::vector<double> image;       ///< Q_i = s_i Q_metro + (1 − s_i) Q_i^own
  double event_boost = 0.0;  ///< awareness boost from this month's events (added once, then 0)

  std::size_t size() const { return own_awareness.size(); }
  /// Sizes every per-zone column to n zones with the given starting values.
  void reset(std::size_t n, double awareness, double image_value) {
    metro_awareness = awareness;
    metro_image = image_value;
    own_awareness.assign(n, awareness);
    own_image.assign(n, image_value);
    sharing.assign(n, 1.0);
    association.assign(n, 1.0);
    visibility.assign(n, awareness);
    image.assign(n, image_value);
  }
};

}  // namespace metrosim::agents
