// A dossier's attachments, in its editor: add from the file picker (phones offer the camera too),
// each shown as a type tile with its name, type, size and when it was added; open it in a new tab;
// remove it after a confirmation. The limits are stated before anyone reaches them; a refused file
// is named in the message. What the picker returns arrives in file_routing.cpp.
#include <algorithm>
#include <cfloat>

#include "app/session.hpp"
#include "core/attachments.hpp"
#include "core/edit.hpp"
#include "core/paths.hpp"
#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {

void attachments_section(app::Session& s, const Dossier& d, const FindingIndex& idx);

namespace {

// The attachment waiting for "remove?" to be answered. The row asks; the dialog opens in the
// section's own ID scope (a row's card is a child window with IDs of its own).
struct PendingRemoval {
  std::string dossier_id, attachment_id, name;
  bool open_dialog = false;
};
PendingRemoval pending;

constexpr const char* kConfirmPopup = "##confirm_remove_attachment";

std::string attachment_path(size_t i, std::string_view action) {
  return std::string(kAttachmentsPath) + "[" + std::to_string(i) + "]." + std::string(action);
}

void open_attachment(app::Session& s, const Attachment& a) {
  auto bytes = s.attachment_bytes(a.sha256);
  if (bytes) {
    // By its bytes, not its claimed type: only what cannot run script opens in a tab.
    const OpenAs how = safe_open(*bytes);
    if (how.in_tab) s.platform().open_file(a.name, how.mime, *bytes);
    else s.platform().download(a.name, how.mime, *bytes);
  } else s.toast(app::Toast::Kind::error, app::Message::failed("attachments.missing", bytes.error(), {a.name}), 12);
}

// A square naming the file's type ("PDF", "JPEG"), in the colours of its kind; a click opens it.
bool type_tile(const Attachment& a, std::string_view id, float size) {
  const Palette& p = palette();
  const bool image = is_image(a.mime_type);
  const ImU32 fg = image ? p.primary : p.error, bg = image ? p.accent_bg : p.error_bg;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  std::string bid = "##" + std::string(id);
  bool clicked = ImGui::InvisibleButton(bid.c_str(), ImVec2(size, size));
  annotate(a.name.c_str(), id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), bg, em() * 0.4f);
  if (ImGui::IsItemHovered()) dl->AddRect(pos, ImVec2(pos.x + size, pos.y + size), fg, em() * 0.4f);
  // A folded corner says "document"; the label says which.
  const float fold = size * 0.28f;
  dl->AddTriangleFilled(ImVec2(pos.x + size - fold, pos.y), ImVec2(pos.x + size, pos.y + fold),
                        ImVec2(pos.x + size - fold, pos.y + fold), fg);
  const std::string label = type_label(a.mime_type, a.name);
  ImGui::PushFont(fonts.bold);
  float font = ImGui::GetFontSize() * (label.size() > 3 ? 0.8f : 0.9f);
  ImVec2 ts = fonts.bold->CalcTextSizeA(font, FLT_MAX, 0, label.c_str());
  dl->AddText(fonts.bold, font, ImVec2(pos.x + (size - ts.x) * 0.5f, pos.y + (size - ts.y) * 0.6f), fg, label.c_str());
  ImGui::PopFont();
  return clicked;
}

void confirm_removal(app::Session& s, const Dossier& d) {
  if (pending.open_dialog) {
    pending.open_dialog = false;
    ImGui::OpenPopup(kConfirmPopup);
  }
  if (!ImGui::BeginPopupModal(kConfirmPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
    return;
  const bool appearing = ImGui::IsWindowAppearing();
  ImGui::PushTextWrapPos(std::min(em() * 20, ImGui::GetMainViewport()->Size.x - em() * 4));
  ImGui::TextUnformatted(trf("attachments.confirm_remove", {pending.name}).c_str());
  ImGui::PopTextWrapPos();
  spacer(0.3f);
  // Enter confirms, Escape cancels (not the key press that opened the dialog).
  bool remove = button(tr("attachments.remove"), "confirm.remove_attachment", ButtonKind::danger) ||
                (!appearing && ImGui::IsKeyPressed(ImGuiKey_Enter, false));
  ImGui::SameLine();
  bool cancel = button(tr("action.cancel"), "confirm.cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
  if (remove && pending.dossier_id == d.id) {
    auto r = s.remove_attachment(d, pending.attachment_id);
    if (r && *r) {
      s.toast(app::Toast::Kind::info, app::Message("attachments.removed", {pending.name}));
    } else if (!r) {
      s.toast(app::Toast::Kind::error, app::Message::error(r.error()));
    }
  }
  if (remove || cancel) {
    pending = PendingRemoval{};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void attachment_row(app::Session& s, const Dossier& d, size_t i, bool locked) {
  const Attachment& a = d.attachments[i];
  const bool phone = is_phone();
  ImGui::PushID(a.id.c_str());
  begin_card("##attachment");
  const float tile = em() * 2.8f;
  if (type_tile(a, attachment_path(i, "tile"), tile)) open_attachment(s, a);
  ImGui::SameLine(0, em() * 0.75f);

  const ImGuiStyle& style = ImGui::GetStyle();
  const char* open_label = tr("attachments.open");
  const char* remove_label = tr("attachments.remove");
  const float buttons_w = ImGui::CalcTextSize(open_label).x + ImGui::CalcTextSize(remove_label).x +
                          style.FramePadding.x * 4 + style.ItemSpacing.x;
  // On a laptop the buttons sit at the right; on a phone they go under the text.
  const float text_right = phone ? 0.0f : ImGui::GetContentRegionMax().x - buttons_w - style.ItemSpacing.x;
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(text_right);
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(a.name.c_str());
  ImGui::PopFont();
  std::string details = type_label(a.mime_type, a.name) + " · " + tr(format_size(a.size)) + " · " +
                        to_display_vietnam(a.added);
  ImGui::PushFont(fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
  ImGui::TextUnformatted(details.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  if (phone) spacer(0.1f);
  else ImGui::EndGroup();

  if (!phone) {
    ImGui::SameLine(ImGui::GetContentRegionMax().x - buttons_w);
  }
  if (button(open_label, attachment_path(i, "open"))) open_attachment(s, a);
  ImGui::SameLine();
  if (locked) ImGui::BeginDisabled();
  if (button(remove_label, attachment_path(i, "remove"), ButtonKind::subtle)) {
    pending = PendingRemoval{d.id, a.id, a.name, true};
  }
  if (locked) ImGui::EndDisabled();
  if (phone) ImGui::EndGroup();
  end_card();
  ImGui::PopID();
}

}  // namespace

void attachments_section(app::Session& s, const Dossier& d, const FindingIndex& idx) {
  const bool locked = s.read_only() || !is_unit_status(d.status);
  const int64_t used = attachments_size(d);
  small_muted(trf("attachments.help", {tr(format_size(kMaxAttachmentBytes)), tr(format_size(kMaxDossierAttachmentBytes))}).c_str());
  spacer(0.2f);
  if (d.attachments.empty()) {
    muted(tr("attachments.none"));
  } else {
    for (size_t i = 0; i < d.attachments.size(); ++i) attachment_row(s, d, i, locked);
    small_muted(trf("attachments.usage", {tr(format_size(used)), tr(format_size(kMaxDossierAttachmentBytes))}).c_str());
  }
  field_findings(idx.at(kAttachmentsPath));
  spacer(0.2f);
  focus_if_target(s, kAttachmentsPath);
  if (locked) ImGui::BeginDisabled();
  const char* add = is_phone() ? tr("attachments.add_phone") : tr("attachments.add");
  if (button(add, "attachments.add", ButtonKind::primary))
    s.platform().pick_files(app::FilePurpose::attachment, kAttachmentAccept, true);
  if (locked) ImGui::EndDisabled();
  confirm_removal(s, d);
}

}  // namespace hoso::ui
