// rng.hpp — counter-based random streams (Random123 Philox4x64-10).
// Every draw is a pure function of (seed, replicate, mechanism, entity_id, step, draw_slot), so
// results do not depend on threads, array order or scenario: a baseline and a what-if with the
// same seed share their randomness wherever their states agree (common random numbers, MODEL.md
// §4).
#pragma once
#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

#include "core/ids.hpp"

namespace metrosim::core {

/// Mechanisms that draw random numbers. Values are part of the stream key: never renumber,
/// only append (renumbering changes every result for a given seed).
enum class Mechanism : std::uint32_t {
  kInitialisation = 1,  ///< initial household attributes (income, lease vintage)
  kMobility = 2,        ///< life-course move hazard, renewal and eviction events
  kZoneChoice = 3,      ///< Gumbel noise of the zone choice logit
  kMatching = 4,        ///< priority of movers in vacancy matching
  kArrivals = 5,        ///< candidate arrival stream (thinning)
  kExits = 6,           ///< out-migration, talent departure and dissolution hazards
  kArrivalTraits = 7,   ///< attributes of an accepted arrival (income, tenure, age, zone of origin)
  kAgeing = 8,          ///< transitions of the head's age band
  kLandlord = 9,  ///< landlord draws: fund transfer (slot 0), new lease (1), social lottery (2)
  kLabour = 10,   ///< employment transitions, job-seeker and vacancy priorities, commuting
  kExternalities = 11,  ///< residents' irritation draw (slot 0; mechanisms/externalities)
  kGovernance = 12,     ///< political will walk and election shocks (issue 4 governance helper)
  kBrands = 13,         ///< brand backlash draws (issue 4 governance helper)
  kEvents = 14,         ///< event bids won (issue 4 events helper)
  kInvestment = 15,     ///< candidate projects, location choice, acquisitions (investment helper)
  kFirms = 16,          ///< firm births, growth, exit, export entry (investment helper)
  kEvaluation = 17,     ///< KPI observation noise (issue 4 events helper)
  kFunding = 18,        ///< international funding bids (issue 4 events helper)
  kTest = 99,           ///< reserved for tests
};

/// Converts 64 random bits to a double in the open interval (0, 1): never 0 or 1, so logs
/// and inverse CDFs are always finite.
inline double bits_to_open_unit(std::uint64_t bits) {
  return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
}

/// A keyed stream for one (mechanism, entity, step): draw slot k is lane k%4 of block k/4.
/// Cheap to construct; caches the last block so consecutive slots cost one Philox call per 4.
class Stream {
 public:
  using Philox = r123::Philox4x64;

  Stream(std::uint64_t seed, std::uint32_t replicate, Mechanism mech, AgentId entity, Step step)
      : key_{{seed, (std::uint64_t{replicate} << 32) | static_cast<std::uint32_t>(mech)}},
        ctr_{{entity, static_cast<std::uint64_t>(static_cast<std::int64_t>(step)), 0, 0}} {}

  /// Uniform on (0, 1) at a fixed slot: the same slot always returns the same value.
  double uniform(std::uint32_t slot) {
    const std::uint64_t block = slot / 4;
    if (!cached_ || block != cached_block_) {
      Philox::ctr_type c = ctr_;
      c.v[2] = block;
      out_ = Philox{}(c, key_);
      cached_block_ = block;
      cached_ = true;
    }
    return bits_to_open_unit(out_.v[slot % 4]);
  }

  /// Standard Gumbel variate from slot k (for Gumbel-max logit sampling).
  double gumbel(std::uint32_t slot) { return -std::log(-std::log(uniform(slot))); }

  /// Standard normal from slots (k, k+1) by Box–Muller (the cosine branch only, so one variate
  /// consumes exactly two slots whatever happens elsewhere).
  double normal(std::uint32_t slot) {
    const double u1 = uniform(slot);
    const double u2 = uniform(slot + 1);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  Philox::key_type key_;
  Philox::ctr_type ctr_;
  Philox::ctr_type out_{};
  std::uint64_t cached_block_ = 0;
  bool cached_ = false;
};

/// The run-level part of every key: hand it around instead of the seed and replicate.
struct RngKey {
  std::uint64_t seed = 0;
  std::uint32_t replicate = 0;
  Stream stream(Mechanism mech, AgentId entity, Step step) const {
    return Stream(seed, replicate, mech, entity, step);
  }
};

}  // namespace metrosim::core
