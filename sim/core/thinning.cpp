// thinning.cpp — Poisson candidate counts and acceptance by keyed draws.
#include "core/thinning.hpp"

#include <cassert>
#include <cmath>
#include <stdexcept>

namespace metrosim::core {

std::uint64_t candidate_count(const RngKey& key, const CandidateStream& cs, Step t) {
  // Inversion of the Poisson CDF with one uniform (entity = the stream id, slot 0). For large
  // means a normal approximation avoids underflow of exp(-mean).
  Stream s = key.stream(cs.mechanism, cs.stream_id | (std::uint64_t{1} << 63), t);
  const double u = s.uniform(0);
  const double mean = cs.max_rate;
  if (mean <= 0.0) return 0;
  if (mean > 500.0) {
    const double z = std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * s.uniform(1));
    const double n = std::floor(mean + std::sqrt(mean) * z + 0.5);
    return n < 0.0 ? 0 : static_cast<std::uint64_t>(n);
  }
  double p = std::exp(-mean), cdf = p;
  std::uint64_t k = 0;
  while (u > cdf && k < 100000) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
  }
  return k;
}

AgentId candidate_id(const CandidateStream& cs, Step t, std::uint64_t k) {
  assert(k < (std::uint64_t{1} << 24));
  return (std::uint64_t{1} << 62) | ((cs.stream_id & 0xFFFF) << 44) |
         ((static_cast<std::uint64_t>(t) & 0xFFFFF) << 24) | k;
}

std::vector<AgentId> thin_arrivals(const RngKey& key, const CandidateStream& cs, Step t,
                                   double rate) {
  if (rate > cs.max_rate * (1.0 + 1e-12))
    throw std::logic_error("thin_arrivals: rate exceeds the candidate stream's maximum rate");
  std::vector<AgentId> accepted;
  const std::uint64_t n = candidate_count(key, cs, t);
  const double p = cs.max_rate > 0.0 ? rate / cs.max_rate : 0.0;
  for (std::uint64_t k = 0; k < n; ++k) {
    const AgentId id = candidate_id(cs, t, k);
    if (key.stream(cs.mechanism, id, t).uniform(0) < p) accepted.push_back(id);
  }
  return accepted;
}

}  // namespace metrosim::core
