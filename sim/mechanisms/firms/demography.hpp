// demography.hpp — firms (MODEL.md §7.5): initial firms matched to jobs by zone and sector,
// the month's growth, exit and export entry of every firm, and Poisson births by zone and
// sector rising in demand. docs/INVESTMENT.md states the forms; draw slots are listed there.
#pragma once
#include <cstdint>
#include <vector>

#include "agents/firms.hpp"
#include "core/step_context.hpp"
#include "mechanisms/firms/firms_params.hpp"
#include "mechanisms/firms/firms_state.hpp"

namespace metrosim::mechanisms {

/// Id bit of firms born in the model: (1<<61) | step << 24 | cell << 12 | k. Initial firms are
/// numbered 0, 1, ... in cell order; project firms carry their candidate's id (bit 62).
inline constexpr std::uint64_t kFirmBirthBit = std::uint64_t{1} << 61;

/// Labour sector of a firm sector as an index (0 tourism, 1 tradable, 2 local).
std::size_t job_sector_index(agents::Sector s);
/// Knowledge & tech, industry & logistics, creative & culture: tradable, may export.
bool is_tradable(agents::Sector s);

/// Initial firms (step −1 keyed draws, Mechanism::kFirms): in every zone, the persons of each
/// labour sector (`persons[z]`: tourism, tradable, local) are split into firm sectors (tradable
/// by the core or periphery shares) and cut into lognormal firm sizes, the last firm of a cell
/// taking the remainder, so that persons by zone and labour sector equal the sums over firms.
/// Foreign ownership ∝ sqrt(size); exporters at the steady state of entry and exit at zero
/// promotion and the given visibility. Fills `firms` and `state` (pool, demand, flows).
void init_firms(const FirmsParams& p, const core::RngKey& key, const JobSectorPersons& persons,
                const std::vector<std::uint8_t>& is_core, const std::vector<double>& visibility,
                agents::Firms& firms, FirmsState& state);

/// Yearly export entry hazard of a non-exporting tradable firm.
double export_entry_hazard(const FirmsParams& p, double productivity, double promotion,
                           double visibility);

/// The month's demography: every tradable and tourism firm grows (Gibrat-like, with its demand
/// ratio since last month), may exit (size- and age-dependent hazard) and may start or stop
/// exporting; then births by zone and sector. Local-sector firms (other services) are passive:
/// they follow the local multiplier (rescale_local_firms). Removes exits; appends births.
void firms_step(const FirmsParams& p, const core::StepContext& ctx, const FirmDemand& demand,
                agents::Firms& firms, FirmsState& state);

/// Expected births per month in a cell: birth_rate/12 × pool × demand^elasticity.
double birth_rate_month(const FirmsParams& p, double pool, double demand);

/// Poisson(mean) by inversion of one uniform (normal approximation above 500).
std::int64_t poisson_inverse(double mean, double u, double u2);

/// Persons employed by zone and labour sector / by zone and firm sector: serial sums in row
/// order (a fixed order: the same for any thread count).
JobSectorPersons persons_by_job_sector(const agents::Firms& firms, std::size_t n_zones);
FirmSectorJobs persons_by_firm_sector(const agents::Firms& firms, std::size_t n_zones);

/// Scales the local-sector firms of each zone so that their persons equal `target[z]` (the local
/// jobs set by the labour multiplier).
void rescale_local_firms(const std::vector<double>& target, agents::Firms& firms);

}  // namespace metrosim::mechanisms
