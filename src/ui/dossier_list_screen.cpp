// The unit's dossiers: search that ignores diacritics and case, filters by status, kind and
// award form, people in Vietnamese order, each row with its errors and warnings. Create,
// duplicate, delete (with confirmation and undo). Thousands of rows stay smooth (ImGuiListClipper).
// On a laptop the editor of the chosen dossier sits beside the list.
#include <algorithm>
#include <cfloat>
#include <unordered_map>

#include "app/session.hpp"
#include "core/dossier_views.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

struct ListState {
  DossierFilter filter;
  std::string search_buf;
  int status = -1;  // -1: any
  int kind = -1;
  std::string award_form;
  SortOrder order = SortOrder::name;
  // Cached rows: sorted again only when what the list shows or the filter changed (typing into a
  // report changes the workspace at every key, but not the list), counted again when the
  // findings did.
  uint64_t revision = 0, signature = 0, findings_revision = 0;
  std::string key;
  std::vector<size_t> rows;
  std::vector<std::pair<int, int>> counts;  // errors, warnings per dossier index
};
ListState st;

std::string filter_key() {
  return st.search_buf + "|" + std::to_string(st.status) + "|" + std::to_string(st.kind) + "|" + st.award_form + "|" +
         std::to_string(static_cast<int>(st.order));
}

void refresh(app::Session& s) {
  std::string key = filter_key();
  if (st.revision == s.revision() && st.key == key && st.findings_revision == s.findings_revision()) return;
  const Workspace& w = s.workspace();
  st.filter.search = st.search_buf;
  st.filter.status = st.status < 0 ? std::nullopt : std::optional<Status>(static_cast<Status>(st.status));
  st.filter.kind = st.kind < 0 ? std::nullopt : std::optional<NomineeKind>(static_cast<NomineeKind>(st.kind));
  st.filter.award_form = st.award_form;
  const uint64_t signature = list_signature(w.dossiers, st.order);
  const bool resort = st.key != key || st.signature != signature || st.revision == 0;
  if (resort) st.rows = filter_and_sort(w.dossiers, st.filter, st.order);
  const std::vector<Finding>& findings = s.findings();
  if (resort || st.findings_revision != s.findings_revision() || st.counts.size() != w.dossiers.size()) {
    st.counts.assign(w.dossiers.size(), {0, 0});
    std::unordered_map<std::string_view, size_t> index;
    for (size_t i = 0; i < w.dossiers.size(); ++i) index[w.dossiers[i].id] = i;
    for (const Finding& f : findings) {
      if (f.owner != Finding::Owner::dossier) continue;
      auto it = index.find(f.owner_id);
      if (it == index.end()) continue;
      (f.severity == Severity::error ? st.counts[it->second].first : st.counts[it->second].second)++;
    }
    st.findings_revision = s.findings_revision();
  }
  st.signature = signature;
  st.revision = s.revision();
  st.key = key;
}

void toolbar(app::Session& s) {
  if (button(tr("list.new_individual"), "action.new_individual", ButtonKind::primary)) {
    if (auto id = s.create_dossier(NomineeKind::individual, "")) {
      s.nav.dossier_id = *id;
      s.nav.screen = app::Screen::dossier;
      s.nav.open_section = "nominee";
    }
  }
  ImGui::SameLine();
  if (button(tr("list.new_collective"), "action.new_collective")) {
    if (auto id = s.create_dossier(NomineeKind::collective, "")) {
      s.nav.dossier_id = *id;
      s.nav.screen = app::Screen::dossier;
      s.nav.open_section = "nominee";
    }
  }
  // Search: Ctrl+F focuses it.
  if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_F)) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##list.search", tr("list.search_hint"), &st.search_buf);
  annotate(tr("list.search_hint"), "list.search");

  // Filters, two a row when their longest choices fit half the column, else one a row: a filter
  // never shows a cut word ("Mọi đ…").
  struct Filter {
    const char* id;
    const char* label_key;
    int* value;
    std::vector<std::string> labels;
  };
  auto needed = [](const Filter& f) {
    float w = ImGui::CalcTextSize(tr(f.label_key)).x;
    for (const std::string& l : f.labels) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x);
    return w + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
  };
  auto combo = [](const Filter& f, float width) {
    ImGui::SetNextItemWidth(width);
    int& value = *f.value;
    const char* preview = value < 0 ? tr(f.label_key) : f.labels[static_cast<size_t>(value)].c_str();
    if (ImGui::BeginCombo(f.id, preview)) {
      if (option(tr(f.label_key), value < 0)) value = -1;
      for (size_t i = 0; i < f.labels.size(); ++i)
        if (option((f.labels[i] + "##" + std::to_string(i)).c_str(), value == static_cast<int>(i))) value = static_cast<int>(i);
      ImGui::EndCombo();
    }
  };
  auto pair = [&](const Filter& a, const Filter& b) {
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (needed(a) <= half && needed(b) <= half) {
      combo(a, half);
      ImGui::SameLine();
      combo(b, half);
    } else {
      combo(a, -FLT_MIN);
      combo(b, -FLT_MIN);
    }
  };
  std::vector<std::string> statuses;
  for (Status x : kAllStatuses) statuses.push_back(tr(status_label(x)));
  pair({"##list.filter.status", "list.any_status", &st.status, statuses},
       {"##list.filter.kind", "list.any_kind", &st.kind, {tr("nominee.kind.collective"), tr("nominee.kind.individual")}});
  std::vector<std::string> forms;
  for (const AwardForm& f : s.campaign().award_forms) forms.push_back(tr(f.name));
  int form_index = -1;
  for (size_t i = 0; i < s.campaign().award_forms.size(); ++i)
    if (s.campaign().award_forms[i].id == st.award_form) form_index = static_cast<int>(i);
  int order = static_cast<int>(st.order);
  pair({"##list.filter.award", "list.any_award", &form_index, forms},
       {"##list.sort", "list.sort", &order, {tr("list.sort_name"), tr("list.sort_updated"), tr("list.sort_status")}});
  st.award_form = form_index < 0 ? "" : s.campaign().award_forms[static_cast<size_t>(form_index)].id;
  st.order = static_cast<SortOrder>(std::max(0, order));
}

void row(app::Session& s, const Dossier& d, std::pair<int, int> counts, bool selected) {
  const Palette& p = palette();
  const std::string& name = display_name(d.nominee);
  std::string id = "##list.row." + d.id;
  ImVec2 start = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().FramePadding.y * 2 + em() * 0.2f;
  if (ImGui::Selectable(id.c_str(), selected, ImGuiSelectableFlags_None, ImVec2(0, h))) {
    s.nav.dossier_id = d.id;
    s.nav.screen = app::Screen::dossier;
  }
  annotate(name.empty() ? tr("dossier.unnamed") : name.c_str(), "list.row." + d.id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float width = ImGui::GetItemRectSize().x;
  float y = start.y + ImGui::GetStyle().FramePadding.y;
  dl->AddText(fonts.bold, fonts.bold->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(start.x + pad, y),
              ImGui::GetColorU32(ImGuiCol_Text), name.empty() ? tr("dossier.unnamed") : name.c_str());
  // Right: errors / warnings.
  std::string tally;
  ImU32 tally_col = p.success;
  if (counts.first) {
    tally = trf("list.errors", counts.first);
    tally_col = p.error;
  } else if (counts.second) {
    tally = trf("list.warnings", counts.second);
    tally_col = p.warning;
  } else {
    tally = tr("list.complete");
  }
  ImGui::PushFont(fonts.small);
  ImVec2 ts = ImGui::CalcTextSize(tally.c_str());
  dl->AddText(ImVec2(start.x + width - pad - ts.x, y), tally_col, tally.c_str());
  // Second line: award form · status.
  const AwardForm* form = s.campaign().award_form(d.award_form);
  std::string line = (form ? tr(form->name) : std::string(tr("award.none"))) + " · " + tr(status_label(d.status));
  y += ImGui::GetTextLineHeight() * 1.15f / 0.875f;
  ImVec4 clip(start.x, start.y, start.x + width - pad, start.y + h);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(start.x + pad, y), p.muted, line.c_str(), nullptr, 0, &clip);
  ImGui::PopFont();
}

void list(app::Session& s, float height) {
  refresh(s);
  const Workspace& w = s.workspace();
  ImGui::PushFont(fonts.small);
  muted(trf("list.count", {std::to_string(st.rows.size()), std::to_string(w.dossiers.size())}).c_str());
  ImGui::PopFont();
  ImGui::BeginChild("##list.rows", ImVec2(0, height), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
  if (st.rows.empty()) muted(w.dossiers.empty() ? tr("list.empty") : tr("list.no_match"));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(st.rows.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      size_t di = st.rows[static_cast<size_t>(i)];
      if (di >= w.dossiers.size()) continue;
      const Dossier& d = w.dossiers[di];
      row(s, d, st.counts[di], d.id == s.nav.dossier_id);
    }
  ImGui::EndChild();
}

}  // namespace

bool editor_beside_list() { return !is_phone() && ImGui::GetContentRegionAvail().x > em() * 44; }

void dossier_list_screen(app::Session& s) {
  if (editor_beside_list()) {
    const float list_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.38f, em() * 18, em() * 30);
    ImGui::BeginChild("##list.column", ImVec2(list_w, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    heading(tr("nav.dossiers"));
    toolbar(s);
    list(s, std::max(em() * 10, ImGui::GetContentRegionAvail().y - em() * 0.5f));
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##editor.column", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    // Looked up after the toolbar and the list: creating a dossier there may have moved them all.
    const Dossier* open = s.nav.screen == app::Screen::dossier ? s.dossier(s.nav.dossier_id) : nullptr;
    if (open) dossier_editor(s, *open);
    else muted(tr("list.choose"));
    ImGui::EndChild();
    return;
  }
  heading(tr("nav.dossiers"));
  toolbar(s);
  list(s, std::max(em() * 12, ImGui::GetContentRegionAvail().y - em() * 1.0f));
}

}  // namespace hoso::ui
