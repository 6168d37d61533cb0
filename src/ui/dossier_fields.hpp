#pragma once
// Pieces of the dossier form shared by the editor and the dashboard's quick form: the nominee kind
// toggle, identity fields, and any template field (every field type, repeating rows included).
#include <string_view>

#include "core/dossier.hpp"
#include "core/report_template.hpp"
#include "ui/widgets.hpp"

namespace hoso::app {
class Session;
}

namespace hoso::ui {

// Two buttons, "Cá nhân" and "Tập thể"; returns true when the person chose the other kind.
bool kind_toggle(NomineeKind& kind, std::string_view id);

// The summary's length limit from its template (0 when none).
int summary_limit(app::Session& s, const Dossier& d);

// One identity field of the nominee ("nominee.<id>"), edited through the session.
void identity_field(app::Session& s, const Dossier& d, const IdentityField& f, const FindingIndex& idx);

// One template field of the report ("report.<id>"), all types; rows with add, remove and reorder.
// A field bound elsewhere ("bind": "nominee.full_name") shows that value read-only.
void template_field(app::Session& s, const Dossier& d, const ReportTemplate& t, const Field& f, const FindingIndex& idx);

// A template field of any type but rows at `path` (a report field, a row cell, a minutes field);
// returns the new value when the person changed it. Focuses itself when a finding chose it.
std::optional<nlohmann::json> typed_field(app::Session& s, const Field& f, std::string_view path,
                                          const nlohmann::json& value, const FindingIndex& idx, bool read_only = false);

// What the person did to a meeting's absent members this frame. The screen applies it its own
// way: the unit's minutes through the session, the council's session on its copy.
struct AbsentEdit {
  enum class Kind { none, set, add, remove } kind = Kind::none;
  std::size_t row = 0;
  std::string cell;  // set: the cell's path, "<path>[row].<column>"
  nlohmann::json value;
};
// One ballot's two counts, "<base>.for" and "<base>.against", in the unit's minutes and the
// council's session alike. On a card, the labels in one row and the inputs in the next (they line
// up when a phone wraps one label and not the other); in a table row, one cell each, the labels
// given to the items. A null value shows empty (nothing typed). `focus_for` also focuses the
// first input (a finding that points at the votes as a whole). Returns the member changed
// ("for" or "against") and its new value.
struct BallotEdit {
  const char* member = nullptr;
  nlohmann::json value;
};
BallotEdit ballot_inputs(app::Session& s, std::string_view base, const std::string& for_label, const std::string& against_label,
                         const nlohmann::json& votes_for, const nlohmann::json& votes_against, const FindingIndex& idx,
                         bool in_table, bool read_only = false, std::string_view focus_for = {});

// A meeting's absent members (the unit's minutes and the council's session alike): a card per
// member, "Người vắng mặt 2" over the fields of `rows`' columns (name, reason, written opinion),
// its remove button, then `add_label`'s button. Items "<path>[i].<column>", "<path>[i].remove",
// "<path>.add".
AbsentEdit absent_members(app::Session& s, const Field& rows, std::string_view path, const std::vector<AbsentMember>& list,
                          const FindingIndex& idx, const char* add_label, bool read_only = false);

// Edits a dossier value and reports a refusal as a toast.
void apply_edit(app::Session& s, const Dossier& d, std::string_view path, const nlohmann::json& value);

}  // namespace hoso::ui
