// step_context.hpp — what every mechanism needs to know about "now": the step, the calendar and
// the run's random-stream key. Passed explicitly; there are no globals.
#pragma once
#include "core/calendar.hpp"
#include "core/rng.hpp"

namespace metrosim::core {

struct StepContext {
  Step step = 0;
  Calendar calendar{YearMonth{2015, 1}};
  RngKey rng_key;
  Stream stream(Mechanism mech, AgentId entity) const { return rng_key.stream(mech, entity, step); }
};

}  // namespace metrosim::core
