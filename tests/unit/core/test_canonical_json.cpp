// Canonical JSON and the careful parser (core/canonical_json.hpp).
#include "core/canonical_json.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/sha256.hpp"

namespace {

using hoso::canonical_dump;
using hoso::normalize_nfc_in_place;
using hoso::parse_untrusted_json;
using hoso::ParseLimits;
using json = nlohmann::json;

const std::string kNfd = "Nguye\xcc\x82\xcc\x83n";  // "Nguyễn" decomposed
const std::string kNfc = "Nguyễn";

TEST(CanonicalDump, SortedCompactNfc) {
  const json a = json::parse(R"({"b": [1, -2, 18446744073709551615, true, null], "a": {"y": "x", "x": ""}})");
  EXPECT_EQ(canonical_dump(a), R"({"a":{"x":"","y":"x"},"b":[1,-2,18446744073709551615,true,null]})");
  json nfd = json::object();
  nfd[kNfd] = kNfd;
  nfd["list"] = json::array({kNfd, json::object({{"z", 1}, {"ä", 2}, {"a", 3}})});
  json nfc = json::object();
  nfc["list"] = json::array({kNfc, json::object({{"a", 3}, {"ä", 2}, {"z", 1}})});
  nfc[kNfc] = kNfc;
  EXPECT_EQ(canonical_dump(nfd), canonical_dump(nfc));
  EXPECT_EQ(canonical_dump(nfc), R"({"Nguyễn":"Nguyễn","list":["Nguyễn",{"a":3,"z":1,"ä":2}]})");
  EXPECT_EQ(hoso::sha256_hex(canonical_dump(nfd)), hoso::sha256_hex(canonical_dump(nfc)));
}

TEST(CanonicalDump, KeysByBytesAfterNfc) {
  // U+212B (Å sign, bytes E2 84 AB) becomes U+00C5 (C3 85), which sorts before "é" (C3 A9) and "z".
  json j = json::object();
  j["\xe2\x84\xab"] = 1;
  j["z"] = 2;
  j["é"] = 3;
  EXPECT_EQ(canonical_dump(j), "{\"z\":2,\"Å\":1,\"é\":3}");
}

TEST(CanonicalDump, Escapes) {
  const json j = std::string("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f é", 17);
  EXPECT_EQ(canonical_dump(j), "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f é\"");
  EXPECT_EQ(canonical_dump(j), j.dump());  // the same escaping as nlohmann
  EXPECT_EQ(canonical_dump(json(std::string("a\xff"))), "\"a\xef\xbf\xbd\"");  // bad UTF-8 -> U+FFFD
}

TEST(CanonicalDump, ScalarsAndEmpty) {
  EXPECT_EQ(canonical_dump(json()), "null");
  EXPECT_EQ(canonical_dump(json::object()), "{}");
  EXPECT_EQ(canonical_dump(json::array()), "[]");
  EXPECT_EQ(canonical_dump(json(-9223372036854775807LL - 1)), "-9223372036854775808");
  EXPECT_EQ(canonical_dump(json(1.5)), "1.5");
  EXPECT_EQ(canonical_dump(json::parse(R"([[[]],{"a":[{}]}])")), R"([[[]],{"a":[{}]}])");
}

TEST(CanonicalDump, StableAcrossKeyOrderAndParsing) {
  const std::string a = R"({"z":{"b":[1,2,{"d":"Trần","c":null}],"a":"x"},"m":false})";
  const std::string b = "{ \"m\" : false,\n \"z\" : { \"a\" : \"x\", \"b\" : [ 1 , 2 , { \"c\" : null , \"d\" : \"Tra\xcc\x82\xcc\x80n\" } ] } }";
  EXPECT_EQ(canonical_dump(json::parse(a)), canonical_dump(json::parse(b)));
  EXPECT_EQ(canonical_dump(json::parse(canonical_dump(json::parse(b)))), canonical_dump(json::parse(b)));
}

TEST(CanonicalDump, DeepNestingWithoutRecursion) {
  json j = json::array();
  json* p = &j;
  for (int i = 0; i < 20000; ++i) {
    p->push_back(json::array());
    p = &p->back();
  }
  const std::string s = canonical_dump(j);
  EXPECT_EQ(s.size(), 2u * 20001);
  EXPECT_EQ(s.substr(0, 3), "[[[");
  // Let nlohmann's destructor, which is not recursive in 3.11, free it.
}

TEST(NormalizeNfc, StringsAndKeys) {
  json j = json::object();
  j[kNfd] = json::array({kNfd, 1, json::object({{kNfd, kNfd}})});
  const auto errors = normalize_nfc_in_place(j);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(j.dump(), json::parse(R"({"Nguyễn":["Nguyễn",1,{"Nguyễn":"Nguyễn"}]})").dump());
}

TEST(NormalizeNfc, CollisionsAreReportedNotMerged) {
  json j = json::object();
  j["outer"] = json::object();
  j["outer"][kNfc] = 1;
  j["outer"][kNfd] = 2;
  j["outer"]["ok"] = "Tra\xcc\x82\xcc\x80n";
  const auto errors = normalize_nfc_in_place(j);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].json_path_or_offset, "outer.Nguyễn");
  EXPECT_NE(errors[0].message_vi.find("NFC"), std::string::npos);
  EXPECT_NE(errors[0].message_en.find("NFC"), std::string::npos);
  EXPECT_EQ(j["outer"].size(), 3u);
  EXPECT_EQ(j["outer"][kNfc].get<int>(), 1);
  EXPECT_EQ(j["outer"][kNfd].get<int>(), 2);
  EXPECT_EQ(j["outer"]["ok"].get<std::string>(), "Trần");
}

// ---- parse_untrusted_json -------------------------------------------------------------------------

const ParseLimits kLimits{1 << 20, 16, 1000};

TEST(ParseUntrusted, AcceptsGoodJson) {
  const auto r = parse_untrusted_json(R"({"a":[1,2,{"b":"Nguyễn"}],"c":-1.5e3,"d":null})", kLimits);
  ASSERT_TRUE(r.ok()) << r.error->message_en;
  EXPECT_EQ(r.value["a"][2]["b"].get<std::string>(), "Nguyễn");
  EXPECT_EQ(r.value["c"].get<double>(), -1500.0);
  EXPECT_TRUE(parse_untrusted_json("  0 ", kLimits).ok());
  EXPECT_TRUE(parse_untrusted_json("\xEF\xBB\xBF{}", kLimits).ok());  // byte order mark
  const auto nfd = parse_untrusted_json("\"" + kNfd + "\"", kLimits);
  ASSERT_TRUE(nfd.ok());
  EXPECT_EQ(nfd.value.get<std::string>(), kNfd);  // returned as in the input
}

TEST(ParseUntrusted, RefusesTooLarge) {
  const auto r = parse_untrusted_json(std::string(2000, ' ') + "1", ParseLimits{2000, 16, 100});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error->message_en.find("too large"), std::string::npos);
  EXPECT_NE(r.error->message_vi.find("quá lớn"), std::string::npos);
  EXPECT_TRUE(r.value.is_null());
}

TEST(ParseUntrusted, RefusesInvalidUtf8WithOffset) {
  const auto r = parse_untrusted_json("{\"a\":\"x\xC3(\"}", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->json_path_or_offset, "byte 7");
  EXPECT_NE(r.error->message_en.find("UTF-8"), std::string::npos);
}

TEST(ParseUntrusted, RefusesDeepNestingFast) {
  const auto start = std::chrono::steady_clock::now();
  const auto r = parse_untrusted_json(std::string(100000, '['), ParseLimits{1 << 20, 64, 100});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->json_path_or_offset, "byte 64");
  EXPECT_NE(r.error->message_en.find("deeply"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  std::string ok(16, '['), too_deep(17, '{');
  ok += std::string(16, ']');
  EXPECT_TRUE(parse_untrusted_json(ok, kLimits).ok());
  EXPECT_FALSE(parse_untrusted_json(std::string(8, '[') + std::string(9, '{'), kLimits).ok());
  // Brackets inside strings do not count.
  EXPECT_TRUE(parse_untrusted_json("[\"" + std::string(100, '[') + "\\\"[[\"]", kLimits).ok());
}

TEST(ParseUntrusted, RefusesLongStringsAndKeys) {
  auto r = parse_untrusted_json(R"({"list":["short",")" + std::string(1001, 'x') + "\"]}", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->json_path_or_offset, "list[1]");
  EXPECT_NE(r.error->message_en.find("1001"), std::string::npos);
  EXPECT_TRUE(parse_untrusted_json("\"" + std::string(1000, 'x') + "\"", kLimits).ok());
  // The limit is on the unescaped bytes.
  std::string escaped = "\"";
  for (int i = 0; i < 1000; ++i) escaped += "\\u0041";
  EXPECT_TRUE(parse_untrusted_json(escaped + "\"", kLimits).ok());
  r = parse_untrusted_json("{\"" + std::string(1001, 'k') + "\":1}", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error->message_en.find("key"), std::string::npos);
}

TEST(ParseUntrusted, RefusesDuplicateKeysNamingKeyAndPath) {
  auto r = parse_untrusted_json(R"({"nominee":{"full_name":"A","x":1,"full_name":"B"}})", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->json_path_or_offset, "nominee.full_name");
  EXPECT_NE(r.error->message_vi.find("\"full_name\""), std::string::npos);
  EXPECT_NE(r.error->message_en.find("twice"), std::string::npos);
  r = parse_untrusted_json(R"({"report":{"targets":[{},{"a":1,"\u0061":2}]}})", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->json_path_or_offset, "report.targets[1].a");
  // Keys equal after NFC are duplicates too, in both orders.
  r = parse_untrusted_json("{\"" + kNfc + "\":1,\"" + kNfd + "\":2}", kLimits);
  ASSERT_FALSE(r.ok());
  r = parse_untrusted_json("{\"" + kNfd + "\":1,\"" + kNfc + "\":2}", kLimits);
  ASSERT_FALSE(r.ok());
  r = parse_untrusted_json("{\"" + kNfd + "\":1,\"b\":2,\"Nguye\\u0302\\u0303n\":2}", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(parse_untrusted_json(R"([{"a":1},{"a":2}])", kLimits).ok());  // other objects
}

TEST(ParseUntrusted, RefusesSyntaxErrorsWithOffset) {
  auto r = parse_untrusted_json("[1,2,]", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->json_path_or_offset, "byte 5");
  EXPECT_NE(r.error->message_vi.find("byte 5"), std::string::npos);
  r = parse_untrusted_json("{\"a\" 1}", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->json_path_or_offset, "byte 5");
  for (const char* bad : {"", " ", "{", "[1,2", "{\"a\":}", "tru", "nul", "01", "1.", "+1", "'a'", "[1 2]",
                          "{\"a\":1,}", "\"\\x\"", "\"a\x01\"", "\"\\ud800\"", "1e999", "NaN", "// c\n1"}) {
    r = parse_untrusted_json(bad, kLimits);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error->json_path_or_offset.rfind("byte ", 0), 0u) << bad;
    }
  }
}

TEST(ParseUntrusted, RefusesTrailingGarbage) {
  auto r = parse_untrusted_json("{\"a\":1} x", kLimits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->json_path_or_offset, "byte 8");
  EXPECT_FALSE(parse_untrusted_json("1 2", kLimits).ok());
  EXPECT_FALSE(parse_untrusted_json("{}{}", kLimits).ok());
  EXPECT_TRUE(parse_untrusted_json("{} \n\t", kLimits).ok());
}

TEST(ParseUntrusted, NeverThrowsOnMangledInput) {
  const std::string base = R"({"a":[1,"Nguyễn",{"b":null,"c":[true,false,-0.5e-3]}],"d":"\u00e9\n"})";
  for (std::size_t i = 0; i < base.size(); ++i) {
    for (const char c : {'\0', '"', '[', '}', '\\', ',', '\xc3', 'x'}) {
      std::string s = base;
      s[i] = c;
      // A throw would fail this test natively (gtest catches it) and abort it in the wasm build
      // (no exceptions there). A refusal always says why, in both languages.
      for (const hoso::ParseResult& r : {parse_untrusted_json(s, kLimits), parse_untrusted_json(s.substr(0, i), kLimits)}) {
        if (r.ok()) continue;
        EXPECT_FALSE(r.error->message_vi.empty()) << i;
        EXPECT_FALSE(r.error->message_en.empty()) << i;
      }
    }
  }
}

}  // namespace
