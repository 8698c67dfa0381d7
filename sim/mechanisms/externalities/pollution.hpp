// pollution.hpp — emissions and their spread to zones (MODEL.md §7.11). Emissions = activity ×
// emission factor per source (cruise and cargo hotelling at berth, aircraft landing–take-off
// cycles, commuting car-km), placed in the zones flagged as port, cruise terminal or airport
// (car-km where driven); each source zone's mass is shared among receptor zones by the weight
// A_r·exp(−d_sr/L) / Σ_r' A_r'·exp(−d_sr'/L) (conserving mass), and turned into a µg/m³-equivalent
// increment of a well-mixed box of mixing height H and residence time τ. An index for paired
// contrasts, not a dispersion model (docs/EXTERNALITIES.md §2).
#pragma once
#include <Eigen/Dense>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "agents/tourism_input.hpp"
#include "mechanisms/externalities/externality_params.hpp"

namespace metrosim::mechanisms {

enum class Source : std::size_t { kCruise, kCargo, kAviation, kCommuting };
inline constexpr std::size_t kSources = 4;
inline constexpr std::array<const char*, kSources> kSourceNames = {"cruise", "cargo", "aviation",
                                                                   "commuting"};
enum class Pollutant : std::size_t { kNOx, kSOx };
inline constexpr std::size_t kPollutants = 2;
inline constexpr std::array<const char*, kPollutants> kPollutantNames = {"nox", "sox"};
using PerPollutant = std::array<double, kPollutants>;

/// Where the fixed sources sit: one flag per zone, in zone order (the tourism table's columns).
struct SourceZones {
  std::span<const std::uint8_t> port, airport, cruise_terminal;
};

/// Owning flags built from the tourism table; `view()` for emissions().
struct SourceFlags {
  std::vector<std::uint8_t> port, airport, cruise_terminal;
  SourceZones view() const { return {port, airport, cruise_terminal}; }
};

/// The flags of rows already aligned to zone order (io::check_tourism_zones' result).
SourceFlags source_flags(std::span<const agents::TourismRow> rows_in_zone_order);

/// This month's activity of every source.
struct PollutionActivity {
  double cruise_passengers = 0.0;  ///< passenger movements/month (after any cruise cap)
  double cargo_ship_hours = 0.0;   ///< ship-hours at berth/month
  double lto_cycles = 0.0;         ///< landing–take-off cycles/month
  std::span<const double> car_km;  ///< vehicle-km/month driven in each zone; empty: none
};

/// Activity with cargo and aviation from the parameters and the given cruise movements (the
/// tourism mechanism's capped movements once it runs; car-km empty until commuting exists).
PollutionActivity default_activity(const PollutionParams& p, double cruise_passengers);

/// Cruise ship-hours at berth implied by passenger movements (movements / per call × hours).
double cruise_ship_hours(const PollutionParams& p, double cruise_passengers);

/// Emissions in kg/month: per source and zone, and per source in total.
struct Emissions {
  std::array<std::vector<PerPollutant>, kSources> by_source;  ///< [source][zone]
  /// Metro total by source. A fixed source with no flagged zone emits in total but nowhere in
  /// by_source (nothing to disperse from).
  std::array<PerPollutant, kSources> total{};
  std::vector<PerPollutant> by_zone() const;  ///< summed over sources
};

/// Activity × emission factors, each fixed source's activity split equally among its flagged
/// zones (cargo: port; cruise: cruise terminal; aviation: airport).
Emissions emissions(const PollutionParams& p, const PollutionActivity& a, const SourceZones& s,
                    std::size_t n_zones);

/// Source–receptor weights: row s holds the shares of zone s's emissions received by every zone
/// r, A_r·exp(−d_sr/L) / Σ_r' A_r'·exp(−d_sr'/L) over receptors (area > 0). Each row sums to 1
/// (all zeros when no zone is a receptor).
Eigen::MatrixXd decay_weights(double decay_km, const Eigen::MatrixXd& distance_km,
                              std::span<const double> area_km2);

/// Concentration increment per zone, µg/m³-equivalent: C_r = Σ_s E_s·w_sr·τ / (T·A_r·H), T the
/// month's length. NaN where a zone has no area (the external zone: not a receptor).
std::vector<PerPollutant> concentrations(const PollutionParams& p,
                                         const std::vector<PerPollutant>& emissions_by_zone,
                                         const Eigen::MatrixXd& weights,
                                         std::span<const double> area_km2, double days_in_month);

}  // namespace metrosim::mechanisms
