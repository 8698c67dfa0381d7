// migration.hpp — exits (out-migration, talent departures, dissolutions), arrivals (other
// in-migrants, three talent segments, newly formed households) and ageing (MODEL.md §7.7).
// Arrivals come from scenario-independent candidate streams thinned to the scenario's rate, so
// candidate k of month t is the same household in every scenario (common random numbers).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/households.hpp"
#include "agents/zones.hpp"
#include "core/step_context.hpp"
#include "mechanisms/migration/migration_params.hpp"

namespace metrosim::mechanisms {

enum class ExitCause : std::uint8_t {
  kNone = 0,
  kEmigration = 1,
  kTalentDeparture = 2,
  kDissolution = 3
};

/// Arrival streams; the value is the candidate stream id (part of the arrivals' ids).
enum class ArrivalStream : std::uint8_t {
  kOther = 0,
  kStudent = 1,
  kResearcher = 2,
  kSkilled = 3,
  kFormation = 4
};
inline constexpr std::size_t kArrivalStreams = 5;

/// Flows of one month, in agent units.
struct MigrationFlows {
  std::vector<std::array<std::int64_t, 3>>
      exits;  ///< by zone: emigration, talent departure, dissolution
  std::array<std::int64_t, kArrivalStreams> arrivals{};  ///< housed arrivals by stream
  std::array<std::int64_t, kArrivalStreams> unhoused{};  ///< arrivals that found no vacancy
  void reset(std::size_t n_zones);
};

/// Yearly departure hazard of a household of this origin, after the retention programme.
double departure_rate(const MigrationParams& p, agents::Origin o);

/// Arrivals per year of a stream at the current drivers (households, real units).
double arrival_rate(const MigrationParams& p, ArrivalStream s, double households_35_64);

/// Exit decision per household row; fixed draw slots (0: departure/emigration, 1: dissolution).
std::vector<ExitCause> decide_exits(const MigrationParams& p, const core::StepContext& ctx,
                                    const agents::Households& hh);

/// Removes exiting households (freeing their dwellings) and records the exits by zone and cause.
void remove_exits(const std::vector<ExitCause>& exits, agents::Households& hh, agents::Zones& zones,
                  MigrationFlows& flows);

/// Yearly ageing of heads (January): <35 → 35–64 → 65+, keyed draws.
void age_heads(const MigrationParams& p, const core::StepContext& ctx, agents::Households& hh);

struct ArrivalContext {
  double scale = 1.0;              ///< agents per real household
  double metro_mean_income = 0.0;  ///< EUR/month
  double households_35_64 = 0.0;   ///< real households with head 35–64 now (formation base)
  /// The same at initialisation: fixes the formation stream's candidate maximum, which must not
  /// depend on the scenario's path (common random numbers).
  double households_35_64_initial = 0.0;
  std::vector<double>
      formation_weights;  ///< by zone: households with head 35–64 (origin zone of new households)
  double income_log_sd = 0.55;
};

/// Appends this month's accepted arrivals to `hh` as rows with zone = kNoZone (not yet housed);
/// `from_zone` receives, per appended row, the zone whose distance enters its choice (the parent's
/// zone for new households, kNoZone for migrants). Returns the number appended. Throws
/// std::invalid_argument when a scenario's rate exceeds its stream's candidate maximum.
std::size_t append_arrivals(const MigrationParams& p, const core::StepContext& ctx,
                            const ArrivalContext& ac, agents::Households& hh,
                            std::vector<core::ZoneIndex>& from_zone,
                            std::vector<ArrivalStream>& stream_of);

}  // namespace metrosim::mechanisms
