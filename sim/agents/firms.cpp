// firms.cpp — resize and invariant checks of the firm store.
#include "agents/firms.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace metrosim::agents {

void Firms::resize(std::size_t n) {
  id.resize(n);
  zone.resize(n);
  sector.resize(n);
  employees.resize(n);
  foreign_owned.resize(n);
  international_hq.resize(n);
  exporter.resize(n);
  founded.resize(n);
  productivity.resize(n);
}

void Firms::compact(const std::vector<std::uint8_t>& keep) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < size(); ++i) {
    if (!keep[i]) continue;
    if (k != i) {
      id[k] = id[i];
      zone[k] = zone[i];
      sector[k] = sector[i];
      employees[k] = employees[i];
      foreign_owned[k] = foreign_owned[i];
      international_hq[k] = international_hq[i];
      exporter[k] = exporter[i];
      founded[k] = founded[i];
      productivity[k] = productivity[i];
    }
    ++k;
  }
  resize(k);
}

void Firms::check_invariants(std::size_t n_zones) const {
  const std::size_t n = size();
  if (zone.size() != n || sector.size() != n || employees.size() != n ||
      foreign_owned.size() != n || international_hq.size() != n || exporter.size() != n ||
      founded.size() != n || productivity.size() != n)
    throw std::logic_error("firms: columns misaligned");
  for (std::size_t i = 0; i < n; ++i) {
    if (zone[i] < 0 || static_cast<std::size_t>(zone[i]) >= n_zones)
      throw std::logic_error("firm " + std::to_string(id[i]) + ": zone out of range");
    if (!std::isfinite(employees[i]) || employees[i] < 0.0)
      throw std::logic_error("firm " + std::to_string(id[i]) + ": employees invalid");
    if (static_cast<std::size_t>(sector[i]) >= kSectors)
      throw std::logic_error("firm " + std::to_string(id[i]) + ": unknown sector");
  }
}

}  // namespace metrosim::agents
