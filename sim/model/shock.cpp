// shock.cpp — see shock.hpp.
#include "model/shock.hpp"

#include <algorithm>

namespace metrosim::model {

bool Shock::applies_to(const std::string& zone_code) const {
  return zones.empty() || std::find(zones.begin(), zones.end(), zone_code) != zones.end();
}

double effective_value(double resolved, std::span<const Shock* const> entries, core::YearMonth m) {
  double v = resolved;
  for (const Shock* e : entries) {
    if (!e->active(m)) continue;
    v = e->op == ShockOp::kSet ? e->value : v * e->value;
  }
  return v;
}

}  // namespace metrosim::model
