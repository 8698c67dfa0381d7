// indicators.hpp — THE table of output indicators: name, group, aggregation kind, units and
// long name. The observer fills values by these ids, the writer names and documents them from
// this table, and `metrosim indicators --markdown` prints it (docs/OUTPUT.md embeds that output).
// Stocks are observed on the first day of each month (the time coordinate); flows are totals
// over the month that starts there.
#pragma once
#include <array>
#include <cstddef>
#include <string>

namespace metrosim::model {

/// kMean: a month's mean (a price, an occupancy rate, a pressure), averaged over a period by
/// `output.every` where a stock would take the period's first month and a flow would sum.
/// kCumulative: a running value as of the end of the month (a total since the start, or a
/// quantity derived from such totals): a period keeps its last month (headline.hpp).
enum class Kind { kFlow, kStock, kMean, kStatic, kCumulative };

struct IndicatorSpec {
  const char* name;
  Kind kind;
  const char* units;
  const char* long_name;
};

/// Metro-wide indicators (dims: time). Real-world units (agent counts divided by agents.scale).
enum class MetroInd : std::size_t {
  kHouseholds,
  kHouseholdsOwner,
  kHouseholdsLtr,
  kHouseholdsSocial,
  kHouseholdsExternal,
  kDwellingsLtr,
  kVacancyRateLtr,
  kRentMarketMean,
  kRentContractMean,
  kIncomeMean,
  kRentBurdenLtrMean,
  kMoves,
  kMovesLifeCourse,
  kRenewals,
  kDisplacedRenewal,
  kDisplacedEviction,
  kExitsExternal,
  kEntriesFromExternal,
  kUnmatchedMovers,
  kTalentStudents,
  kTalentResearchers,
  kTalentSkilled,
  kArrivals,
  kArrivalsTalent,
  kHouseholdsFormed,
  kArrivalsUnhoused,
  kEmigration,
  kTalentDepartures,
  kDissolutions,
  kDisplacedStr,
  kTouristNights,
  kTouristNightsHotel,
  kTouristNightsStrLicensed,
  kTouristNightsStrUnlicensed,
  kTouristNightsLeisure,
  kTouristNightsCongress,
  kTouristNightsCruise,
  kTouristNightsLost,
  kVisitorsLeisure,
  kVisitorsCongress,
  kVisitorsDay,
  kCruisePassengers,
  kTouristPriceIndex,
  kTouristTaxReceipts,
  kStrUnitsLicensed,
  kStrUnitsUnlicensed,
  kStrShareLicensed,
  kStrShareUnlicensed,
  kStrConversionsToStr,
  kStrConversionsToLtr,
  kStrRemovedEnforcement,
  // housing supply, asset prices and investors (MODEL.md §7.9)
  kHousingStarts,
  kCompletions,
  kCompletionsSocial,
  kSocialStarts,
  kPipeline,
  kAssetPriceMean,
  kInterestRate,
  kLargeHolderShareLtr,
  kFundPurchases,
  kFundSpend,
  kSocialLettings,
  kJobs,
  kJobsTourism,
  kJobsTradable,
  kJobsLocal,
  kJobsVacant,
  kEmployed,
  kUnemploymentRate,
  kHires,
  kSeparations,
  kLayoffs,
  kRetirements,
  kCommuteKmMean,
  kCommuteKm,
  kTourismJobsShare,
  kKrugmanIndex,
  kStressJobsLost,
  kStressJobsLostShare,
  kTourismDemandIndex,
  kWelfareMean,
  kWelfareQ1,
  kWelfareQ2,
  kWelfareQ3,
  kWelfareQ4,
  kWelfareQ5,
  kWelfareOwner,
  kWelfareLtr,
  kWelfareSocial,
  // irritation and pollution (MODEL.md §7.11; observe_externalities.cpp)
  kIrritatedShare,
  kEmissionsCruiseNox,
  kEmissionsCruiseSox,
  kEmissionsCargoNox,
  kEmissionsCargoSox,
  kEmissionsAviationNox,
  kEmissionsAviationSox,
  kEmissionsCommutingNox,
  kEmissionsCommutingSox,
  kPollutionNoxResidentMean,
  kPollutionSoxResidentMean,
  // events, funding, networks and the strategy review (MODEL.md §7.3, §7.12, §7.13;
  // observe_events.cpp). Allocation shares and attractions: one per instrument, in Instrument
  // order (kAllocationPromotion + k).
  kEventBids,
  kEventsWon,
  kEventAttendeesWon,
  kEventAttendees,
  kEventSpending,
  kEventAwarenessBoost,
  kFundingApplications,
  kFundingAwards,
  kFundingWon,
  kNetworkMultiplier,
  kAllocationPromotion,
  kAllocationLeadGeneration,
  kAllocationIncentives,
  kAllocationEventBidding,
  kAllocationTalent,
  kAllocationNetworks,
  kAllocationCooperation,
  kAllocationMitigation,
  kAttractionPromotion,
  kAttractionLeadGeneration,
  kAttractionIncentives,
  kAttractionEventBidding,
  kAttractionTalent,
  kAttractionNetworks,
  kAttractionCooperation,
  kAttractionMitigation,
  // governance and brands (MODEL.md §7.1, §7.2; observe_governance.cpp)
  kBrandAwarenessMetro,
  kBrandImageMetro,
  kSpendPromotion,
  kSpendLeadGeneration,
  kSpendIncentives,
  kSpendEventBidding,
  kSpendTalent,
  kSpendNetworks,
  kSpendCooperation,
  kSpendMitigation,
  kAgencyOverhead,
  kAgencyBudget,
  kPromotionMetroBrand,
  kPromotionMetroPooled,
  kPromotionOwnBrands,
  kContributionsMetroBrand,
  kLeadGenerationEffort,
  kAudienceReach,
  kIncentiveOfferMean,
  kCoordination,
  kNetworkMemberships,
  kBrandBacklash,
  // investment projects and firms (MODEL.md §7.4–7.5; observe_investment.cpp)
  kFirms,
  kFirmsForeign,
  kExporters,
  kInternationalHqs,
  kFirmBirths,
  kFirmExits,
  kExportEntries,
  kAcquisitions,
  kProjectCandidates,
  kProjects,
  kProjectsNew,
  kProjectsExpansion,
  kProjectsHq,
  kProjectsAssisted,
  kProjectJobs,
  kIncentiveCost,
  kProjectsOutsideCoreShare,
  kProjectJobsOutsideCoreShare,
  kCount
};

/// Zone indicators (dims: time, zone), or static (dims: zone).
enum class ZoneInd : std::size_t {
  kHouseholds,
  kHouseholdsOwner,
  kHouseholdsLtr,
  kHouseholdsSocial,
  kDwellingsOwner,
  kDwellingsLtr,
  kDwellingsSocial,
  kVacancyRateLtr,
  kRentMarket,
  kRentContractMean,
  kIncomeMean,
  kRentBurdenLtrMean,
  kMovesIn,
  kMovesOut,
  kDisplacedRenewalOut,
  kDisplacedEvictionOut,
  kExitsExternal,
  kRenewals,
  kTalentHouseholds,
  kArrivalsIn,
  kExitsOut,
  kDisplacedStrOut,
  kTouristNightsHotel,
  kTouristNightsStrLicensed,
  kTouristNightsStrUnlicensed,
  kPriceHotel,
  kPriceStrLicensed,
  kPriceStrUnlicensed,
  kOccupancyHotel,
  kOccupancyStrLicensed,
  kOccupancyStrUnlicensed,
  kDayVisits,
  kTourismPressure,
  kStrUnitsLicensed,
  kStrUnitsUnlicensed,
  kStrShareLicensed,
  kStrShareUnlicensed,
  kStrConversionsToStr,
  kStrConversionsToLtr,
  kStrRemovedEnforcement,
  kStrNonrenewalProbability,
  kStrGapLicensed,
  kStrGapUnlicensed,
  // housing supply, asset prices and investors (MODEL.md §7.9)
  kHousingStarts,
  kCompletionsOwner,
  kCompletionsLtr,
  kCompletionsSocial,
  kPipeline,
  kAssetPrice,
  kExpectedRentGrowth,
  kGrossYield,
  kLargeHolderShareLtr,
  kFundPurchases,
  kSocialLettings,
  kJobsTourism,
  kJobsTradable,
  kJobsLocal,
  kJobsVacant,
  kEmployedResidents,
  kUnemploymentRate,
  kHiresWorkplace,
  kHiresResidence,
  kCommuteKmMean,
  kTourismJobsShare,
  kLqTourism,
  kKrugmanIndex,
  kStressJobsLost,
  kTourismDemand,
  kWelfareLogsum,
  // irritation and pollution (MODEL.md §7.11; observe_externalities.cpp)
  kIrritatedShare,
  kIrritationProbability,
  kPollutionNox,
  kPollutionSox,
  kEmissionsNox,
  kEmissionsSox,
  kEventAttendeesWon,  ///< at the venue zone (observe_events.cpp)
  // brands and governance (MODEL.md §7.1, §7.2)
  kBrandOwnAwareness,
  kBrandOwnImage,
  kBrandSharing,
  kBrandAssociation,
  kBrandVisibility,
  kBrandImage,
  kPromotionOwnBrand,
  kIncentivePerJob,
  kReferralWeight,
  // investment projects and firms (MODEL.md §7.4–7.5; observe_investment.cpp)
  kProjects,
  kProjectJobs,
  kIncentiveCost,
  kFirms,
  kFirmsForeign,
  kJobsKnowledgeTech,
  kJobsIndustryLogistics,
  kJobsTourismHospitality,
  kJobsCreativeCulture,
  kJobsOtherServices,
  kCount
};

enum class ZoneStatic : std::size_t {
  kLat,
  kLon,
  kAreaKm2,
  kRentInitialFromData,
  kHouseholdsFromData,
  kTenureFromData,
  kIncomeFromData,
  kRentLoopGain,
  kHotelBeds,
  kAttraction,
  kPort,
  kAirport,
  kCruiseTerminal,
  kTourismFromData,
  kLabourFromData,
  kJobsFromData,
  kCount
};

/// Agency indicators (dims: time, agency) and static (agency); event indicators (time, event_kind).
enum class AgencyInd : std::size_t {
  kBudget,
  kOverhead,
  kSpendPromotion,  ///< one per instrument, in mechanisms::Instrument order
  kSpendLeadGeneration,
  kSpendIncentives,
  kSpendEventBidding,
  kSpendTalent,
  kSpendNetworks,
  kSpendCooperation,
  kSpendMitigation,
  kPoliticalWill,
  kActive,
  kLineBudget,
  kCount
};
inline constexpr std::size_t kAgencyCount = static_cast<std::size_t>(AgencyInd::kCount);
enum class AgencyStatic : std::size_t { kStaff, kCount };
enum class EventInd : std::size_t { kAttendees, kCount };

inline constexpr std::size_t kMetroCount = static_cast<std::size_t>(MetroInd::kCount);
inline constexpr std::size_t kZoneCount = static_cast<std::size_t>(ZoneInd::kCount);
inline constexpr std::size_t kZoneStaticCount = static_cast<std::size_t>(ZoneStatic::kCount);

const std::array<IndicatorSpec, kMetroCount>& metro_indicators();
const std::array<IndicatorSpec, kZoneCount>& zone_indicators();
const std::array<IndicatorSpec, kZoneStaticCount>& zone_static_indicators();
const std::array<IndicatorSpec, kAgencyCount>& agency_indicators();  ///< by AgencyInd
const std::array<IndicatorSpec, 1>& agency_static_indicators();      ///< by AgencyStatic
const std::array<IndicatorSpec, 1>& event_indicators();              ///< by EventInd

/// Markdown tables of every indicator by group (for `metrosim indicators --markdown`).
std::string indicators_markdown();

}  // namespace metrosim::model
