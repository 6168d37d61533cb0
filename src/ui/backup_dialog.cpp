// The settings screen's dialog for a verified backup waiting for the person's answer
// (app/backup_actions.hpp): what it would add and, above all, what it would replace.
#include <algorithm>

#include "app/backup_actions.hpp"
#include "app/session.hpp"
#include "core/date.hpp"
#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

constexpr const char* kDialog = "##backup.restore";
constexpr std::size_t kListedReplacements = 10;

}  // namespace

void backup_restore_dialog(app::Session& s) {
  const auto& pending = app::pending_backup();
  static int opened = 0;  // the backup the dialog was opened for
  if (!pending) return;
  if (opened != pending->seq) {
    ImGui::OpenPopup(kDialog);
    opened = pending->seq;
  }
  // A fixed width (the text wraps to it), the height of the content.
  ImGui::SetNextWindowSize(ImVec2(std::min(em() * 28, ImGui::GetMainViewport()->Size.x - em() * 2), 0), ImGuiCond_Always);
  if (!ImGui::BeginPopupModal(kDialog, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings)) {
    app::forget_pending_backup();  // closed from outside
    return;
  }
  const Palette& p = palette();
  subheading(tr("backup.confirm_title"));
  std::string created = pending->plan.created_at;
  if (auto t = parse_iso_instant(created)) created = to_display_vietnam(*t);
  muted(trf("backup.confirm_file", {pending->file_name, created}).c_str());
  spacer(0.3f);
  const std::string added = app::added_text(*pending);
  if (!added.empty()) wrapped(trf("backup.will_add", {added}).c_str());
  const bool replaces = !pending->replaced.empty();
  if (replaces) {
    if (!added.empty()) spacer(0.2f);
    colored_wrapped(p.warning, trf("backup.will_replace", static_cast<long long>(pending->replaced.size())).c_str());
    const std::size_t shown = std::min(pending->replaced.size(), kListedReplacements);
    for (std::size_t i = 0; i < shown; ++i) wrapped(("• " + pending->replaced[i]).c_str());
    if (pending->replaced.size() > shown)
      muted(trf("findings.more", static_cast<long long>(pending->replaced.size() - shown)).c_str());
  }
  if (!pending->dropped.empty()) {
    spacer(0.2f);
    colored_wrapped(p.warning, trf("backup.will_set_aside", static_cast<long long>(pending->dropped.size())).c_str());
    const std::size_t shown = std::min(pending->dropped.size(), kListedReplacements);
    for (std::size_t i = 0; i < shown; ++i) wrapped(("• " + pending->dropped[i]).c_str());
    if (pending->dropped.size() > shown)
      muted(trf("findings.more", static_cast<long long>(pending->dropped.size() - shown)).c_str());
  }
  spacer(0.2f);
  small_muted(tr("backup.swap_note"));
  spacer(0.3f);
  const bool restore = button(tr("backup.restore"), "backup.confirm",
                              replaces || !pending->dropped.empty() ? ButtonKind::danger : ButtonKind::primary);
  ImGui::SameLine();
  const bool cancel = button(tr("action.cancel"), "backup.cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
  if (restore || cancel) ImGui::CloseCurrentPopup();
  if (restore) app::restore_pending_backup(s);
  else if (cancel) app::forget_pending_backup();
  ImGui::EndPopup();
}

}  // namespace hoso::ui
