// move_events.hpp — event-triggered moves (MODEL.md §7.10): a life-course hazard by tenure,
// lease renewals (contract rent reset toward the market rent; the move probability rises with
// the increase in rent burden) and evictions at renewal (non-renewal for sale or own use), with
// terms by landlord type (MODEL.md §7.9).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "agents/households.hpp"
#include "core/step_context.hpp"
#include "mechanisms/housing/supply_params.hpp"
#include "mechanisms/relocation/relocation_params.hpp"

namespace metrosim::mechanisms {

enum class MoveCause : std::uint8_t {
  kNone = 0,
  kLifeCourse = 1,
  kRenewal = 2,
  kEviction = 3,
  kArrival = 4,     ///< a household arriving from outside or newly formed: it holds no dwelling yet
  kEvictionStr = 5  ///< lease not renewed so that the landlord can let the flat to tourists
};

/// Causes that oblige the household to leave its dwelling (displacement by eviction).
inline bool is_eviction(MoveCause c) {
  return c == MoveCause::kEviction || c == MoveCause::kEvictionStr;
}

struct MoveEvents {
  std::vector<MoveCause> cause;       ///< per household row
  std::vector<std::uint8_t> renewal;  ///< 1 when the household's lease renews this month
  std::vector<double> renewal_rent;   ///< contract rent after renewal (valid where renewal = 1)
  std::vector<std::uint32_t> movers;  ///< rows with cause != kNone, ascending
};

/// Registers rows [first, hh_size) as arriving households: cause kArrival, appended to movers.
void add_arrivals(MoveEvents& ev, std::size_t first, std::size_t hh_size);

/// Monthly probability from a yearly rate p: 1 − (1 − p)^(1/12) (MODEL.md rule 3).
double monthly_probability(double yearly);

/// True when a lease that started at `lease_start` renews at `step` (every full term).
bool renews_at(core::Step lease_start, core::Step step, int term_months);

/// Draws this month's move events. Fixed draw slots per household (0: eviction, 1: renewal
/// move, 2: life-course move, 3: non-renewal for conversion to a short-term rental), so each
/// household's draws do not depend on anyone else's state. `str_nonrenewal` holds, per zone, the
/// probability that a small landlord's renewing lease ends for conversion (empty: none); a large
/// holder's is scaled by the types' conversion propensities.
/// An LTR lease renews every minimum term of its landlord type and signing date; at renewal the
/// landlord type sets the non-renewal probability, the reset toward the market rent and the cap
/// (renewal_terms in investors.hpp).
void decide_moves(const InvestorParams& ip, const RentCap& cap, const RelocationParams& rp,
                  const core::StepContext& ctx, const agents::Households& hh,
                  const agents::Zones& zones, std::span<const double> str_nonrenewal,
                  MoveEvents& out);

}  // namespace metrosim::mechanisms
