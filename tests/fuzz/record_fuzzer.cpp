// libFuzzer target for stored records: the envelope parser (parse_record) and the model reader the
// loader applies to each record name. The first byte picks the name; the rest is the file. When
// the rest parses as a JSON object it is also tried as a record's data inside a good envelope, so
// mutations reach the dossier, minutes, settings and register readers. Whatever reads must write
// back to something that reads again (the store never writes what it would not load).
// Run by scripts/fuzz.sh; seeds in tests/fuzz/corpus/record/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/canonical_json.hpp"
#include "store/record_readers.hpp"
#include "store/store_files.hpp"
#include "fuzz_support.hpp"

namespace {

using nlohmann::json;

constexpr std::string_view kNames[] = {
    "workspace.json",          "dossiers/d.json",           "minutes/m.json",           "registry/state.json",
    "registry/packages/k.json", "registry/decisions/d.json", "registry/sessions/s.json", "other/x.json",
};

void check(const std::string& name, std::string_view bytes) {
  auto record = hoso::store::parse_record(name, bytes);
  if (!record) {
    hoso::fuzz::require_reason(record.error().detail.what);
    return;
  }
  if (!record->data.is_object()) std::abort();  // the envelope guarantees an object
  if (auto problem = hoso::store::model_problem(name, record->data)) hoso::fuzz::require_reason(problem->what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string name(kNames[data[0] % std::size(kNames)]);
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  check(name, bytes);
  hoso::ParseResult p = hoso::parse_untrusted_json(bytes, {std::size_t{1} << 20, 62, std::size_t{256} << 10});
  if (p.ok() && p.value.is_object()) {
    const json envelope = {{"format", "hoso-record"}, {"version", 1}, {"seq", 3},
                           {"saved_at", "2025-10-20T08:15:00.000Z"}, {"data", p.value}};
    check(name, envelope.dump());
  }
  return 0;
}
