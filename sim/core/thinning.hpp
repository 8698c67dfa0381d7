// thinning.hpp — arrivals by thinning a scenario-independent candidate stream (Lewis & Shedler
// 1979; MODEL.md §4). Candidate k of step t exists in every scenario with the same id and the
// same acceptance draw; a scenario only changes the acceptance probability rate/max_rate, so a
// lower rate accepts a subset of the candidates a higher rate accepts.
#pragma once
#include <cstdint>
#include <vector>

#include "core/rng.hpp"

namespace metrosim::core {

struct CandidateStream {
  Mechanism mechanism = Mechanism::kArrivals;
  double max_rate = 0.0;  ///< expected candidates per step; must bound every scenario's rate
  std::uint64_t stream_id = 0;  ///< distinguishes several arrival streams of one mechanism
};

/// Number of candidates at step t: Poisson(max_rate) from the stream's own keyed draws.
std::uint64_t candidate_count(const RngKey& key, const CandidateStream& cs, Step t);

/// Stable id of candidate k at step t (unique across steps and streams for k < 2^24).
AgentId candidate_id(const CandidateStream& cs, Step t, std::uint64_t k);

/// Candidates accepted at step t when the scenario's rate is `rate` (≤ max_rate).
std::vector<AgentId> thin_arrivals(const RngKey& key, const CandidateStream& cs, Step t,
                                   double rate);

}  // namespace metrosim::core
