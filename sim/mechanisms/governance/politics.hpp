// politics.hpp — political will and budgets in force (MODEL.md §7.1). Each agency's will is
// w = logistic(z), z a mean-reverting walk with a jump at municipal elections; the yearly budget
// set in January is B0·(ι + (1 − ι)·w). Draws are keyed (kGovernance, agency, month): two slots
// a month whatever happens, so a baseline and a what-if share them.
#pragma once
#include <vector>

#include "core/step_context.hpp"
#include "mechanisms/governance/governance_params.hpp"

namespace metrosim::mechanisms {

/// True in the election month of an election year of p.election_years.
bool is_election(const PoliticsParams& p, int year, int month);

/// One month of the walk for every agency: z ← (1 − θ)·z + σ·ε, plus σ_e·ε' in an election month.
/// The agency's index in the region table (the same list in every scenario) keys its stream.
void step_will_index(const PoliticsParams& p, const core::StepContext& ctx, bool election,
                     std::vector<double>& z);

double political_will(double z);  ///< logistic(z), in (0, 1)

/// Budget in force, EUR/year: B0·(ι + (1 − ι)·w) with B0 = data / (ι + (1 − ι)/2), so the data
/// budget is the budget at neutral will (w = 1/2, z = 0): the region table's figures are the
/// budgets observed at the start.
double budget_in_force(double data_budget, double institutionalisation, double will);

}  // namespace metrosim::mechanisms
