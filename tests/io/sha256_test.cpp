// sha256_test.cpp — SHA-256 against published known answers and against the system's sha256sum.
#include "io/sha256.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

using metrosim::io::sha256_hex;

namespace {

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Digest printed by coreutils' sha256sum: an implementation independent of OpenSSL.
std::string sha256sum(const std::string& path) {
  std::FILE* p = ::popen(("sha256sum '" + path + "'").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[256] = {};
  const std::size_t n = std::fread(buf, 1, sizeof buf - 1, p);
  ::pclose(p);
  return std::string(buf, n).substr(0, 64);
}

}  // namespace

TEST_CASE("sha256 matches the FIPS 180-2 known answers", "[io][sha256]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 of the shipped region files equals coreutils sha256sum", "[io][sha256]") {
  for (const char* name : {"municipalities.csv", "barcelona-districts.csv"}) {
    const std::string path = std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb/" + name;
    INFO(path);
    CHECK(sha256_hex(file_bytes(path)) == sha256sum(path));
  }
}
