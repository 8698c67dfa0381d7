// indexation.cpp — see indexation.hpp.
#include "mechanisms/housing/indexation.hpp"

namespace metrosim::mechanisms {

void apply_yearly_indexation(double cpi_growth, double wage_growth, agents::Households& hh) {
  const auto n = static_cast<std::int64_t>(hh.size());
#pragma omp parallel for schedule(static)
  for (std::int64_t ii = 0; ii < n; ++ii) {
    const auto i = static_cast<std::size_t>(ii);
    hh.income[i] *= 1.0 + wage_growth;
    if (hh.tenure[i] == agents::Tenure::kLtr) hh.rent[i] *= 1.0 + cpi_growth;
  }
}

}  // namespace metrosim::mechanisms
