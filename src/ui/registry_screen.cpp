// The register (sổ tổng hợp): every nominee of every unit in one table — sending unit, nominee,
// kind, award form, status, completeness (the unit's vote against its total members, summary,
// report, criteria) and findings — with search that ignores diacritics, filters and Vietnamese
// order; thousands of rows stay smooth (ImGuiListClipper). Above it, per award form and kind, the
// live nominations against the quota, and the nominees two units both put forward. The chosen
// dossier's details sit below the table (beside it on a wide screen; on a phone the table is a
// list of cards and the details a page of their own): mark it eligible, or return it with a reason
// and download that reason as the return note the unit's app imports.
#include <algorithm>
#include <cfloat>
#include <set>
#include <string>

#include "app/secretariat_session.hpp"
#include "core/award.hpp"
#include "app/session.hpp"
#include "core/dossier_views.hpp"
#include "core/attachments.hpp"
#include "core/paths.hpp"
#include "core/registry_view.hpp"
#include "core/return_note.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/print_actions.hpp"
#include "ui/screens.hpp"
#include "ui/secretariat_ui.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

struct RegistryState {
  std::string search;
  int status = -1;  // index into kAllStatuses, -1: any
  int kind = -1;
  std::string award_form, unit_id;
  bool with_errors = false, incomplete = false;
  int sort = 0;  // RegistrySort
  // Cached: recomputed when the register or the filter changes.
  std::uint64_t revision = 0;
  std::string key;
  std::vector<std::size_t> rows;
  std::vector<std::pair<std::string, std::string>> units;  // id, name, in Vietnamese order
  std::vector<std::string> same_nominee;                    // names put forward by two units
  int errors = 0, incomplete_rows = 0, eligible = 0;
  std::string selected;  // dossier id
  bool phone_details = false;
};
RegistryState st;

std::string n(long long v) { return std::to_string(v); }

std::string filter_key() {
  return st.search + "|" + n(st.status) + "|" + n(st.kind) + "|" + st.award_form + "|" + st.unit_id + "|" +
         n(st.with_errors) + n(st.incomplete) + "|" + n(st.sort);
}

bool has_rule(const RegistryRow& row, std::string_view rule) {
  return std::any_of(row.findings.begin(), row.findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

void refresh(app::Secretariat& sec) {
  const RegistryView& v = sec.view();
  const std::string key = filter_key();
  if (st.revision == sec.revision() && st.key == key) return;
  const Registry& r = sec.reg();
  RegistryFilter f;
  f.dossier.search = st.search;
  if (st.status >= 0) f.dossier.status = kAllStatuses[static_cast<std::size_t>(st.status)];
  if (st.kind >= 0) f.dossier.kind = static_cast<NomineeKind>(st.kind);
  f.dossier.award_form = st.award_form;
  f.unit_id = st.unit_id;
  f.with_errors = st.with_errors;
  f.incomplete = st.incomplete;
  st.rows = filter_and_sort(r, v, f, static_cast<RegistrySort>(st.sort));
  // The units that sent something, and the register's tallies (all rows, not only those shown).
  std::set<std::pair<std::string, std::string>> units;  // (order key, id)
  std::vector<std::pair<std::string, std::string>> names;
  std::set<std::string> same;
  st.errors = st.incomplete_rows = st.eligible = 0;
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const RegistryRow& row = v.rows[i];
    const Sender& sender = v.revision_of(r, i).header.sender;
    if (units.insert({row.unit_key, sender.unit_id}).second) names.push_back({sender.unit_id, sender.unit_name});
    st.errors += row.errors > 0;
    st.incomplete_rows += !row.completeness.complete();
    st.eligible += row.status == Status::eligible;
    if (has_rule(row, registry_rule::same_nominee)) same.insert(display_name(v.dossiers[i].nominee));
  }
  st.units.clear();
  for (const auto& [order, id] : units)
    for (const auto& [uid, name] : names)
      if (uid == id) {
        st.units.push_back({uid, name});
        break;
      }
  st.same_nominee.assign(same.begin(), same.end());
  st.revision = sec.revision();
  st.key = key;
}

std::string form_name(const Campaign& c, std::string_view id) {
  const AwardForm* f = c.award_form(id);
  return f ? tr(f->name) : (id.empty() ? std::string(tr("award.none")) : std::string(id));
}

const char* kind_label(NomineeKind k) {
  return tr(k == NomineeKind::collective ? "nominee.kind.collective" : "nominee.kind.individual");
}

std::string name_of(const Dossier& d) {
  const std::string& name = display_name(d.nominee);
  return name_or_unnamed(name);
}

// "Đủ · 13/15" or "Thiếu: tóm tắt, tiêu chuẩn".
std::pair<std::string, bool> completeness_text(const Completeness& k) {
  if (k.complete()) return {trf("registry.complete", {n(k.votes_for) + "/" + n(k.members_total)}), true};
  std::string missing;
  auto add = [&](bool ok, const char* key) {
    if (ok) return;
    if (!missing.empty()) missing += ", ";
    missing += tr(key);
  };
  add(k.minutes_vote, "registry.part.minutes");
  add(!k.minutes_vote || k.meets_threshold, "registry.part.threshold");
  add(k.summary, "registry.part.summary");
  add(k.report, "registry.part.report");
  add(k.criteria, "registry.part.criteria");
  return {trf("registry.incomplete", {missing}), false};
}

// What the findings column says: a nominee two units proposed first, then the tallies.
std::pair<std::string, ImU32> findings_text(const RegistryRow& row) {
  const Palette& p = palette();
  if (has_rule(row, registry_rule::same_nominee)) return {tr("registry.same_nominee_short"), p.error};
  if (row.errors) return {trf("list.errors", row.errors), p.error};
  if (row.late) return {tr("registry.late_short"), p.warning};
  if (row.warnings) return {trf("list.warnings", row.warnings), p.warning};
  return {"—", p.muted};
}

// ---- the top: quotas, duplicates, filters ------------------------------------------------------

void quota_line(app::Secretariat& sec) {
  const Palette& p = palette();
  const Campaign& c = sec.campaign();
  const RegistryView& v = sec.view();
  bool first = true;
  for (const QuotaUse& q : v.quota) {
    if (q.count == 0 && !q.quota) continue;
    const std::string label = form_name(c, q.award_form) + " · " + kind_label(q.kind) + ": " +
                              (q.quota ? trf("registry.quota_of", {n(q.count), n(*q.quota)}) : trf("registry.quota_none", q.count)) +
                              (q.over() ? " · " + trf("registry.quota_over", q.count - *q.quota) : std::string());
    const float w = ImGui::CalcTextSize(label.c_str()).x * 0.9f + em();
    if (!first) {
      ImGui::SameLine(0, em() * 0.4f);
      if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    }
    first = false;
    badge(label.c_str(), q.over() ? p.error : p.primary, q.over() ? p.error_bg : p.accent_bg,
          "registry.quota." + q.award_form + "." + std::string(to_string(q.kind)));
  }
  if (first) small_muted(tr("registry.quota_empty"));
}

void duplicates_line() {
  if (st.same_nominee.empty()) return;
  std::string names;
  for (const std::string& name : st.same_nominee) names += (names.empty() ? "" : "; ") + name;
  ImGui::PushFont(fonts.small);
  noted(palette().error, trf("registry.same_nominee", {n(static_cast<long long>(st.same_nominee.size())), names}).c_str(),
        "registry.same_nominee");
  ImGui::PopFont();
}

void toolbar(app::Secretariat& sec) {
  const Campaign& c = sec.campaign();
  const bool phone = is_phone();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float full = ImGui::GetContentRegionAvail().x;
  // A phone: the search alone, then filters two a row; a laptop: search and four filters, then the
  // rest on a second row.
  const float search_w = phone ? full : std::max(em() * 12, full * 0.3f);
  const float cell = phone ? (full - gap) / 2 : (full - search_w - gap * 4) / 4;
  ImGui::SetNextItemWidth(search_w);
  if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_F)) ImGui::SetKeyboardFocusHere();
  ImGui::InputTextWithHint("##registry.search", tr("registry.search_hint"), &st.search);
  annotate(tr("registry.search_hint"), "registry.search");
  if (!phone) ImGui::SameLine();

  std::vector<std::string> unit_names;
  int unit = -1;
  for (std::size_t i = 0; i < st.units.size(); ++i) {
    unit_names.push_back(st.units[i].second);
    if (st.units[i].first == st.unit_id) unit = static_cast<int>(i);
  }
  filter_combo("registry.filter.unit", tr("registry.any_unit"), unit, unit_names, cell);
  st.unit_id = unit < 0 ? std::string() : st.units[static_cast<std::size_t>(unit)].first;
  ImGui::SameLine();
  std::vector<std::string> statuses;
  for (Status x : kAllStatuses) statuses.push_back(tr(status_label(x)));
  filter_combo("registry.filter.status", tr("list.any_status"), st.status, statuses, cell);
  if (!phone) ImGui::SameLine();
  filter_combo("registry.filter.kind", tr("list.any_kind"), st.kind, {kind_label(NomineeKind::collective), kind_label(NomineeKind::individual)}, cell);
  ImGui::SameLine();
  std::vector<std::string> forms;
  int form = -1;
  for (std::size_t i = 0; i < c.award_forms.size(); ++i) {
    forms.push_back(tr(c.award_forms[i].name));
    if (c.award_forms[i].id == st.award_form) form = static_cast<int>(i);
  }
  filter_combo("registry.filter.award", tr("list.any_award"), form, forms, cell);
  st.award_form = form < 0 ? std::string() : c.award_forms[static_cast<std::size_t>(form)].id;

  wrapped_checkbox((std::string(tr("registry.only_errors")) + "##registry.filter.errors").c_str(), &st.with_errors);
  // Beside the first when it fits, else below it (a phone): its label is never cut.
  const float second = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr("registry.only_incomplete")).x;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < second) ImGui::NewLine();
  wrapped_checkbox((std::string(tr("registry.only_incomplete")) + "##registry.filter.incomplete").c_str(), &st.incomplete);
  if (!phone) ImGui::SameLine();
  int sort = st.sort;
  filter_combo("registry.sort", tr("registry.sort_unit"), sort, {tr("registry.sort_unit"), tr("registry.sort_name"), tr("registry.sort_status")},
        phone ? full : em() * 12);
  st.sort = std::max(0, sort);
}

// ---- the table (laptop) and the cards (phone) --------------------------------------------------

void select(app::Session& s, const std::string& id) {
  st.selected = id;
  st.phone_details = is_phone();
  s.platform().request_frame();
}

void table(app::Session& s, app::Secretariat& sec, float height) {
  const Palette& p = palette();
  const RegistryView& v = sec.view();
  const Registry& r = sec.reg();
  const Campaign& c = sec.campaign();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("##registry.table", 7, flags, ImVec2(0, height))) return;
  tab_through_table();  // a keyboard's Tab reaches the rows
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("registry.col.unit"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
  ImGui::TableSetupColumn(tr("registry.col.nominee"), ImGuiTableColumnFlags_WidthStretch, 2.6f);
  ImGui::TableSetupColumn(tr("registry.col.kind"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
  ImGui::TableSetupColumn(tr("registry.col.award"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("registry.col.status"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(tr("registry.col.complete"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn(tr("registry.col.findings"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  header_row("registry");
  // Two lines a row: long unit names, names and award forms wrap at their words instead of being
  // cut mid-word at a laptop's width (the record shows everything whole).
  const float row_h = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().CellPadding.y * 2 + em() * 0.3f;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(st.rows.size()), row_h);
  while (clipper.Step())
    for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
      const std::size_t i = st.rows[static_cast<std::size_t>(k)];
      const Dossier& d = v.dossiers[i];
      const RegistryRow& row = v.rows[i];
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
      ImGui::TableNextColumn();
      const std::string id = "registry.row." + d.id;
      // Nothing in a row takes clicks but the row: no AllowOverlap, which would want the pointer
      // to have rested on the row a frame before (a quick click was lost).
      if (ImGui::Selectable(("##" + id).c_str(), st.selected == d.id, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, row_h)))
        select(s, d.id);
      const std::string name = name_of(d);
      annotate(name.c_str(), id);
      ImGui::SameLine(0, 0);
      ImGui::BeginGroup();
      cell_text(v.revision_of(r, i).header.sender.unit_name);
      ImGui::EndGroup();
      ImGui::TableNextColumn();
      ImGui::PushFont(fonts.bold);
      cell_text(name);
      ImGui::PopFont();
      ImGui::TableNextColumn();
      cell_text(kind_label(d.nominee.kind));
      ImGui::TableNextColumn();
      cell_text(form_name(c, d.award_form));
      ImGui::TableNextColumn();
      const Tone tone = status_tone(row.status);
      ImGui::PushStyleColor(ImGuiCol_Text, tone.fg);
      cell_text(tr(status_label(row.status)));
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      const auto [complete, ok] = completeness_text(row.completeness);
      ImGui::PushStyleColor(ImGuiCol_Text, ok ? p.success : p.error);
      cell_text(complete);
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      const auto [found, color] = findings_text(row);
      ImGui::PushStyleColor(ImGuiCol_Text, color);
      cell_text(found);
      ImGui::PopStyleColor();
    }
  ImGui::EndTable();
}

void cards(app::Session& s, app::Secretariat& sec, float height) {
  const Palette& p = palette();
  const RegistryView& v = sec.view();
  const Registry& r = sec.reg();
  const Campaign& c = sec.campaign();
  ImGui::BeginChild("##registry.cards", ImVec2(0, height), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeight();
  // Four lines: the name and state; the unit and kind; the award form; completeness and findings
  // (the unit, kind and award on one line ran past a phone's edge).
  const float h = line * 4.1f + style.FramePadding.y * 2 + em() * 0.3f;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(st.rows.size()), h + style.ItemSpacing.y);
  while (clipper.Step())
    for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
      const std::size_t i = st.rows[static_cast<std::size_t>(k)];
      const Dossier& d = v.dossiers[i];
      const RegistryRow& row = v.rows[i];
      const ImVec2 start = ImGui::GetCursorScreenPos();
      const std::string id = "registry.row." + d.id;
      if (ImGui::Selectable(("##" + id).c_str(), st.selected == d.id, ImGuiSelectableFlags_None, ImVec2(0, h))) select(s, d.id);
      const std::string name = name_of(d);
      annotate(name.c_str(), id);
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const float pad = style.FramePadding.x, width = ImGui::GetItemRectSize().x;
      const float scale = ImGui::GetIO().FontGlobalScale;
      float y = start.y + style.FramePadding.y;
      const Tone tone = status_tone(row.status);
      const std::string status = tr(status_label(row.status));
      ImGui::PushFont(fonts.small);
      const ImVec2 ss = ImGui::CalcTextSize(status.c_str());
      ImGui::PopFont();
      const ImVec4 clip(start.x, start.y, start.x + width - pad * 2 - ss.x, start.y + h);
      dl->AddText(fonts.bold, fonts.bold->FontSize * scale, ImVec2(start.x + pad, y), ImGui::GetColorU32(ImGuiCol_Text),
                  name.c_str(), nullptr, 0, &clip);
      dl->AddText(fonts.small, fonts.small->FontSize * scale, ImVec2(start.x + width - pad - ss.x, y + 2), tone.fg, status.c_str());
      y += line * 1.1f;
      const std::string second = v.revision_of(r, i).header.sender.unit_name + " · " + kind_label(d.nominee.kind);
      const ImVec4 clip2(start.x, start.y, start.x + width - pad, start.y + h);
      dl->AddText(fonts.small, fonts.small->FontSize * scale, ImVec2(start.x + pad, y), p.muted, second.c_str(), nullptr, 0, &clip2);
      y += line * 0.9f;
      dl->AddText(fonts.small, fonts.small->FontSize * scale, ImVec2(start.x + pad, y), p.muted, form_name(c, d.award_form).c_str(),
                  nullptr, 0, &clip2);
      y += line * 1.0f;
      const auto [complete, ok] = completeness_text(row.completeness);
      const auto [found, color] = findings_text(row);
      dl->AddText(fonts.small, fonts.small->FontSize * scale, ImVec2(start.x + pad, y), ok ? p.success : p.error, complete.c_str(),
                  nullptr, 0, &clip2);
      ImGui::PushFont(fonts.small);
      const float fw = ImGui::CalcTextSize(found.c_str()).x;
      ImGui::PopFont();
      dl->AddText(fonts.small, fonts.small->FontSize * scale, ImVec2(start.x + width - pad - fw, y), color, found.c_str());
    }
  ImGui::EndChild();
}

// ---- the chosen dossier ------------------------------------------------------------------------

void check_line(bool ok, const std::string& text, std::string_view id) {
  const Palette& p = palette();
  noted(ok ? p.success : p.error, ((ok ? "• " : "× ") + text).c_str(), id);
}

// The whole record, to read (and print) what the unit sent: the criteria with their evidence,
// the summary, the report's every field, the attachments and the unit's vote on this nominee.
std::string value_text(const nlohmann::json& v, const Field& f) {
  if (v.is_string()) {
    const std::string& text = v.get_ref<const std::string&>();
    for (const ChoiceOption& o : f.limits.options)
      if (o.id == text) return tr(o.label);
    return f.type == FieldType::date ? display_date(text) : text;
  }
  if (v.is_boolean()) return tr(v.get<bool>() ? "registry.read.yes" : "registry.read.no");
  if (v.is_number()) return v.dump();
  return {};
}

void read_block(const std::string& label, const std::string& text, std::string_view id) {
  small_muted(label.c_str());
  noted(ImGui::GetColorU32(ImGuiCol_Text), text.empty() ? tr("registry.read.empty") : text.c_str(), id);
  spacer(0.2f);
}

// Awards recorded here before, in this campaign or another, for the same nominee: what the
// council weighs first, so it is in the summary beside the register, not only in the full record.
void earlier_awards(app::Secretariat& sec, const Dossier& d) {
  std::size_t earlier = 0;
  for (const AwardRecord* h : history_of(sec.reg(), d.nominee)) {
    if (h->dossier_id == d.id) continue;
    if (earlier++ == 0) {
      small_muted(tr("registry.read.history"));
    }
    noted(palette().success, (h->award_form + " · " + h->decision + " (" + h->campaign_name + ")").c_str(),
          "registry.read.history." + std::to_string(earlier));
  }
}

void reading_view(app::Session& s, app::Secretariat& sec, const Dossier& d, const PackageRevision& rev) {
  const Campaign& c = sec.campaign();
  spacer(0.3f);
  dossier_print_buttons(s, d);
  spacer(0.3f);
  // Who is proposed: every identity field the unit filled, as Form 08's first part prints it.
  subheading(tr(d.nominee.kind == NomineeKind::collective ? "section.nominee.collective" : "section.nominee.individual"));
  for (const IdentityField* f : identity_fields(d.nominee.kind)) {
    const nlohmann::json v = get_field(d, nominee_path(f->id));
    std::string text = v.is_string() ? v.get<std::string>() : v.is_number() ? v.dump() : std::string();
    if (f->type == FieldType::date) text = display_date(text);
    if (f->id == "gender")
      for (const ChoiceOption& o : gender_options())
        if (o.id == text) text = tr(o.label);
    if (f->id == "category")
      if (const NomineeKindSpec* k = c.kind_spec(d.nominee.kind))
        for (const Category& cat : k->categories)
          if (cat.id == text) text = tr(cat.name);
    read_block(tr(f->label), text, "registry.read.nominee." + std::string(f->id));
  }
  spacer(0.2f);
  // Criteria, numbered as the plan numbers them, each with the unit's evidence.
  subheading(tr("section.criteria"));
  const AwardForm* form = c.award_form(d.award_form);
  const AwardRule* rule = form ? form->rule_for(d.nominee.kind) : nullptr;
  if (!rule || rule->criteria.empty()) muted(tr("registry.read.empty"));
  for (std::size_t k = 0; rule && k < rule->criteria.size(); ++k) {
    const Criterion& cr = rule->criteria[k];
    auto it = d.criteria.find(cr.id);
    const bool met = it != d.criteria.end() && it->second.met;
    const std::string head = trf("criteria.number", static_cast<long long>(k + 1)) + " · " +
                             tr(met ? "registry.read.met" : "registry.read.not_met");
    ImGui::PushFont(fonts.bold);
    colored_wrapped(met ? palette().success : palette().error, head.c_str());
    ImGui::PopFont();
    small_muted(tr(cr.text).c_str());
    read_block(tr("criteria.evidence"), it == d.criteria.end() ? std::string() : it->second.evidence,
               "registry.read.criterion." + cr.id);
  }
  spacer(0.2f);
  subheading(tr("section.summary"));
  noted(ImGui::GetColorU32(ImGuiCol_Text), d.summary.empty() ? tr("registry.read.empty") : d.summary.c_str(), "registry.read.summary");
  spacer(0.3f);
  // The report, field by field as the template orders it.
  if (const ReportTemplate* t = s.library().find_template(d.report_template.id)) {
    subheading(tr(t->title).c_str());
    for (const Section& sect : t->sections) {
      ImGui::PushFont(fonts.bold);
      wrapped(((sect.number.empty() ? "" : sect.number + ". ") + tr(sect.title)).c_str());
      ImGui::PopFont();
      for (const Field& f : sect.fields) {
        if (!f.applies_to(d.nominee.kind) || !f.bind.empty()) continue;  // bound fields: the nominee above
        const nlohmann::json v = d.report.contains(f.id) ? d.report.at(f.id) : nlohmann::json();
        std::string text;
        if (f.type == FieldType::rows && v.is_array()) {
          for (const nlohmann::json& row : v) {
            std::string line;
            for (const Field& col : f.columns) {
              const std::string cell = row.is_object() && row.contains(col.id) ? value_text(row.at(col.id), col) : std::string();
              if (cell.empty()) continue;
              if (!line.empty()) line += "; ";
              line += tr(col.label) + ": " + cell;
            }
            if (!line.empty()) text += (text.empty() ? "• " : "\n• ") + line;
          }
        } else {
          text = value_text(v, f);
        }
        read_block(tr(f.label), text, "registry.read.report." + f.id);
      }
    }
    spacer(0.2f);
  }
  subheading(tr("section.attachments"));
  if (d.attachments.empty()) muted(tr("registry.read.empty"));
  for (const Attachment& a : d.attachments)
    noted(ImGui::GetColorU32(ImGuiCol_Text), ("• " + a.name + " (" + tr(format_size(a.size)) + ")").c_str(), "registry.read.attachment." + a.id);
  spacer(0.3f);
  // The unit's minutes: the meeting and its vote on this nominee.
  subheading(tr("registry.read.minutes"));
  bool any = false;
  for (const Minutes& m : rev.minutes)
    if (const Vote* vote = m.vote_for(d.id)) {
      any = true;
      noted(ImGui::GetColorU32(ImGuiCol_Text),
            trf("registry.read.vote", {display_date(m.date), n(vote->votes_for), n(m.members_total), n(vote->votes_against),
                                       n(m.members_present)}).c_str(),
            "registry.read.vote." + m.id);
    }
  if (!any) muted(tr("registry.vote_missing"));
  spacer(0.3f);
}

// The revision's check code, and whether it was compared with the unit's signed cover list: the
// hash shows the file is unchanged; the signed paper, that the unit sent it (docs/PACKAGE.md).
void cover_list_check(app::Secretariat& sec, const PackageRevision& rev) {
  const Palette& p = palette();
  const std::string code = check_code(rev.header.content_hash);
  ImGui::PushFont(fonts.small);
  if (made_elsewhere(sec.reg(), rev)) noted(p.error, tr("registry.made_elsewhere"), "registry.made_elsewhere");
  if (rev.cover_list_checked) {
    noted(p.success, trf("registry.cover_list_checked", {code, to_display_vietnam(rev.cover_list_checked), rev.cover_list_checked_by}).c_str(),
          "registry.cover_list");
    ImGui::PopFont();
    return;
  }
  noted(p.warning, trf("registry.cover_list_unchecked", {code}).c_str(), "registry.cover_list");
  muted(tr("registry.cover_list_help"));
  ImGui::PopFont();
  ImGui::BeginDisabled(sec.read_only());
  if (button(tr("registry.cover_list_confirm"), "registry.cover_list.confirm")) sec.confirm_cover_list(rev.key());
  ImGui::EndDisabled();
}

void details(app::Session& s, app::Secretariat& sec, std::size_t i) {
  const Palette& p = palette();
  const RegistryView& v = sec.view();
  const Registry& r = sec.reg();
  const Campaign& c = sec.campaign();
  const Dossier& d = v.dossiers[i];
  const RegistryRow& row = v.rows[i];
  const PackageRevision& rev = v.revision_of(r, i);
  const std::string id = d.id;

  ImGui::PushFont(fonts.title);
  wrapped(name_of(d).c_str());
  ImGui::PopFont();
  const Tone tone = status_tone(row.status);
  badge(tr(status_label(row.status)).c_str(), tone.fg, tone.bg, "registry.status");
  ImGui::SameLine(0, em() * 0.5f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted((std::string(kind_label(d.nominee.kind)) + " · " + form_name(c, d.award_form)).c_str());
  ImGui::PushFont(fonts.small);
  const Nominee& nom = d.nominee;
  if (nom.kind == NomineeKind::individual) {
    std::string who = nom.position.empty() ? nom.unit : nom.position + ", " + nom.unit;
    if (!nom.birth_date.empty()) who += " · " + trf("registry.born", {display_date(nom.birth_date)});
    if (!nom.gender.empty()) who += " · " + std::string(tr(nom.gender == "female" ? "registry.female" : "registry.male"));
    muted(who.c_str());
  } else {
    std::string who = nom.parent_unit;
    if (nom.headcount) who += " · " + trf("registry.headcount", {n(*nom.headcount), nom.women ? n(*nom.women) : "?"});
    muted(who.c_str());
  }
  muted(trf("registry.from", {rev.header.sender.unit_name, n(rev.header.revision), rev.file_name,
                              to_display_vietnam(rev.received)}).c_str());
  ImGui::PopFont();
  earlier_awards(sec, d);  // what the council weighs first
  if (row.status == Status::returned) {
    const Decision* dec = r.decision(id);
    noted(p.error, trf("registry.returned_reason", {dec ? dec->return_reason : std::string()}).c_str(), "registry.return_reason");
  }
  spacer(0.3f);
  if (!st.phone_details) {
    // The side pane is a summary: the whole record opens as a page of its own.
    if (button(tr("registry.read"), "registry.read", ButtonKind::primary)) st.phone_details = true;
    spacer(0.3f);
  }

  // What a clerk checks first: the documents and the unit's vote.
  subheading(tr("registry.completeness"));
  const Completeness& k = row.completeness;
  if (k.minutes_vote) {
    const std::string share = k.members_total > 0 ? n(k.votes_for) + "/" + n(k.members_total) : "?";
    check_line(k.meets_threshold, trf(k.meets_threshold ? "registry.vote_ok" : "registry.vote_short",
                                      {share, tr(c.voting.threshold.describe())}), "registry.check.minutes");
  } else {
    check_line(false, tr("registry.vote_missing"), "registry.check.minutes");
  }
  check_line(k.summary, tr(k.summary ? "registry.summary_ok" : "registry.summary_missing"), "registry.check.summary");
  check_line(k.report, tr(k.report ? "registry.report_ok" : "registry.report_missing"), "registry.check.report");
  check_line(k.criteria, tr(k.criteria ? "registry.criteria_ok" : "registry.criteria_missing"), "registry.check.criteria");
  spacer(0.3f);

  if (!row.findings.empty()) {
    subheading(trf("findings.title", {n(row.errors), n(row.warnings)}).c_str());
    ImGui::PushFont(fonts.small);
    for (std::size_t f = 0; f < row.findings.size(); ++f) {
      const Finding& x = row.findings[f];
      const bool error = x.severity == Severity::error;
      noted(error ? p.error : p.warning, ((error ? "• " : "– ") + tr(x.message)).c_str(), "registry.finding." + n(static_cast<long long>(f + 1)));
    }
    ImGui::PopFont();
    spacer(0.3f);
  }

  // The secretariat's decision: the buttons that apply to its status, in one row.
  ImGui::BeginDisabled(sec.read_only());
  bool first = true;
  auto next = [&first] {
    if (!first) ImGui::SameLine();
    first = false;
  };
  if (row.status == Status::received) {
    next();
    ImGui::BeginDisabled(row.errors > 0);
    if (button(tr("registry.mark_eligible"), "registry.eligible", ButtonKind::primary) && sec.set_status(id, Status::eligible, {}))
      s.toast(app::Toast::Kind::success, app::Message("registry.now_eligible", {name_of(d)}));
    ImGui::EndDisabled();
  }
  if (row.status == Status::received || row.status == Status::eligible) {
    next();
    if (button(tr("registry.return"), "registry.return", ButtonKind::danger))
      ask_reason({trf("registry.return_title", {name_of(d), rev.header.sender.unit_name}), tr("registry.return_detail"),
                  tr("registry.return_confirm"), "return:" + id, {}, true, true});
  }
  if (row.status == Status::returned) {
    next();
    if (button(tr("registry.download_note"), "registry.return_note", ButtonKind::primary)) sec.download_return_note(id);
  }
  if (row.status == Status::eligible || row.status == Status::returned) {
    next();
    if (button(tr("registry.back_to_received"), "registry.received", ButtonKind::subtle)) sec.set_status(id, Status::received, {});
  }
  ImGui::EndDisabled();
  if (row.status == Status::received && row.errors > 0) small_muted(trf("registry.cannot_eligible", row.errors));
  if (row.status == Status::returned) small_muted(tr("registry.note_help"));
  if (row.status == Status::proposed) small_muted(tr("registry.proposed_help"));
  if (const AwardDecision* award = r.award_of(id))
    noted(row.status == Status::awarded ? palette().success : palette().muted,
          trf("registry.award_line", {tr(describe(*award, sec.campaign()))}).c_str(), "registry.award");
  // After the decision's buttons: at a laptop's height they stay in view beside the rows.
  spacer(0.3f);
  cover_list_check(sec, rev);

  if (st.phone_details) reading_view(s, sec, d, rev);

  // The decision's history.
  if (const Decision* dec = r.decision(id); dec && !dec->audit.empty()) {
    spacer(0.3f);
    subheading(tr("registry.history"));
    ImGui::PushFont(fonts.small);
    for (const AuditEntry& e : dec->audit) {
      std::string what = e.path == kStatusPath
                             ? trf("registry.history_status",
                                   {e.old_value.is_string() ? tr(status_label(status_from_string(e.old_value.get<std::string>()).value_or(Status::received))) : "",
                                    e.new_value.is_string() ? tr(status_label(status_from_string(e.new_value.get<std::string>()).value_or(Status::received))) : ""})
                             : trf("registry.history_reason", {e.new_value.is_string() ? e.new_value.get<std::string>() : ""});
      muted((to_display_vietnam(e.time) + " · " + e.author + " · " + what).c_str());
    }
    ImGui::PopFont();
  }
}

// An empty register says where its rows come from, with the way there.
void empty_registry(app::Session& s) {
  muted(tr("registry.empty"));
  if (button(tr("registry.go_intake"), "registry.go_intake", ButtonKind::primary)) s.nav.screen = app::Screen::intake;
}

void details_pane(app::Session& s, app::Secretariat& sec) {
  const std::size_t i = st.selected.empty() ? RegistryView::npos : sec.view().find(st.selected);
  if (i == RegistryView::npos) {
    if (sec.view().rows.empty()) empty_registry(s);
    else muted(tr("registry.choose"));
    return;
  }
  details(s, sec, i);
}

void handle_dialog(app::Session& s, app::Secretariat& sec) {
  auto done = reason_dialog();
  if (!done) return;
  if (auto id = action_arg(done->action, "return"))
    if (sec.set_status(*id, Status::returned, done->reason)) s.toast(app::Toast::Kind::success, app::Message("registry.now_returned"));
}

}  // namespace

void registry_screen(app::Session& s) {
  app::Secretariat& sec = s.secretariat();
  refresh(sec);
  const bool phone = is_phone();
  if (screen_chosen_again()) st.phone_details = false;  // "Sổ tổng hợp" again: back to the rows
  if (st.phone_details) {
    if (button(tr("action.back"), "registry.back", ButtonKind::subtle)) st.phone_details = false;
    details_pane(s, sec);
    handle_dialog(s, sec);
    return;
  }
  heading(tr("registry.title"));
  closed_notice(sec.reg());
  quota_line(sec);
  duplicates_line();
  spacer(0.2f);
  toolbar(sec);
  ImGui::PushFont(fonts.small);
  noted(palette().muted,
        trf("registry.count", {n(static_cast<long long>(st.rows.size())), n(static_cast<long long>(sec.view().rows.size())),
                               n(static_cast<long long>(sec.view().rows.size()) - st.incomplete_rows), n(st.incomplete_rows),
                               n(st.errors), n(st.eligible)}).c_str(),
        "registry.count");
  ImGui::PopFont();
  const float avail = ImGui::GetContentRegionAvail().y;
  if (phone) {
    if (sec.view().rows.empty()) empty_registry(s);
    cards(s, sec, std::max(em() * 12, avail - em() * 0.5f));
  } else if (const float width = ImGui::GetContentRegionAvail().x; width > em() * 52) {
    // Side by side: the rows at the left, the chosen record at the right at full height (its
    // actions in view at 1366×768). A laptop has room for the table's columns only when wide;
    // narrower, the rows are the phone's cards.
    const bool wide = width > em() * 90;
    ImGui::BeginChild("##registry.left", ImVec2(width * (wide ? 0.62f : 0.4f), 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    const float rows_h = std::max(em() * 10, ImGui::GetContentRegionAvail().y - em() * 0.3f);
    if (wide) table(s, sec, rows_h);
    else cards(s, sec, rows_h);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##registry.details", ImVec2(0, 0), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
    details_pane(s, sec);
    ImGui::EndChild();
  } else {
    // Half the height for the record once one is chosen; until then the rows take it (two lines
    // each), and the record's place only says to choose one.
    const float table_h = std::max(em() * 10, st.selected.empty() ? avail - em() * 4.5f : avail * 0.5f);
    table(s, sec, table_h);
    ImGui::BeginChild("##registry.details",
                      ImVec2(0, std::max(em() * (st.selected.empty() ? 3 : 10), ImGui::GetContentRegionAvail().y - em() * 0.3f)),
                      ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
    details_pane(s, sec);
    ImGui::EndChild();
  }
  handle_dialog(s, sec);
}

}  // namespace hoso::ui
