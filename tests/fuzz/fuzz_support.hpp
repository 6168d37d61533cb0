#pragma once
// What the fuzz targets share: the built-in library, the rule that every refusal says why in both
// languages (a crash for the fuzzer otherwise), and re-sealing the base64 items of a document
// (size and SHA-256 recomputed, as a forger would) so mutations reach the checks behind the hashes.
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/canonical_json.hpp"
#include "core/library.hpp"
#include "core/sha256.hpp"

namespace hoso::fuzz {

inline const Library& builtin_library() {
  static const Library lib = [] {
    auto l = load_builtin_library();
    if (!l) std::abort();  // a broken build, not a finding
    return std::move(l).value();
  }();
  return lib;
}

// Every refusal names what is wrong, in Vietnamese and in English.
inline void require_reason(const Bilingual& what) {
  if (what.vi.empty() || what.en.empty()) std::abort();
}

// Each object of doc[list_key] that carries "base64" gets the "size" and "sha256" of its bytes.
inline void reseal_base64_items(nlohmann::json& doc, std::string_view list_key) {
  auto list = doc.find(std::string(list_key));
  if (list == doc.end() || !list->is_array()) return;
  for (nlohmann::json& item : *list) {
    if (!item.is_object()) continue;
    auto b64 = item.find("base64");
    if (b64 == item.end() || !b64->is_string()) continue;
    if (auto decoded = base64_decode(b64->get_ref<const std::string&>())) {
      item["size"] = decoded->size();
      item["sha256"] = sha256_hex(*decoded);
    }
  }
}

}  // namespace hoso::fuzz
