// SHA-256, hex, base64 and UUID text (core/sha256.hpp).
#include "core/sha256.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace {

using namespace hoso;

std::string hex_of(Sha256& h) {
  const auto d = h.finish();
  return to_hex(d.data(), d.size());
}

// FIPS 180-4 examples (NIST "SHA256.pdf", "SHA2_Additional.pdf") and CAVS SHA256ShortMsg.
TEST(Sha256, NistVectors) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(sha256_hex(std::string(1, '\xbd')), "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b");
  EXPECT_EQ(sha256_hex(std::string("\xc9\x8c\x8e\x55", 4)),
            "7abc22c0ae5af26ce93dbb94433a0e0b2e119d014f8e7f65bd56c61ccccd9504");
  EXPECT_EQ(sha256_hex(std::string(55, '\0')), "02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7");
  EXPECT_EQ(sha256_hex(std::string(56, '\0')), "d4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb");
  EXPECT_EQ(sha256_hex(std::string(57, '\0')), "65a16cb7861335d5ace3c60718b5052e44660726da4cd13bb745381b235a1785");
  EXPECT_EQ(sha256_hex(std::string(64, '\0')), "f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b");
  EXPECT_EQ(sha256_hex("Nguyễn Văn A"), sha256_hex(std::string("Nguy\xe1\xbb\x85n V\xc4\x83n A")));
}

TEST(Sha256, ChunkedUpdatesEqualOneShot) {
  std::mt19937 rng(3);
  std::string data(5000, '\0');
  for (char& c : data) c = static_cast<char>(rng());
  const std::string want = sha256_hex(data);
  for (std::size_t chunk : {1u, 3u, 63u, 64u, 65u, 127u, 1000u, 4999u}) {
    Sha256 h;
    for (std::size_t i = 0; i < data.size(); i += chunk) h.update(std::string_view(data).substr(i, chunk));
    EXPECT_EQ(hex_of(h), want) << chunk;
  }
  Sha256 h;
  for (std::size_t i = 0; i < data.size();) {
    const std::size_t n = rng() % 200;
    h.update(std::string_view(data).substr(i, n));
    i += n;
  }
  EXPECT_EQ(hex_of(h), want);
  h.update("abc");  // finish() resets the state
  EXPECT_EQ(hex_of(h), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 empty;
  empty.update(nullptr, 0);
  EXPECT_EQ(hex_of(empty), sha256_hex(""));
}

TEST(Hex, LowerCase) {
  const uint8_t bytes[] = {0x00, 0x0f, 0xa0, 0xff};
  EXPECT_EQ(to_hex(bytes, 4), "000fa0ff");
  EXPECT_EQ(to_hex(bytes, 0), "");
}

// RFC 4648, section 10.
TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), std::string(plain));
  }
  EXPECT_EQ(base64_encode(std::string("\xff\xfe\x00", 3)), "//4A");
  EXPECT_EQ(base64_decode("//4A"), std::string("\xff\xfe\x00", 3));
}

TEST(Base64, Strict) {
  for (const char* bad : {"Zg", "Zg=", "Zm9", "Zg==Zg==", "Zm9v\n", " Zm9v", "Zm9v YmFy", "Zm-v", "Zm_v",
                          "Z===", "====", "Zm=v", "Zh==", "Zm9=", "Zg=A", "=Zm9"}) {
    EXPECT_FALSE(base64_decode(bad)) << bad;
  }
}

TEST(Base64, RoundTripRandom) {
  std::mt19937 rng(11);
  for (int n = 0; n < 500; ++n) {
    std::string s(rng() % 100, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    const std::string e = base64_encode(s);
    EXPECT_EQ(e.size() % 4, 0u);
    EXPECT_EQ(base64_decode(e), s);
  }
}

TEST(Uuid, FormatAndCheck) {
  std::array<uint8_t, 16> bytes{};
  for (int i = 0; i < 16; ++i) bytes[static_cast<std::size_t>(i)] = static_cast<uint8_t>(0xF0 + i);
  const std::string u = format_uuid_v4(bytes);
  EXPECT_EQ(u, "f0f1f2f3-f4f5-46f7-b8f9-fafbfcfdfeff");
  EXPECT_TRUE(is_uuid(u));
  EXPECT_EQ(format_uuid_v4({}), "00000000-0000-4000-8000-000000000000");
  EXPECT_TRUE(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
  EXPECT_FALSE(is_uuid("123E4567-E89B-12D3-A456-426614174000"));  // we write lower case only
  EXPECT_FALSE(is_uuid("123e4567e89b12d3a456426614174000"));
  EXPECT_FALSE(is_uuid("123e4567-e89b-12d3-a456-42661417400"));
  EXPECT_FALSE(is_uuid("123e4567-e89b-12d3-a456-4266141740000"));
  EXPECT_FALSE(is_uuid("123e4567-e89b-12d3-a456_426614174000"));
  EXPECT_FALSE(is_uuid("g23e4567-e89b-12d3-a456-426614174000"));
  EXPECT_FALSE(is_uuid(""));
  std::mt19937 rng(5);
  for (int n = 0; n < 100; ++n) {
    for (auto& b : bytes) b = static_cast<uint8_t>(rng());
    const std::string v = format_uuid_v4(bytes);
    EXPECT_TRUE(is_uuid(v));
    EXPECT_EQ(v[14], '4');
    EXPECT_NE(std::string("89ab").find(v[19]), std::string::npos);
  }
}

}  // namespace
