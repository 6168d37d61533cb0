#pragma once
// Changing dossiers and minutes. Every change goes through here so the audit trail (who, when,
// path, old -> new), the `updated` time and the status stay consistent:
//   - values are NFC-normalised; dates people type are stored as ISO when valid, else as typed;
//   - a value equal to the current one changes nothing and records nothing;
//   - editing a dossier that is ready or exported puts it back to draft (a ready dossier must be
//     re-checked, an exported one needs a new revision), recorded as a status change;
//   - dossiers in the secretariat's statuses are not editable (the unit sends a new revision).
// edit.cpp implements reading and the dossier edits; minutes_edit.cpp the minutes edits (the
// Minutes overloads of set_field, add_row and remove_row, and remove_vote).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/dossier.hpp"
#include "core/minutes.hpp"
#include "core/status.hpp"

namespace hoso {

class Library;
struct Finding;

struct EditContext {
  std::string author;
  Millis now = 0;
};

// The value at a path (null if the path names nothing set). Paths as in paths.hpp.
nlohmann::json get_field(const Dossier& d, std::string_view path);
nlohmann::json get_field(const Minutes& m, std::string_view path);

// Sets one value. Returns whether anything changed, or why the edit is refused (unknown path,
// wrong JSON type, row index out of range, a locked dossier). The library gives report field
// types (dates, numbers); a report field the template does not know is stored as given.
// Paths: nominee.<identity field> (nominee.kind changes the kind, see set_kind), award_form,
// criteria.<id>.met|evidence, summary.text, report.<field>, report.<rows>[i].<column>,
// flags.under_discipline|under_inspection|under_investigation.
Outcome<bool> set_field(const Library& lib, Dossier& d, std::string_view path,
                        const nlohmann::json& value, const EditContext& ctx);
// Minutes paths: minutes.<field>, minutes.absent[i].name|reason,
// minutes.votes.<dossier id>.for|against|award_form (creates the vote when missing).
Outcome<bool> set_field(Minutes& m, std::string_view path, const nlohmann::json& value,
                        const EditContext& ctx);

// Changes the nominee kind: clears the other kind's identity fields (each one audited, so nothing
// is lost from the record), drops the criteria of the old kind, and records the report and summary
// templates the campaign names for the new kind.
Outcome<bool> set_kind(const Library& lib, const Campaign& c, Dossier& d, NomineeKind kind,
                       const EditContext& ctx);

// Rows of a report rows field ("report.targets") or of the minutes ("minutes.absent").
// add_row appends an empty row and returns its index; remove_row and move_row keep the others'
// order. Audited as the row (add/remove) or the whole list (move).
Outcome<std::size_t> add_row(const Library& lib, Dossier& d, std::string_view rows_path,
                             const EditContext& ctx);
Outcome<bool> remove_row(Dossier& d, std::string_view rows_path, std::size_t index,
                         const EditContext& ctx);
Outcome<bool> move_row(Dossier& d, std::string_view rows_path, std::size_t from, std::size_t to,
                       const EditContext& ctx);
Outcome<std::size_t> add_row(Minutes& m, std::string_view rows_path, const EditContext& ctx);
Outcome<bool> remove_row(Minutes& m, std::string_view rows_path, std::size_t index,
                         const EditContext& ctx);
Outcome<bool> remove_vote(Minutes& m, std::string_view dossier_id, const EditContext& ctx);

// Attachments (metadata only). Path "attachments".
Outcome<bool> add_attachment(Dossier& d, Attachment a, const EditContext& ctx);
Outcome<bool> remove_attachment(Dossier& d, std::string_view attachment_id, const EditContext& ctx);

// Status changes. `findings` is the current validation output (any dossiers'; this one's are
// picked out): an error refuses "ready". "returned" needs a reason. The state machine is
// refuse_transition() in status.hpp.
struct StatusChange {
  Status to = Status::draft;
  Role role = Role::unit;
  std::string reason;  // for "returned"
};
std::optional<Bilingual> refuse_status_change(const Dossier& d, const StatusChange& change,
                                              std::span<const Finding> findings);
Outcome<bool> change_status(Dossier& d, const StatusChange& change,
                            std::span<const Finding> findings, const EditContext& ctx);
// Called by packaging once a package holding the dossier is written: ready -> exported, with the
// time and the package hash.
Outcome<bool> mark_exported(Dossier& d, std::string_view package_hash, const EditContext& ctx);

// A start for a similar nominee: same campaign, kind, award form, templates, criteria assessment,
// summary and report content, and the unit (individual: unit; collective: parent unit, address);
// the identity is cleared, as are attachments (they are the other nominee's papers), flags
// (each person declares their own), status (draft), export info and audit trail (a new trail that
// starts with "created from <source id>").
Dossier duplicate_dossier(const Dossier& source, std::string new_id, const EditContext& ctx);

}  // namespace hoso
