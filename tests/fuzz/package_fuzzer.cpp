// libFuzzer target for package import: verify_package (and, when it accepts, the import plan) on
// arbitrary bytes. Mutations almost always break the manifest's hash, which is checked before the
// dossiers are read; so each input is also tried re-sealed, with every attachment's size and
// SHA-256 and the manifest recomputed as a forger would, to reach the checks behind the hashes.
// Run by scripts/fuzz.sh; seeds in tests/fuzz/corpus/package/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "core/canonical_json.hpp"
#include "core/library.hpp"
#include "core/package.hpp"
#include "core/sha256.hpp"
#include "fuzz_support.hpp"

namespace {

using nlohmann::json;

// Smaller than the real limits, so the fuzzer spends its time on structure, not on megabytes.
constexpr hoso::VerifyLimits kLimits{std::size_t{1} << 20, 32, std::size_t{256} << 10};

std::optional<std::string> reseal(std::string_view bytes) {
  hoso::ParseResult p = hoso::parse_untrusted_json(bytes, {kLimits.max_bytes, kLimits.max_depth, kLimits.max_string_bytes});
  if (!p.ok() || !p.value.is_object()) return std::nullopt;
  json& j = p.value;
  hoso::fuzz::reseal_base64_items(j, "attachments");
  j["manifest"] = {{"content_sha256", hoso::package_content_hash(j)}};
  return hoso::canonical_dump(j);
}

void check(std::string_view bytes) {
  auto v = hoso::verify_package(hoso::fuzz::builtin_library(), "fuzz.json", bytes, kLimits);
  if (!v) {
    hoso::fuzz::require_reason(v.error().what);
    return;
  }
  if (v->header.content_hash.size() != 64) std::abort();
  hoso::Workspace empty;
  auto imported = hoso::apply_import(empty, *v);
  if (!imported) return;
  // Importing the same package again is recognised.
  auto again = hoso::plan_import(imported->workspace, *v);
  if (again && again->kind != hoso::ImportKind::already_imported) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bytes);
  if (auto sealed = reseal(bytes)) check(*sealed);
  return 0;
}
