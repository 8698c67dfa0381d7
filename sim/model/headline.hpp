// headline.hpp — THE headline indicators (issue 5): the few quantities a planner reads first,
// computed by the engine from the recorded indicators of the same run and written as
// /metro/headline_* and /zones/headline_*. Every reader (metrosim compare, the Python analysis,
// the report) prints these values and never recomputes them. All definitions live here and in
// headline.cpp; docs/OUTPUT.md ("Headline indicators") lists them and the ones still to come.
//
// Conventions: a "cumulative" headline (Kind::kCumulative) is the running total since the start
// through the end of month t (output.every = 12 keeps each period's last month); a "change since
// the start" compares month t with month 0 of the same run; stocks are as observed on the first
// day of month t like every stock (indicators.hpp).
//
// Extension: a new headline (projects, fiscal cost of incentives, share of projects outside the
// core, ...) is one enum value appended before kCount, one table row in headline.cpp and one line
// in record_headline; the writer, `metrosim compare` and the analysis pick it up by its name.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/ids.hpp"
#include "model/indicators.hpp"

namespace metrosim::model {

struct Recorder;
struct World;

/// A headline row: the indicator spec and whether an increase is good for residents.
struct HeadlineSpec {
  IndicatorSpec spec;
  int better;  ///< +1: higher is better for residents, -1: lower is better, 0: not judged
};

/// Metro headline indicators (dims: time), written as /metro/<name>.
enum class HeadlineInd : std::size_t {
  kJobsCreatedWorkplace,
  kJobsCreatedResidence,
  kHiresCumulative,
  kTalentStock,
  kTouristNightsCumulative,
  kDisplacedCumulative,
  kDisplacedRenewalCumulative,
  kDisplacedEvictionCumulative,
  kDisplacedStrCumulative,
  kExitsExternalCumulative,
  kRentMarketChangePct,
  kStrShare,
  kTourismPressure,
  kIrritatedShare,
  kPollutionNox,
  kWelfareChange,
  kJobsOutsideCoreShare,
  kTheilBenefit,
  kTheilBenefitBetween,
  kTheilBenefitWithin,
  kCount
};

/// Zone headline indicators (dims: time, zone), written as /zones/<name>.
enum class ZoneHeadlineInd : std::size_t {
  kJobsCreatedWorkplace,
  kJobsCreatedResidence,
  kHiresResidenceCumulative,
  kBenefitPerHousehold,
  kDisplacedCumulative,
  kExitsExternalCumulative,
  kRentMarketChangePct,
  kStrShare,
  kCount
};

inline constexpr std::size_t kHeadlineCount = static_cast<std::size_t>(HeadlineInd::kCount);
inline constexpr std::size_t kZoneHeadlineCount = static_cast<std::size_t>(ZoneHeadlineInd::kCount);

const std::array<HeadlineSpec, kHeadlineCount>& headline_indicators();
const std::array<HeadlineSpec, kZoneHeadlineCount>& zone_headline_indicators();

/// Theil's T index of a benefit spread over groups of households (here: zones), each household
/// of zone z receiving benefit[z] >= 0, decomposed into between- and within-class parts for a
/// two-class partition (core / periphery). Theil (1967), Economics and Information Theory,
/// ch. 4; Shorrocks (1980), Econometrica 48(3):613-625: T = between + within exactly, with
///   between = sum_g s_g ln(mu_g / mu),  within = sum_g s_g T_g,  s_g = benefit share of class g.
/// Zones without households are skipped; all three are NaN when the total benefit is not
/// positive (the index is undefined for a zero mean).
struct TheilDecomposition {
  double total, between, within;
};
TheilDecomposition theil_decomposition(const std::vector<double>& benefit,
                                       const std::vector<double>& households,
                                       const std::vector<std::uint8_t>& in_class_a);

/// Fills the headline indicators of month t from the indicators already recorded for months
/// 0..t (call after every record_* of the month).
void record_headline(const World& w, core::Step t, Recorder& rec);

}  // namespace metrosim::model
