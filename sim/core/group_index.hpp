// group_index.hpp — members of each group (zone) in ascending position order, built by a
// counting sort. Reductions loop over groups in parallel and over members in this fixed order,
// so sums are bit-identical for any thread count (no atomics, no reduction(+) on doubles).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/ids.hpp"

namespace metrosim::core {

class GroupIndex {
 public:
  /// Rebuilds the index from each member's group (values in [0, n_groups)).
  void build(std::span<const ZoneIndex> group_of, std::size_t n_groups);
  std::size_t n_groups() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::span<const std::uint32_t> members(std::size_t g) const {
    return {order_.data() + offsets_[g], offsets_[g + 1] - offsets_[g]};
  }

 private:
  std::vector<std::size_t> offsets_;
  std::vector<std::uint32_t> order_;
};

/// Deterministic per-group sum of f(i) over the members i of each group.
template <class F>
std::vector<double> group_sum(const GroupIndex& index, F&& f) {
  const auto n = static_cast<std::int64_t>(index.n_groups());
  std::vector<double> out(static_cast<std::size_t>(n), 0.0);
#pragma omp parallel for schedule(dynamic, 1)
  for (std::int64_t g = 0; g < n; ++g) {
    double s = 0.0;
    for (std::uint32_t i : index.members(static_cast<std::size_t>(g))) s += f(i);
    out[static_cast<std::size_t>(g)] = s;
  }
  return out;
}

}  // namespace metrosim::core
