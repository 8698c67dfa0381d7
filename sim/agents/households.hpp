// households.hpp — all households as structure of arrays; row i of every column is household i.
// A household's `id` is stable from creation and keys its random streams; its row may change.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/landlord.hpp"
#include "agents/zones.hpp"
#include "core/ids.hpp"

namespace metrosim::agents {

/// Where a household comes from (MODEL.md §2, §7.7). Values are stable: they key nothing, but
/// they are written to outputs and tests.
enum class Origin : std::uint8_t {
  kLongStanding = 0,
  kStudent = 1,
  kResearcher = 2,
  kSkilled = 3,
  kOtherInMigrant = 4
};
inline constexpr std::size_t kOrigins = 5;
inline constexpr bool is_talent(Origin o) {
  return o == Origin::kStudent || o == Origin::kResearcher || o == Origin::kSkilled;
}

/// Employment status of the household's reference person (MODEL.md §7.6): one agent holds at
/// most one job, in agent units; docs/LABOUR.md converts to persons.
enum class Employment : std::uint8_t { kInactive = 0, kUnemployed = 1, kEmployed = 2 };

/// Sectors of jobs (docs/LABOUR.md): tourism (accommodation, food, leisure), tradable (industry,
/// ICT, professional services, logistics, finance) and local (retail, public, other services).
/// Firms' five sectors (firms.hpp) map onto these three (mechanisms/labour/jobs_state.hpp).
enum class JobSector : std::uint8_t { kTourism = 0, kTradable = 1, kLocal = 2 };
inline constexpr std::size_t kJobSectors = 3;
inline constexpr std::uint8_t kNoJobSector = 255;  ///< Households::sector when not employed
inline constexpr std::array<const char*, kJobSectors> kJobSectorNames = {"tourism", "tradable",
                                                                         "local"};

/// Age band of the household head.
enum class AgeBand : std::uint8_t { kUnder35 = 0, k35to64 = 1, k65plus = 2 };
inline constexpr std::size_t kAgeBands = 3;

struct Households {
  std::vector<core::AgentId> id;
  std::vector<core::ZoneIndex> zone;  ///< zone of residence
  std::vector<Tenure> tenure;
  std::vector<double> income;           ///< net household income, EUR/month (nominal)
  std::vector<double> rent;             ///< contract rent, EUR/month; 0 for owners
  std::vector<core::Step> lease_start;  ///< month the current lease started (LTR; may be < 0)
  std::vector<Origin> origin;
  std::vector<AgeBand> age_band;
  std::vector<LandlordType> landlord;  ///< owner of the dwelling (LTR tenants; kSmall otherwise)
  std::vector<Employment> employment;
  std::vector<core::ZoneIndex> workplace;  ///< zone of the job; kNoZone when not employed
  std::vector<std::uint8_t> sector;        ///< JobSector of the job; kNoJobSector when not employed

  std::size_t size() const { return id.size(); }
  void resize(std::size_t n);
  void reserve(std::size_t n);
  /// Keeps the rows where keep[i] is true, in their order (stable: results do not depend on
  /// which rows were removed before). keep.size() == size().
  void compact(const std::vector<std::uint8_t>& keep);
  /// Throws std::logic_error when a column is misaligned, a zone is out of range, a value is
  /// not finite or negative, or the employment columns disagree (employed <=> a workplace and a
  /// sector).
  void check_invariants(std::size_t n_zones) const;
};

}  // namespace metrosim::agents
