// The unit's dossiers: search that ignores diacritics and case, filters by status, kind and
// award form, people in Vietnamese order, each row with the nominee's position and unit (namesakes
// told apart) and its errors and warnings; a new search or filter starts the list at the top. Create,
// duplicate, delete (with confirmation and undo). Thousands of rows stay smooth (ImGuiListClipper).
// On a laptop the editor of the chosen dossier sits beside the list.
#include <algorithm>
#include <cfloat>
#include <unordered_map>

#include "app/session.hpp"
#include "core/dossier_views.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/screens.hpp"
#include "ui/semantics.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

namespace sem = semantics;

struct ListState {
  DossierFilter filter;
  std::string search_buf;
  int status = -1;  // -1: any
  int kind = -1;
  std::string award_form;
  SortOrder order = SortOrder::name;
  bool incomplete = false;  // only dossiers with errors or warnings (from the dashboard)
  bool filters_open = false;  // on a phone the filters fold away behind one button
  // Cached rows: sorted again only when what the list shows or the filter changed (typing into a
  // report changes the workspace at every key, but not the list), counted again when the
  // findings did.
  uint64_t revision = 0, signature = 0, findings_revision = 0;
  std::string key;
  std::vector<size_t> rows;
  std::vector<FindingTally> counts;  // per dossier index
};
ListState st;

std::string filter_key() {
  return st.search_buf + "|" + std::to_string(st.status) + "|" + std::to_string(st.kind) + "|" + st.award_form + "|" +
         std::to_string(static_cast<int>(st.order)) + (st.incomplete ? "|incomplete" : "");
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
  // Only the incomplete: which they are changes with the findings.
  const bool resort = st.key != key || st.signature != signature || st.revision == 0 ||
                      (st.incomplete && st.findings_revision != s.findings_revision());
  if (resort) st.rows = filter_and_sort(w.dossiers, st.filter, st.order);
  const std::vector<Finding>& findings = s.findings();
  if (resort || st.findings_revision != s.findings_revision() || st.counts.size() != w.dossiers.size()) {
    st.counts.assign(w.dossiers.size(), FindingTally{});
    std::unordered_map<std::string_view, size_t> index;
    for (size_t i = 0; i < w.dossiers.size(); ++i) index[w.dossiers[i].id] = i;
    for (const Finding& f : findings) {
      // More nominees than the quota is about the campaign, not what this dossier lacks (the
      // dashboard says it once).
      if (f.owner != Finding::Owner::dossier || f.rule == rule::quota) continue;
      auto it = index.find(f.owner_id);
      if (it == index.end()) continue;
      st.counts[it->second].add(f);
    }
    st.findings_revision = s.findings_revision();
  }
  if (resort && st.incomplete)
    std::erase_if(st.rows, [](size_t i) { return st.counts[i].empty(); });
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
  // The four filters, two a row when their longest choices fit half the column. Where they do
  // not (a phone; the narrow list beside a laptop's editor), one a row would leave the list a few
  // rows: they fold behind a button beside the search, which says how many are in use. A filter
  // never shows a cut word ("Mọi đ…").
  struct Filter {
    const char* id;
    const char* label_key;
    int* value;
    std::vector<std::string> labels;
  };
  std::vector<std::string> statuses;
  for (Status x : kAllStatuses) statuses.push_back(tr(status_label(x)));
  std::vector<std::string> forms;
  for (const AwardForm& f : s.campaign().award_forms) forms.push_back(tr(f.name));
  int form_index = -1;
  for (size_t i = 0; i < s.campaign().award_forms.size(); ++i)
    if (s.campaign().award_forms[i].id == st.award_form) form_index = static_cast<int>(i);
  int order = static_cast<int>(st.order);
  const Filter filters[] = {
      {"list.filter.status", "list.any_status", &st.status, statuses},
      {"list.filter.kind", "list.any_kind", &st.kind, {tr("nominee.kind.collective"), tr("nominee.kind.individual")}},
      {"list.filter.award", "list.any_award", &form_index, forms},
      {"list.sort", "list.sort", &order, {tr("list.sort_name"), tr("list.sort_updated"), tr("list.sort_status")}},
  };
  auto needed = [](const Filter& f) {
    float w = ImGui::CalcTextSize(tr(f.label_key)).x;
    for (const std::string& l : f.labels) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x);
    return w + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
  };
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const bool pairs_fit = std::all_of(std::begin(filters), std::end(filters), [&](const Filter& f) { return needed(f) <= half; });
  const bool fold = is_phone() || !pairs_fit;

  // Search: Ctrl+F focuses it.
  const int in_use = (st.status >= 0) + (st.kind >= 0) + !st.award_form.empty() + (st.order != SortOrder::name);
  const std::string fold_label = in_use ? trf("list.filters_n", in_use) : std::string(tr("list.filters"));
  const float fold_w = ImGui::CalcTextSize(fold_label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_F)) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(fold ? ImGui::GetContentRegionAvail().x - fold_w - ImGui::GetStyle().ItemSpacing.x : -FLT_MIN);
  // The shorter hint fits beside "Lọc" whole.
  const char* hint = tr(fold ? "list.search_hint_phone" : "list.search_hint");
  ImGui::InputTextWithHint("##list.search", hint, &st.search_buf);
  annotate(hint, "list.search");
  if (fold) {
    ImGui::SameLine();
    if (button(fold_label.c_str(), "list.filters", st.filters_open || in_use ? ButtonKind::normal : ButtonKind::subtle))
      st.filters_open = !st.filters_open;
    sem::describe_last_item(sem::Role::button, st.filters_open ? sem::expanded : sem::collapsed);
  }
  if (!fold || st.filters_open) {
    for (size_t i = 0; i < std::size(filters); ++i) {
      const Filter& f = filters[i];
      const bool second = i % 2 == 1;
      if (second && pairs_fit) ImGui::SameLine();
      filter_combo(f.id, tr(f.label_key), *f.value, f.labels, pairs_fit ? half : -FLT_MIN);
    }
    st.award_form = form_index < 0 ? "" : s.campaign().award_forms[static_cast<size_t>(form_index)].id;
    st.order = static_cast<SortOrder>(std::max(0, order));
  }
  if (st.incomplete) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(fonts.small);
    const char* what = tr("list.only_incomplete");
    noted(palette().warning, what, "list.only_incomplete");
    ImGui::PopFont();
    const char* clear = tr("list.show_all");
    same_line_if_fits(button_width(clear));
    if (button(clear, "list.show_all", ButtonKind::subtle)) st.incomplete = false;
  }
}


// Who the nominee is beyond the name, so namesakes are told apart: a person's position and unit,
// a collective's superior unit. Empty when none is given yet.
std::string who(const Nominee& n) {
  if (n.kind == NomineeKind::collective) return std::string(text::trim(n.parent_unit));
  std::string a(text::trim(n.position)), b(text::trim(n.unit));
  return a.empty() ? b : b.empty() ? a : a + " · " + b;
}

// Above and below the text: not the frame padding, which a phone makes a finger high (three
// lines are tall enough to tap). ImGui's line height (the font's ascent to descent) is already
// about 1.36 em, so the lines need no more spacing of their own.
float row_padding() { return em() * 0.25f; }

float row_height() {
  const float body = ImGui::GetTextLineHeight();
  const float small = fonts.small->FontSize * ImGui::GetIO().FontGlobalScale;
  return row_padding() * 2 + body + small * 2.0f + em() * 0.1f;
}

// One row: the name, whole (it takes a second or third line when it needs them); the nominee's
// position and unit; the award form and status; the errors and warnings at the right. The height
// is the same for every row (the clipper needs it), so what gives way to a long name is the
// secondary text: cut with "…", or left to the editor. Only a name longer than three lines (some
// 100 letters on a phone) is cut, at the third; the row's label for assistive tools has it all.
void row(app::Session& s, const Dossier& d, const FindingTally& counts, bool selected, float h) {
  const Palette& p = palette();
  const std::string& raw_name = display_name(d.nominee);
  const std::string name = name_or_unnamed(raw_name);
  // The most pressing count alone, in the editor's words: a wrong value, else what is still to
  // fill in (not an error before the clerk got there), else what is worth a look.
  std::string tally;
  ImU32 tally_col = p.success;
  if (counts.errors) {
    tally = trf("list.errors", counts.errors);
    tally_col = p.error;
  } else if (counts.to_fill) {
    tally = trf("findings.to_fill", counts.to_fill);
    tally_col = p.warning;
  } else if (counts.warnings) {
    tally = trf("list.warnings", counts.warnings);
    tally_col = p.warning;
  } else {
    tally = tr("list.complete");
  }
  const AwardForm* form = s.campaign().award_form(d.award_form);
  // The status first: a narrow phone cuts the award's long name at its end, never the status.
  const std::string award = std::string(tr(status_label(d.status))) + " · " + (form ? tr(form->name) : std::string(tr("award.none")));
  std::string whom = who(d.nominee);
  if (whom.empty()) whom = tr(d.nominee.kind == NomineeKind::collective ? "list.no_parent_unit" : "list.no_position_unit");

  const std::string id = "##list.row." + d.id;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  if (ImGui::Selectable(id.c_str(), selected, ImGuiSelectableFlags_None, ImVec2(0, h))) {
    s.nav.dossier_id = d.id;
    s.nav.screen = app::Screen::dossier;
  }
  // What assistive tools and tests read: everything the row shows, uncut.
  const std::string label = name + " — " + whom + " — " + award + " — " + tally;
  annotate(label.c_str(), "list.row." + d.id);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float pad = style.FramePadding.x;
  const float width = ImGui::GetItemRectSize().x - pad * 2;  // the text's room
  const float gap = em() * 0.6f;
  const float left = start.x + pad;
  const float body = ImGui::GetTextLineHeight();
  const float size = fonts.bold->FontSize * ImGui::GetIO().FontGlobalScale;
  const float y0 = start.y + row_padding();
  ImGui::PushFont(fonts.small);
  const float small = ImGui::GetTextLineHeight();
  const float tally_w = ImGui::CalcTextSize(tally.c_str()).x;
  // The lines below the name's first: y of line 2 and 3.
  const float y2 = y0 + body + em() * 0.05f, y3 = y2 + small;
  const ImVec4 clip(start.x, start.y, start.x + pad + width, start.y + h);

  // The name's lines: one when it fits beside the tally or alone; else wrapped, beside the tally,
  // over up to three lines.
  const float name_w = fonts.bold->CalcTextSizeA(size, FLT_MAX, 0, name.c_str()).x;
  std::vector<std::string> lines;
  if (name_w <= width) {
    lines.push_back(name);
  } else {
    const float wrap = width - gap - tally_w;
    const float scale = size / fonts.bold->FontSize;
    const char* b = name.c_str();
    const char* e = b + name.size();
    while (b < e) {
      if (lines.size() == 2) {  // the last line there is room for
        ImGui::PushFont(fonts.bold);
        lines.push_back(fit(std::string(b, e), wrap));
        ImGui::PopFont();
        break;
      }
      const char* cut = fonts.bold->CalcWordWrapPositionA(scale, b, e, wrap);
      if (cut == b) cut = b + 1;
      while (cut < e && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) ++cut;  // whole letters
      lines.push_back(std::string(b, cut));
      b = cut;
      while (b < e && (*b == ' ' || *b == '\n')) ++b;
    }
  }
  const bool tally_first = lines.size() > 1 || name_w + gap + tally_w <= width;
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const float y = y0 + body * static_cast<float>(i);
    dl->AddText(fonts.bold, size, ImVec2(left, y), text_col, lines[i].c_str(), nullptr, 0, &clip);
  }
  // The secondary lines under the name: who (position · unit), then award · status; the last
  // one leaves room for the tally when it is not beside the name.
  std::vector<std::pair<std::string, ImU32>> below;
  if (lines.size() <= 1) below = {{whom, p.muted}, {award, p.muted}};
  else if (lines.size() == 2) below = {{whom, p.muted}};
  const std::vector<float> ys = lines.size() <= 1 ? std::vector<float>{y2, y3} : std::vector<float>{y3};
  for (size_t i = 0; i < below.size(); ++i) {
    const bool last = i + 1 == below.size();
    const float room = last && !tally_first ? width - gap - tally_w : width;
    const std::string text = fit(below[i].first, room);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(left, ys[i]), below[i].second, text.c_str(), nullptr, 0, &clip);
  }
  const float tally_y = tally_first ? y0 + (body - small) * 0.5f : y3;
  dl->AddText(ImVec2(left + width - tally_w, tally_y), tally_col, tally.c_str());
  ImGui::PopFont();
}

void list(app::Session& s, float height) {
  // A new search or filter shows its results from the top, not where the last list was scrolled.
  const bool changed = st.key != filter_key();
  refresh(s);
  const Workspace& w = s.workspace();
  ImGui::PushFont(fonts.small);
  noted(palette().muted, trf("list.count", {std::to_string(st.rows.size()), std::to_string(w.dossiers.size())}).c_str(),
        "list.count");
  ImGui::PopFont();
  if (changed) ImGui::SetNextWindowScroll(ImVec2(-1.0f, 0.0f));
  ImGui::BeginChild("##list.rows", ImVec2(0, height), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
  if (st.rows.empty()) muted(w.dossiers.empty() ? tr("list.empty") : tr("list.no_match"));
  const float h = row_height();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(st.rows.size()), h + ImGui::GetStyle().ItemSpacing.y);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      size_t di = st.rows[static_cast<size_t>(i)];
      if (di >= w.dossiers.size()) continue;
      const Dossier& d = w.dossiers[di];
      row(s, d, st.counts[di], d.id == s.nav.dossier_id, h);
    }
  ImGui::EndChild();
}

}  // namespace

void show_incomplete_dossiers(app::Session& s) {
  st.search_buf.clear();
  st.status = st.kind = -1;
  st.award_form.clear();
  st.incomplete = true;
  s.nav.screen = app::Screen::dossiers;
}

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
