// landlord.hpp — who owns an LTR dwelling (MODEL.md §2 household "landlord type", §7.9). Lives
// with the agents because the household store holds it; the housing mechanisms use it by name.
#pragma once
#include <cstddef>
#include <cstdint>

namespace metrosim::agents {

/// Owner of an LTR dwelling: small private landlord or large holder (fund). Values are stable.
enum class LandlordType : std::uint8_t { kSmall = 0, kLarge = 1 };
inline constexpr std::size_t kLandlordTypes = 2;

}  // namespace metrosim::agents
