// group_index.cpp — counting sort of members by group.
#include "core/group_index.hpp"

#include <cassert>

namespace metrosim::core {

void GroupIndex::build(std::span<const ZoneIndex> group_of, std::size_t n_groups) {
  offsets_.assign(n_groups + 1, 0);
  for (ZoneIndex g : group_of) {
    assert(g >= 0 && static_cast<std::size_t>(g) < n_groups);
    ++offsets_[static_cast<std::size_t>(g) + 1];
  }
  for (std::size_t g = 0; g < n_groups; ++g) offsets_[g + 1] += offsets_[g];
  order_.resize(group_of.size());
  std::vector<std::size_t> cursor(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t i = 0; i < group_of.size(); ++i)
    order_[cursor[static_cast<std::size_t>(group_of[i])]++] = static_cast<std::uint32_t>(i);
}

}  // namespace metrosim::core
