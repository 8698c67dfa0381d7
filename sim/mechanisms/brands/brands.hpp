// brands.hpp — reach of promotion, awareness and image of the metro brand and own brands, and
// what a zone's brand sharing makes of them (MODEL.md §7.2). Reach has diminishing returns in the
// total spend aimed at one audience segment: a pooled campaign spreads over
// brand.audience_segments international markets, uncoordinated campaigns of one brand all aim at
// the prime segment and saturate there. With brand.reach_saturation = 0 reach is linear and the
// total effective reach depends only on total spend, whoever spends it.
#pragma once
#include <vector>

#include "mechanisms/brands/brand_params.hpp"

namespace metrosim::mechanisms {

/// Reach fraction of one segment of the audience for spend S (EUR/month) aimed at it, the segment
/// being 1/M of the audience: min(1, (1 − exp(−σ·M·S/S0))/σ), or min(1, M·S/S0) when σ = 0.
double segment_reach(const BrandParams& p, double spend);

/// Promotion aimed at each brand this month (EUR/month).
struct BrandSpend {
  double metro_pooled = 0.0;  ///< one pooled campaign, spread evenly over the segments
  double metro_prime = 0.0;   ///< uncoordinated metro-brand campaigns (prime segment)
  std::vector<double> own;    ///< per own brand (municipality), prime segment
};

/// Reach fractions of the whole audience, per brand; audience = their sum (the effective
/// audience reach of all promotion, the quantity the modes are compared on).
struct BrandReach {
  double metro = 0.0;
  std::vector<double> own;
  double audience = 0.0;
};

BrandReach brand_reach(const BrandParams& p, const BrandSpend& s);

/// Vidale–Wolfe awareness: A + (1 − A)·reach − δ_A·A + boost, clamped to [0, 1].
double next_awareness(const BrandParams& p, double awareness, double reach, double boost = 0.0);

/// What the image converges to, from the state's changes since the reference month (MODEL.md
/// §7.2): Q_ref + w_J·jobs growth (per year) + w_S·Δsatisfaction − w_P·Δpressure − w_X·ΔNOx +
/// solidarity, clamped to [0, 1].
struct ImageDrivers {
  double jobs_growth = 0.0;   ///< yearly growth of jobs, 1
  double satisfaction = 0.0;  ///< change in 1 − irritated share since the reference
  double pressure = 0.0;      ///< change in visitors per resident-day since the reference
  double pollution = 0.0;     ///< change in NOx increment, µg/m³, since the reference
  double solidarity = 0.0;    ///< cooperation term, image units
};
double image_target(const BrandParams& p, double reference_image, const ImageDrivers& d);

/// Q + κ_Q·(Q_f − Q) − backlash, clamped to [0, 1].
double next_image(const BrandParams& p, double image, double target, double backlash);

/// λ_i = min(1, exp(−d_i / D) + g·joint_i): association with the metro brand falls with the
/// distance to the core (km) and rises with the share of the zone's promotion run jointly.
double association(const BrandParams& p, double distance_km, double joint_share);

/// V_i = 1 − (1 − s·λ·A_metro)·(1 − (1 − s)·A_own).
double visibility(double sharing, double lambda, double metro_awareness, double own_awareness);
/// Q_i = s·Q_metro + (1 − s)·Q_own.
double zone_image(double sharing, double metro_image, double own_image);

}  // namespace metrosim::mechanisms
