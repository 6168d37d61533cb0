// libFuzzer target for return notes (read_return_note: the file a secretariat sends back to a
// unit). Whatever it accepts must write back (return_note_text) to the same note, and applying it
// to a workspace that lacks the dossier is refused with a reason, never a crash.
// Run by scripts/fuzz.sh; seeds in tests/fuzz/corpus/return_note/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/registry.hpp"
#include "fuzz_support.hpp"
#include "core/return_note.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto note = hoso::read_return_note("fuzz.json", bytes);
  if (!note) {
    hoso::fuzz::require_reason(note.error().what);
    return 0;
  }
  auto again = hoso::read_return_note("again.json", hoso::return_note_text(*note));
  if (!again || !(*again == *note)) std::abort();
  hoso::Workspace empty;
  auto applied = hoso::apply_return_note(empty, *note, hoso::EditContext{"fuzz", 0});
  if (applied && *applied) std::abort();  // nothing to change in an empty workspace
  return 0;
}
