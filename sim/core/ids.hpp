// ids.hpp — strong-ish integer ids. Entity ids are stable from creation and key the random
// streams; they are never array positions (MODEL.md §4).
#pragma once
#include <cstdint>

namespace metrosim::core {

using AgentId = std::uint64_t;  ///< stable id of a household, firm or candidate arrival
using ZoneIndex = std::int32_t;  ///< position of a zone in the region's zone list (fixed per run)
using Step = std::int32_t;      ///< month index since the run's start (0 = first month)

inline constexpr ZoneIndex kNoZone = -1;

}  // namespace metrosim::core
