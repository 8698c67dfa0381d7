// irritation.cpp — see irritation.hpp.
#include "mechanisms/externalities/irritation.hpp"

#include <cmath>
#include <limits>

namespace metrosim::mechanisms {

double irritation_probability(const IrritationParams& p, double pressure, double str_share,
                              bool tourism_worker) {
  const double x = p.intercept + p.per_pressure * pressure + p.per_str_share * str_share -
                   (tourism_worker ? p.tourism_worker_offset : 0.0);
  // Written so that neither branch overflows for large |x|.
  return x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
}

bool draw_irritated(const IrritationParams& p, core::Stream& s, double pressure, double str_share,
                    bool tourism_worker) {
  return s.uniform(kIrritationSlot) <
         irritation_probability(p, pressure, str_share, tourism_worker);
}

IrritationByZone irritation_by_zone(const IrritationParams& p, const core::StepContext& ctx,
                                    std::span<const core::AgentId> id,
                                    const core::GroupIndex& by_zone,
                                    std::span<const std::uint8_t> tourism_worker,
                                    std::span<const double> pressure,
                                    std::span<const double> str_share) {
  const std::size_t nz = by_zone.n_groups();
  const auto worker = [&](std::uint32_t i) { return !tourism_worker.empty() && tourism_worker[i]; };
  IrritationByZone out;
  out.irritated_share.assign(nz, std::numeric_limits<double>::quiet_NaN());
  out.expected_share.assign(nz, std::numeric_limits<double>::quiet_NaN());
  const auto n = static_cast<std::int64_t>(nz);
  // Zones are independent; each sums its members in the index's fixed order (thread-free result).
#pragma omp parallel for schedule(dynamic, 1)
  for (std::int64_t g = 0; g < n; ++g) {
    const auto z = static_cast<std::size_t>(g);
    const auto members = by_zone.members(z);
    if (members.empty()) continue;
    double irritated = 0.0, expected = 0.0;
    for (std::uint32_t i : members) {
      auto s = ctx.stream(core::Mechanism::kExternalities, id[i]);
      irritated += draw_irritated(p, s, pressure[z], str_share[z], worker(i)) ? 1.0 : 0.0;
      expected += irritation_probability(p, pressure[z], str_share[z], worker(i));
    }
    const auto m = static_cast<double>(members.size());
    out.irritated_share[z] = irritated / m;
    out.expected_share[z] = expected / m;
  }
  return out;
}

}  // namespace metrosim::mechanisms
