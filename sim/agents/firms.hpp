// firms.hpp — the firm store (structure of arrays; MODEL.md §2): one row per establishment.
// Filled at build from jobs by zone and sector and changed every month by investment projects
// and firm demography (MODEL.md §7.4–7.5; mechanisms/firms, mechanisms/investment). Firms are
// real units (not sampled with agents.scale); employment is in persons.
#pragma once
#include <cstdint>
#include <vector>

#include "core/ids.hpp"

namespace metrosim::agents {

enum class Sector : std::uint8_t {
  kKnowledgeTech = 0,
  kIndustryLogistics = 1,
  kTourismHospitality = 2,
  kCreativeCulture = 3,
  kOtherServices = 4
};
inline constexpr std::size_t kSectors = 5;

struct Firms {
  std::vector<core::AgentId> id;      ///< stable from creation; keys the random streams
  std::vector<core::ZoneIndex> zone;  ///< zone of the establishment (workplace)
  std::vector<Sector> sector;
  std::vector<double> employees;  ///< jobs (real units per agent firm)
  std::vector<std::uint8_t> foreign_owned, international_hq, exporter;
  std::vector<core::Step> founded;   ///< month of birth (may be < 0 for initial firms)
  std::vector<double> productivity;  ///< φ, lognormal with mean log 0 (export entry, §7.5)

  std::size_t size() const { return id.size(); }
  void resize(std::size_t n);
  /// Keeps the rows with keep[i] != 0, in their order (ids stay with their rows).
  void compact(const std::vector<std::uint8_t>& keep);
  /// Throws std::logic_error when columns are misaligned, a zone is out of range or a firm has
  /// negative or non-finite employment.
  void check_invariants(std::size_t n_zones) const;
};

}  // namespace metrosim::agents
