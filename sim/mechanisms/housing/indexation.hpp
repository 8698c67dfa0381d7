// indexation.hpp — yearly nominal indexation in January: contract rents by the CPI (Spanish
// leases update yearly by the CPI; approximated to January) and incomes by the wage index.
#pragma once
#include "agents/households.hpp"

namespace metrosim::mechanisms {

void apply_yearly_indexation(double cpi_growth, double wage_growth, agents::Households& hh);

}  // namespace metrosim::mechanisms
