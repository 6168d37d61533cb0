#pragma once
// A returned dossier's reason, carried back to the unit as a small JSON file (return_note.cpp):
// made by the secretariat, read and applied by the unit's app.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry.hpp"

namespace hoso {

// ---- return notes ------------------------------------------------------------------------------

inline constexpr std::string_view kReturnNoteFormat = "hoso-return-note";
inline constexpr int kReturnNoteFormatVersion = 1;

// The reason a dossier was returned, as a small JSON file for the unit's app
// (assets/schema/return-note.schema.json).
struct ReturnNote {
  ContentRef campaign;
  Sender unit;
  std::string package_id;
  int package_revision = 0;
  std::string dossier_id;
  std::string nominee_name;
  std::string reason;
  Millis time = 0;          // when it was returned
  std::string returned_by;  // the secretariat's author; may be empty
  bool operator==(const ReturnNote&) const = default;
};

// For a returned dossier (its decision's reason and time); refused for any other status.
Outcome<ReturnNote> make_return_note(const Registry& r, const Campaign& c, std::string_view dossier_id);
nlohmann::json to_json(const ReturnNote& n);
std::string return_note_text(const ReturnNote& n);  // canonical JSON, the file's bytes
// "hoso_tra-lai_<unit slug>_<nominee slug>.json"
std::string return_note_file_name(const ReturnNote& n);
// An untrusted file: parse_untrusted_json, format and version, members and types.
inline constexpr std::size_t kReturnNoteMaxBytes = std::size_t{1} << 20;  // a note is a few hundred bytes
Outcome<ReturnNote> read_return_note(std::string_view file_name, std::string_view bytes);

// The unit's side. Its status machine has no "returned" (draft, ready, exported): the dossier
// goes back to draft (ready/exported -> draft, audited) so it can be corrected and sent again, and
// the reason is stored in return_reason (audited) for the dossier screen to show. Refused when the
// note is for another campaign or unit, or names a dossier the workspace does not have. Returns
// whether anything changed (applying the same note twice changes nothing).
Outcome<bool> apply_return_note(Workspace& w, const ReturnNote& n, const EditContext& ctx);

}  // namespace hoso
