// libFuzzer target for the campaign file reader (core/campaign_file.hpp): read_campaign_file on
// arbitrary bytes and, when it accepts, adding the campaign to a copy of the built-in library (what
// accepting it in the app does). Mutations almost always break the seal ("content_sha256"), which
// is checked before the campaign is read; so each input is also tried re-sealed, to reach the
// checks behind it. Run by scripts/fuzz.sh; seeds in tests/fuzz/corpus/campaign/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "core/campaign_file.hpp"
#include "core/canonical_json.hpp"
#include "core/library.hpp"
#include "fuzz_support.hpp"

namespace {

std::optional<std::string> reseal(std::string_view bytes) {
  hoso::ParseResult p = hoso::parse_untrusted_json(bytes, {hoso::kMaxCampaignFileBytes, 32, hoso::kMaxCampaignFileBytes});
  if (!p.ok() || !p.value.is_object()) return std::nullopt;
  return hoso::seal_campaign_file(p.value);
}

void check(std::string_view bytes) {
  auto file = hoso::read_campaign_file("fuzz.json", bytes);
  if (!file) {
    hoso::fuzz::require_reason(file.error().what);
    return;
  }
  const hoso::Campaign& c = file->campaign;
  if (c.hash.size() != 64 || c.hash != hoso::campaign_content_hash(file->content)) std::abort();
  if (c.deadline.last_day < c.period.start) std::abort();
  for (const auto& f : c.award_forms)
    if (hoso::has_placeholder_criteria(f)) std::abort();
  // What the workspace keeps reads back as the same campaign.
  auto again = hoso::read_campaign_file("again.json", hoso::seal_campaign_file(file->content));
  if (!again || !(again->campaign == c)) std::abort();
  hoso::Library lib = hoso::fuzz::builtin_library();
  auto added = lib.add(c);
  if (added && !lib.campaign(c.id)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bytes);
  if (auto sealed = reseal(bytes)) check(*sealed);
  return 0;
}
