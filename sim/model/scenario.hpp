// scenario.hpp — every parameter of a run as typed structs. Keys are bound to these fields in
// exactly one place, io/scenario_keys.cpp; nothing else reads scenario text.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mechanisms/evaluation/evaluation_params.hpp"
#include "mechanisms/events/events_params.hpp"
#include "mechanisms/brands/brand_params.hpp"
#include "mechanisms/externalities/externality_params.hpp"
#include "mechanisms/governance/governance_params.hpp"
#include "mechanisms/firms/firms_params.hpp"
#include "mechanisms/housing/housing_params.hpp"
#include "mechanisms/housing/supply_params.hpp"
#include "mechanisms/investment/investment_params.hpp"
#include "mechanisms/labour/labour_params.hpp"
#include "mechanisms/migration/migration_params.hpp"
#include "mechanisms/networks/networks_params.hpp"
#include "mechanisms/relocation/relocation_params.hpp"
#include "mechanisms/tourism/tourism_params.hpp"
#include "model/shock.hpp"

namespace metrosim::model {

struct RunParams {
  std::string name = "baseline";  ///< scenario name written to the output
  std::uint64_t seed = 1;         ///< master seed of every random stream
  std::int64_t steps = 240;       ///< months simulated, [1, 1200]
  std::string start = "2015-01";  ///< first month, YYYY-MM
};

struct AgentsParams {
  double scale = 1.0;  ///< agents per real household, (0, 1]; indicators stay in real units
};

/// Where the region data live and the assumptions that fill their gaps (docs/DATA.md).
struct RegionParams {
  std::string dir = "";  ///< region folder; empty = the built-in default scenarios/barcelona-amb
  std::string municipalities = "municipalities.csv";
  std::string districts = "barcelona-districts.csv";  ///< empty = do not split the core
  std::string agencies = "agencies.csv";              ///< empty = no agencies
  std::string events = "events.csv";                  ///< empty = no scheduled events
  std::string tourism = "tourism.csv";                ///< empty = no tourism market
  std::string jobs = "";          ///< jobs by zone and sector; empty = derived from residents
  std::string travel_times = "";  ///< door-to-door minutes by zone pair; empty = distances
  std::string core_municipality = "08019";  ///< INE code of the core city
  double social_share_of_rented = 0.05;     ///< rented households in social housing, [0, 1]
  double household_size = 2.5;  ///< persons per household where the data lack it, [1, 10]
  double ltr_vacant_share_of_nonprincipal = 0.10;    ///< [0, 1]
  double owner_vacant_share_of_nonprincipal = 0.05;  ///< [0, 1]
  double social_vacancy = 0.01;         ///< vacant share of social stock at start, [0, 0.5]
  double income_backcast = 0.88;        ///< 2015 / 2022 nominal household income, (0, 2]
  double income_log_sd = 0.55;          ///< sd of log income within a zone and tenure, (0, 2]
  double renter_income_ratio = 0.75;    ///< renters' mean income / owners', (0, 2]
  double rent_income_elasticity = 1.0;  ///< rent gradient in income where rent data lack, [0, 3]
  double reference_rent = 735.0;        ///< core-city mean new-contract rent at start, EUR/month
};

struct ExternalZoneParams {
  double rent = 600.0;           ///< market rent at start, EUR/month, [100, 5000]
  double rent_growth = 0.02;     ///< exogenous yearly rent growth, [-0.2, 0.3]
  double vacant_offer = 3000.0;  ///< vacant dwellings on offer to metro movers every month (real
                                 ///< units; an open boundary), [0, 1e6]
  double lat = 41.56;            ///< representative point, degrees north
  double lon = 2.03;             ///< representative point, degrees east
};

struct EconomyParams {
  double cpi_growth = 0.015;   ///< yearly CPI growth (indexation of contract rents in January)
  double wage_growth = 0.015;  ///< yearly nominal wage growth (income indexation in January)
  /// Maximum yearly update of sitting tenants' contract rents in January (a legal cap on CPI
  /// indexation, e.g. 2 % in 2022–23); negative = full CPI, [-1, 1]
  double rent_indexation_cap = -1.0;
};

/// The shocks and regulations calendar's files (docs/SCENARIO_FORMAT.md, "Shocks calendar").
struct ShocksParams {
  std::string file = "shocks.csv";   ///< inside the region dir; empty = no region entries
  std::vector<std::string> disable;  ///< ids of entries switched off
  std::string extra;                 ///< the scenario's own entries (absolute path); empty = none
};

enum class Precision { kFloat64, kFloat32 };

struct OutputParams {
  Precision precision = Precision::kFloat64;
  int every = 1;  ///< 1 = monthly, 12 = yearly (flows summed, stocks at the period's first month)
  std::vector<std::string> indicators;  ///< names or globs; empty = all
};

/// A per-zone override `key@<zone code> = value`, kept with its origin for error messages. Keys
/// of the [agencies] section take an agency code instead (`agencies.budget_scale@BCN = 1.2`).
struct ZoneOverride {
  std::string key;
  std::string zone_code;  ///< zone code, or agency code for per-agency keys
  double value = 0.0;
  std::string file;
  int line = 0;
};

struct Scenario {
  RunParams run;
  AgentsParams agents;
  RegionParams region;
  ExternalZoneParams external;
  EconomyParams economy;
  mechanisms::HousingParams housing;
  mechanisms::RelocationParams relocation;
  mechanisms::MigrationParams migration;
  mechanisms::TourismParams tourism;
  mechanisms::LabourParams labour;
  mechanisms::ExternalityParams externalities;
  OutputParams output;
  ShocksParams shocks;
  std::vector<ZoneOverride>
      zone_overrides;  ///< resolved to per-zone vectors when the world is built
  /// The calendar's enabled entries in application order (region file, then extra), bound to
  /// their keys by io/shocks_reader; empty = no shocks. Applied each month by apply_shocks.
  std::vector<Shock> shock_entries;
  // Housing supply, asset prices, rent regulation ([housing]) and investors ([investors]), §7.9.
  mechanisms::ConstructionParams construction;
  mechanisms::AssetPriceParams asset_price;
  mechanisms::RentCap rent_cap;
  mechanisms::InvestorParams investors;
  // Events and bids ([events]), evaluation and adaptive strategy ([evaluation]), networks'
  // effect ([networks]) and funding bids ([funding]): MODEL.md §7.3, §7.12, §7.13.
  mechanisms::EventsParams events;
  mechanisms::EvaluationParams evaluation;
  mechanisms::NetworksParams networks;
  mechanisms::FundingParams funding;
  // Governance, politics, ring-fenced lines, promoters, incentives (§7.1) and brands (§7.2).
  mechanisms::GovernanceParams governance;
  mechanisms::PoliticsParams politics;
  mechanisms::RingFencedParams ring_fenced;
  mechanisms::PromoterParams promoters;
  mechanisms::IncentiveParams incentives;
  mechanisms::BrandParams brand;
  // Mobile investment projects ([investment], §7.4) and firm demography ([firms], §7.5).
  mechanisms::InvestmentParams investment;
  mechanisms::FirmsParams firms;
};

}  // namespace metrosim::model
