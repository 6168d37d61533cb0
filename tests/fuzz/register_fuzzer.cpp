// libFuzzer target for the secretariat's register records: a package revision, a decision, a
// council meeting and the register's head, each read from the same JSON. Whatever a reader accepts
// must write back (to_json) to something that reads as the same value.
// Run by scripts/fuzz.sh; seeds in tests/fuzz/corpus/register/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/canonical_json.hpp"
#include "core/council.hpp"
#include "core/registry.hpp"
#include "fuzz_support.hpp"

namespace {

template <class T, class Read, class Write>
void round_trip(const nlohmann::json& j, Read read, Write write) {
  auto first = read(j);
  if (!first) {
    hoso::fuzz::require_reason(first.error().what);
    return;
  }
  auto again = read(write(*first));
  if (!again || !(*again == *first)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hoso::ParseResult p = hoso::parse_untrusted_json(bytes, {std::size_t{1} << 20, 62, std::size_t{256} << 10});
  if (!p.ok()) return 0;
  const nlohmann::json& j = p.value;
  using nlohmann::json;
  round_trip<hoso::PackageRevision>(j, [](const json& x) { return hoso::revision_from_json(x, "r.json"); },
                                    [](const hoso::PackageRevision& r) { return hoso::to_json(r); });
  round_trip<hoso::Decision>(j, [](const json& x) { return hoso::decision_from_json(x, "d.json"); },
                             [](const hoso::Decision& d) { return hoso::to_json(d); });
  round_trip<hoso::CouncilMeeting>(j, [](const json& x) { return hoso::meeting_from_json(x, "m.json"); },
                                   [](const hoso::CouncilMeeting& m) { return hoso::to_json(m); });
  round_trip<hoso::Registry>(j, [](const json& x) { return hoso::registry_state_from_json(x, "s.json"); },
                             [](const hoso::Registry& r) { return hoso::registry_state_json(r); });
  return 0;
}
