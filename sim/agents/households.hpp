// households.hpp — all households as structure of arrays; row i of every column is household i.
// A household's `id` is stable from creation and keys its random streams; its row may change.
#pragma once
#include <cstdint>
#include <vector>

#include "agents/zones.hpp"
#include "core/ids.hpp"

namespace metrosim::agents {

struct Households {
  std::vector<core::AgentId> id;
  std::vector<core::ZoneIndex> zone;   ///< zone of residence
  std::vector<Tenure> tenure;
  std::vector<double> income;          ///< net household income, EUR/month (nominal)
  std::vector<double> rent;            ///< contract rent, EUR/month; 0 for owners
  std::vector<core::Step> lease_start; ///< month the current lease started (LTR; may be < 0)

  std::size_t size() const { return id.size(); }
  void resize(std::size_t n);
  void reserve(std::size_t n);
  /// Throws std::logic_error when a column is misaligned, a zone is out of range or a value
  /// is not finite or negative.
  void check_invariants(std::size_t n_zones) const;
};

}  // namespace metrosim::agents
