#pragma once
// SHA-256 (FIPS 180-4), the same bytes natively and in wasm. Also base64 (RFC 4648) for
// attachments inside packages.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoso {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  void update(std::string_view s) { update(s.data(), s.size()); }
  std::array<uint8_t, 32> finish();

 private:
  void block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buf_;
  std::size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

std::string to_hex(const uint8_t* data, std::size_t size);
std::string sha256_hex(std::string_view bytes);  // lower-case hex, 64 characters

std::string base64_encode(std::string_view bytes);
// Strict: standard alphabet, padding required, no white space. nullopt on anything else.
std::optional<std::string> base64_decode(std::string_view b64);

// RFC 4122 version-4 UUID text from 16 random bytes (the caller supplies the randomness:
// crypto.getRandomValues in the browser, std::random_device natively).
std::string format_uuid_v4(const std::array<uint8_t, 16>& random_bytes);
bool is_uuid(std::string_view s);

}  // namespace hoso
