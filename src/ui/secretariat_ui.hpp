#pragma once
// What the secretariat's screens (intake, register, council) share: the dialog that asks for a
// reason before an act that needs one, colours for verdicts and statuses, and the unit's import of
// the return note the register makes (the other end of the same exchange).
#include <optional>
#include <string>
#include <string_view>

#include "core/intake.hpp"
#include "core/registry.hpp"
#include "imgui.h"

namespace hoso::app {
class Session;
}

namespace hoso::ui {

// ---- the reason dialog -------------------------------------------------------------------------
// One question at a time: what will happen, why it needs a reason, the button that does it.
// `action` names what the screen does when confirmed ("return:<dossier id>").
struct ReasonRequest {
  std::string title;
  std::string detail;
  std::string confirm;
  std::string action;
  std::string reason;     // prefilled (the current return reason, say)
  bool danger = false;
  bool required = true;      // the confirm button waits for a reason
  bool with_reason = true;   // false: a plain confirmation
};
void ask_reason(ReasonRequest r);
struct Confirmed {
  std::string action, reason;
};
// Draws the dialog while one is asked (ids "dialog.reason", "dialog.confirm", "dialog.cancel").
// Returns the confirmed action, once, in the frame the person confirms it.
std::optional<Confirmed> reason_dialog();
// "return:abc" -> "abc" when `action` starts with `verb` and ':'.
std::optional<std::string_view> action_arg(std::string_view action, std::string_view verb);

// ---- colours -----------------------------------------------------------------------------------
struct Tone {
  ImU32 fg, bg;
};
Tone verdict_tone(Verdict v);
Tone status_tone(Status s);
Tone standing_tone(Standing s);

// On every secretariat screen while the campaign is closed: when, and that it is for reading.
void closed_notice(const Registry& r);

}  // namespace hoso::ui
