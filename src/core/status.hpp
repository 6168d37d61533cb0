#pragma once
// A dossier's life: the unit's side (draft -> ready -> exported) and the secretariat's (received ->
// eligible / returned -> proposed -> awarded / not awarded). One function decides which changes are
// legal and says why the others are refused.
#include <array>
#include <optional>
#include <string_view>

#include "core/bilingual.hpp"

namespace hoso {

enum class Status {
  draft,        // the unit is writing it
  ready,        // complete: validation found no error
  exported,     // in a package sent to the secretariat
  received,     // imported by the secretariat
  eligible,     // checked by the secretariat: complete and within the rules
  returned,     // sent back to the unit, with a reason
  proposed,     // put to the council
  awarded,
  not_awarded,
};
inline constexpr std::array<Status, 9> kAllStatuses = {
    Status::draft,    Status::ready,    Status::exported, Status::received,   Status::eligible,
    Status::returned, Status::proposed, Status::awarded,  Status::not_awarded};

std::string_view to_string(Status s);  // "draft", "not_awarded", ...
std::optional<Status> status_from_string(std::string_view s);
Bilingual status_label(Status s);  // "Nháp" / "Draft"
// The unit may edit content only in its own statuses; the secretariat's register keeps what was
// submitted (a correction comes back as a new revision from the unit).
bool is_unit_status(Status s);  // draft, ready, exported
// Still a nomination: everything except returned and not_awarded. Only these count against a
// quota and as the same nominee put forward twice.
bool is_live(Status s);

enum class Role { unit, secretariat };
std::string_view to_string(Role r);
std::optional<Role> role_from_string(std::string_view s);

// Why `from -> to` is refused for `role`, or nullopt when the state machine allows it.
//   unit:        draft -> ready, ready -> draft, ready -> exported, exported -> draft
//   secretariat: exported -> received, received -> eligible | returned, eligible -> proposed |
//                returned | received, returned -> received, proposed -> awarded | not_awarded |
//                eligible, awarded | not_awarded -> proposed (to correct a mistaken entry)
// Conditions beyond the state machine (no validation error for "ready", a reason for "returned")
// are checked by change_status() in edit.hpp.
std::optional<Bilingual> refuse_transition(Status from, Status to, Role role);

}  // namespace hoso
