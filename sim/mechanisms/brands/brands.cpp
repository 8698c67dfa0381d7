// brands.cpp — see brands.hpp.
#include "mechanisms/brands/brands.hpp"

#include <algorithm>
#include <cmath>

namespace metrosim::mechanisms {

double segment_reach(const BrandParams& p, double spend) {
  const double x = std::max(1.0, p.audience_segments) * std::max(0.0, spend) / p.reach_spend_ref;
  const double sigma = p.reach_saturation;
  const double r = sigma > 0.0 ? -std::expm1(-sigma * x) / sigma : x;
  return std::min(1.0, r);
}

BrandReach brand_reach(const BrandParams& p, const BrandSpend& s) {
  const double m = std::max(1.0, p.audience_segments);
  const double per_segment = s.metro_pooled / m;
  BrandReach r;
  // Prime segment: the pooled campaign's slice plus every uncoordinated metro campaign; the
  // other m − 1 segments see the pooled campaign only.
  r.metro =
      (segment_reach(p, s.metro_prime + per_segment) + (m - 1.0) * segment_reach(p, per_segment)) /
      m;
  r.audience = r.metro;
  r.own.resize(s.own.size());
  for (std::size_t b = 0; b < s.own.size(); ++b) {
    r.own[b] = segment_reach(p, s.own[b]) / m;
    r.audience += r.own[b];
  }
  return r;
}

double next_awareness(const BrandParams& p, double a, double reach, double boost) {
  const double next = a + (1.0 - a) * std::clamp(reach, 0.0, 1.0) - p.awareness_decay * a + boost;
  return std::clamp(next, 0.0, 1.0);
}

double image_target(const BrandParams& p, double reference_image, const ImageDrivers& d) {
  const double q = reference_image + p.image_job_weight * d.jobs_growth +
                   p.image_satisfaction_weight * d.satisfaction -
                   p.image_pressure_weight * d.pressure - p.image_pollution_weight * d.pollution +
                   d.solidarity;
  return std::clamp(q, 0.0, 1.0);
}

double next_image(const BrandParams& p, double image, double target, double backlash) {
  return std::clamp(image + p.image_speed * (target - image) - backlash, 0.0, 1.0);
}

double association(const BrandParams& p, double distance_km, double joint_share) {
  const double base = p.association_distance_km > 0.0
                          ? std::exp(-std::max(0.0, distance_km) / p.association_distance_km)
                          : (distance_km <= 0.0 ? 1.0 : 0.0);
  return std::clamp(base + p.association_joint_gain * std::clamp(joint_share, 0.0, 1.0), 0.0, 1.0);
}

double visibility(double s, double lambda, double metro_awareness, double own_awareness) {
  return 1.0 - (1.0 - s * lambda * metro_awareness) * (1.0 - (1.0 - s) * own_awareness);
}

double zone_image(double s, double metro_image, double own_image) {
  return s * metro_image + (1.0 - s) * own_image;
}

}  // namespace metrosim::mechanisms
