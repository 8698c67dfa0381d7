// world.hpp — everything a run holds: the resolved scenario, calendar, random-stream key, the
// agent stores, the zone group index and per-step scratch. Built once from a scenario and region
// tables; advanced by schedule.hpp's step().
#pragma once
#include <cstdint>
#include <vector>

#include "agents/agencies.hpp"
#include "agents/brands.hpp"
#include "agents/firms.hpp"
#include "agents/households.hpp"
#include "agents/region_input.hpp"
#include "agents/zones.hpp"
#include "core/calendar.hpp"
#include "core/group_index.hpp"
#include "core/rng.hpp"
#include "mechanisms/externalities/welfare.hpp"
#include "mechanisms/firms/firms_state.hpp"
#include "mechanisms/governance/instruments.hpp"
#include "mechanisms/housing/asset_price.hpp"
#include "mechanisms/housing/construction.hpp"
#include "mechanisms/housing/investors.hpp"
#include "mechanisms/investment/investment_state.hpp"
#include "mechanisms/labour/jobs_state.hpp"
#include "mechanisms/migration/migration.hpp"
#include "mechanisms/relocation/matching.hpp"
#include "mechanisms/relocation/move_events.hpp"
#include "model/events_step.hpp"
#include "model/externalities_step.hpp"
#include "model/governance_state.hpp"
#include "model/scenario.hpp"
#include "model/tourism_step.hpp"

namespace metrosim::model {

struct World {
  Scenario scenario;  ///< parameters in force this month (the shocks calendar writes here)
  Scenario resolved;  ///< the scenario as loaded; the calendar computes each month from it
  core::Calendar calendar{core::YearMonth{}};
  core::RngKey rng_key;
  agents::Zones zones;
  agents::Households households;
  mechanisms::JobsState jobs;              ///< jobs by workplace zone and sector (MODEL.md §7.6)
  agents::Firms firms;                     ///< establishments (MODEL.md §7.5), persons employed
  mechanisms::FirmsState firms_state;      ///< birth pool, demand seen, the month's firm flows
  mechanisms::InvestmentState investment;  ///< reference logsum, the month's projects (§7.4)
  agents::Agencies agencies;
  agents::EventCalendar events_calendar;
  agents::Brands brands;              ///< metro and own brands, visibility by zone (§7.2)
  mechanisms::StrategyEffort effort;  ///< this month's spend and effort by instrument (§7.1)
  GovernanceState governance;         ///< coordination, contributions, image references
  TourismWorld tourism;               ///< tourism market and STR stocks (MODEL.md §7.8)
  core::GroupIndex by_zone;           ///< households by zone of residence, rebuilt after moves
  double weight = 1.0;                ///< real households per agent (1 / agents.scale)
  std::vector<double> loop_gain;      ///< rent-loop gain per zone at initialisation
  std::array<std::int64_t, agents::kTenures> external_offer{};  ///< vacant offer, agent units
  double households_35_64_initial = 0.0;  ///< real households: fixes the formation stream's maximum

  // per-step scratch, kept to avoid reallocations
  mechanisms::MoveEvents events;
  std::vector<core::ZoneIndex> choices;
  mechanisms::MoveFlows flows;
  mechanisms::MigrationFlows migration_flows;
  std::vector<core::ZoneIndex> from_zone;                 ///< per mover: zone whose distance counts
  std::vector<mechanisms::ArrivalStream> arrival_stream;  ///< per appended arrival

  // Housing supply, asset prices and investors (MODEL.md §7.9; model/supply.hpp).
  mechanisms::ConstructionState construction;    ///< pipeline by zone and completion month
  mechanisms::AssetPriceState asset;             ///< asset price and expected rent growth by zone
  mechanisms::InvestorState investors;           ///< large holders' LTR dwellings by zone
  mechanisms::ConstructionFlows supply_flows;    ///< this month's starts and completions
  mechanisms::FundPurchases fund_flows;          ///< this month's fund purchases
  std::vector<std::int64_t> social_lettings;     ///< this month's social lettings by zone
  std::vector<std::int64_t> ltr_to_owner_large;  ///< large holders' units converted to owner use
  mechanisms::WelfareSummary welfare;  ///< location logsum at the end of the month (step 12)
  ExternalitiesState externalities;    ///< irritation, emissions, pollution (step 12)
  /// Reference tourism market for the labour hook: initial STR stocks, the scenario as loaded
  /// with the market's levers at their defaults (model/tourism_jobs.hpp).
  TourismWorld tourism_reference;
  /// Won events, funding, the January strategy review's state (MODEL.md §7.3, §7.12, §7.13).
  StrategyState strategy;
};

/// Builds the initial world. Throws std::invalid_argument for a region that cannot be built
/// (the I/O layer validates files first, so this signals a programming error or empty region).
World build_world(const Scenario& s, const agents::RegionInput& region, std::uint32_t replicate);

/// Re-derives every per-zone parameter vector from w.scenario (plain value, then `key@ZONE`
/// overrides): today housing.natural_vacancy and relocation.amenity. Called at build and by the
/// shocks calendar whenever it changes a per-zone key; a mechanism with its own per-zone vector
/// derived from keys adds it here.
void refresh_zone_parameters(World& w);

/// Zone codes of the region in zone order (for validating `key@CODE` overrides).
std::vector<std::string> zone_codes(const Scenario& s, const agents::RegionInput& region);

/// Checks every invariant: stores' own checks; occupancy recounted from households equals the
/// zone store's occupancy for every zone and use; the supply invariants (model/supply.hpp); jobs
/// held by households, recounted, equal the jobs' bookkeeping and never exceed the job slots of
/// any zone and sector. Throws std::logic_error naming the breach.
void check_world(const World& w);

}  // namespace metrosim::model
