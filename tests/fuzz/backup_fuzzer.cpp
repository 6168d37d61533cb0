// libFuzzer target for backup restore: verify_backup on arbitrary bytes against an empty store.
// Mutations almost always break a blob's or the document's SHA-256, checked before the plan is
// made; so each input is also tried re-sealed (every blob's size and SHA-256 and the content hash
// recomputed, as someone editing a backup by hand would) to reach the record checks behind them.
// Run by scripts/fuzz.sh; seeds in tests/fuzz/corpus/backup/.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/canonical_json.hpp"
#include "core/sha256.hpp"
#include "store/backup.hpp"
#include "store/record_readers.hpp"
#include "fuzz_support.hpp"

namespace {

using nlohmann::json;

const hoso::store::RecordStore& empty_store() {
  static const hoso::store::RecordStore store = [] {
    const auto dir = std::filesystem::temp_directory_path() / ("hoso_backup_fuzzer_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return hoso::store::RecordStore(dir);
  }();
  return store;
}

std::optional<std::string> reseal(std::string_view bytes) {
  hoso::ParseResult p = hoso::parse_untrusted_json(bytes, {std::size_t{1} << 20, 70, std::size_t{256} << 10});
  if (!p.ok() || !p.value.is_object()) return std::nullopt;
  json& doc = p.value;
  hoso::fuzz::reseal_base64_items(doc, "blobs");
  doc.erase("content_sha256");
  doc["content_sha256"] = hoso::sha256_hex(hoso::canonical_dump(doc));
  return doc.dump();
}

void check(std::string_view bytes) {
  auto plan = hoso::store::verify_backup(bytes, empty_store(), "fuzz.json");
  if (!plan) {
    hoso::fuzz::require_reason(plan.error().detail.what);
    return;
  }
  // Nothing is in the store: everything is new, and every record reads as its type.
  if (plan->count(hoso::store::PlanAction::add) != plan->records.size() + plan->blobs.size()) std::abort();
  for (const auto& r : plan->records)
    if (hoso::store::model_problem(r.name, r.data)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bytes);
  if (auto sealed = reseal(bytes)) check(*sealed);
  return 0;
}
