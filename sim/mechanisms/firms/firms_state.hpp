// firms_state.hpp — what firm demography keeps between months (the birth pool, last month's
// demand) and the month's flows by zone. The firm store itself is agents::Firms.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/firms.hpp"
#include "agents/households.hpp"

namespace metrosim::mechanisms {

/// Persons employed by zone and firm sector, or by zone and labour sector.
using FirmSectorJobs = std::vector<std::array<double, agents::kSectors>>;
using JobSectorPersons = std::vector<std::array<double, agents::kJobSectors>>;

struct FirmFlows {
  std::vector<std::int64_t> births, exits, export_entries, export_exits;  ///< firms, by zone
  void reset(std::size_t n_zones) {
    births.assign(n_zones, 0);
    exits.assign(n_zones, 0);
    export_entries.assign(n_zones, 0);
    export_exits.assign(n_zones, 0);
  }
};

struct FirmsState {
  /// Initial firms per zone and sector: the entrepreneur pool that scales births (fixed, so
  /// births carry no compounding trend of their own).
  FirmSectorJobs pool;
  std::vector<double> tourism_demand_prev;  ///< per zone: tourism demand the firms last saw
  double export_demand_prev = 1.0;          ///< export demand index the firms last saw
  FirmFlows flows;
};

/// This month's demand faced by firms (MODEL.md §7.5).
struct FirmDemand {
  std::vector<double> tourism;      ///< per zone: tourism demand relative to the start (≥ 0)
  double tourism_elasticity = 1.0;  ///< tourism firms' employment ∝ demand^elasticity
  double export_index = 1.0;        ///< world demand for tradable sectors relative to the start
  std::vector<double> visibility;   ///< V_i per zone (brands)
  double promotion = 0.0;           ///< saturating export promotion effort L in [0, 1]
};

}  // namespace metrosim::mechanisms
