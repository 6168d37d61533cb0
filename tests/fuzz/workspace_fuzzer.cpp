// libFuzzer target for workspace files (workspace_from_text: the whole workspace as one JSON
// document). Whatever it accepts must write back (to_json) to a document that reads as the same
// workspace. Run by scripts/fuzz.sh; seeds in tests/fuzz/corpus/workspace/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/workspace.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto w = hoso::workspace_from_text(bytes, "fuzz.json");
  if (!w) {
    hoso::fuzz::require_reason(w.error().what);
    return 0;
  }
  auto again = hoso::workspace_from_json(hoso::to_json(*w), "again.json");
  if (!again || !(*again == *w)) std::abort();
  return 0;
}
