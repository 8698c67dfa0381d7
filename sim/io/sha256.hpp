// sha256.hpp — SHA-256 digests of input files (provenance of the region data), via OpenSSL's
// EVP interface; OpenSSL stays out of this header.
#pragma once
#include <string>
#include <string_view>

namespace metrosim::io {

/// Lower-case hex SHA-256 of `bytes` (64 characters). Throws std::runtime_error if OpenSSL fails.
std::string sha256_hex(std::string_view bytes);

}  // namespace metrosim::io
