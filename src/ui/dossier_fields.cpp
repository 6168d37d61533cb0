#include "ui/dossier_fields.hpp"

#include <string>

#include "app/session.hpp"
#include "core/edit.hpp"
#include "core/paths.hpp"
#include "imgui.h"
#include "ui/strings.hpp"
#include "ui/theme.hpp"

namespace hoso::ui {

namespace {

// A text that may be long (an address, a unit's full name) wraps as it is typed.
InputKind input_kind(FieldType t, bool integer, int max_length) {
  switch (t) {
    case FieldType::text: return max_length >= 150 ? InputKind::long_text : InputKind::text;
    case FieldType::multiline: return InputKind::multiline;
    case FieldType::date: return InputKind::date;
    case FieldType::time: return InputKind::time;
    case FieldType::number: return integer ? InputKind::integer : InputKind::number;
    default: return InputKind::text;
  }
}

std::vector<Option> gender_options() {
  return {{"female", tr("nominee.gender.female")}, {"male", tr("nominee.gender.male")}};
}

std::vector<Option> category_options(const Campaign& c) {
  std::vector<Option> out;
  if (const NomineeKindSpec* k = c.kind_spec(NomineeKind::individual))
    for (const Category& cat : k->categories) out.push_back({cat.id, tr(cat.name)});
  return out;
}

std::vector<Option> template_options(const Field& f) {
  std::vector<Option> out;
  for (const ChoiceOption& o : f.limits.options) out.push_back({o.id, tr(o.label)});
  return out;
}

void rows_field(app::Session& s, const Dossier& d, const Field& f, const FindingIndex& idx) {
  const std::string path = report_path(f.id);
  const std::string label = tr(f.label), help = tr(f.help);
  FieldSpec head{path, label.c_str(), help.empty() ? nullptr : help.c_str(), f.required};
  field_label(head);
  focus_if_target(s, path);
  nlohmann::json rows = get_field(d, path);
  const size_t n = rows.is_array() ? rows.size() : 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string row = row_path(path, i);
    ImGui::PushID(row.c_str());
    begin_card("##row");
    small_muted(trf("rows.number", static_cast<long long>(i + 1)).c_str());
    for (const Field& col : f.columns) {
      const std::string cell = cell_path(path, i, col.id);
      const nlohmann::json& v = rows[i].is_object() && rows[i].contains(col.id) ? rows[i][col.id] : nlohmann::json();
      if (auto nv = typed_field(s, col, cell, v, idx)) apply_edit(s, d, cell, *nv);
    }
    // Reorder and remove.
    if (i > 0) {
      if (button(tr("rows.up"), row + ".up")) {
        app::report(s, s.move_row(d, path, i, i - 1));
      }
      ImGui::SameLine();
    }
    if (i + 1 < n) {
      if (button(tr("rows.down"), row + ".down")) {
        app::report(s, s.move_row(d, path, i, i + 1));
      }
      ImGui::SameLine();
    }
    if (button(tr("rows.remove"), row + ".remove", ButtonKind::subtle)) {
      app::report(s, s.remove_row(d, path, i));
      end_card();
      ImGui::PopID();
      break;  // indices changed; the next frame draws the rest
    }
    end_card();
    ImGui::PopID();
  }
  field_findings(idx.at(path));
  const bool full = f.limits.max_rows && static_cast<int>(n) >= *f.limits.max_rows;
  if (!full && button(tr("rows.add"), path + ".add")) {
    auto r = s.add_row(d, path);
    // On a laptop, straight into the new row's first field, scrolled into view (as the minutes'
    // rows). A phone opens its keyboard only for a tap on the field itself: there the row appears
    // just above the button that added it.
    if (app::report(s, r) && !is_phone() && !f.columns.empty()) {
      s.nav.focus_path = cell_path(path, *r, f.columns.front().id);
      s.nav.focus_frames = 6;
    }
  }
  spacer(0.4f);
}

}  // namespace

std::optional<nlohmann::json> typed_field(app::Session& s, const Field& f, std::string_view path,
                                          const nlohmann::json& value, const FindingIndex& idx, bool read_only) {
  const std::string label = tr(f.label), help = tr(f.help);
  FieldSpec spec{path, label.c_str(), help.empty() ? nullptr : help.c_str(), f.required,
                 f.limits.max_length.value_or(0), input_kind(f.type, f.limits.integer, f.limits.max_length.value_or(0)), 5};
  spec.read_only = read_only;
  focus_if_target(s, path);
  switch (f.type) {
    case FieldType::yesno:
      if (auto v = checkbox_field(spec, value.is_boolean() && value.get<bool>(), idx)) return nlohmann::json(*v);
      return std::nullopt;
    case FieldType::choice: {
      auto options = template_options(f);
      std::string current = value.is_string() ? value.get<std::string>() : "";
      if (auto v = choice_field(spec, current, options, idx)) return nlohmann::json(*v);
      return std::nullopt;
    }
    default: return input_field(spec, value, idx);
  }
}

BallotEdit ballot_inputs(app::Session& s, std::string_view base, const std::string& for_label, const std::string& against_label,
                         const nlohmann::json& votes_for, const nlohmann::json& votes_against, const FindingIndex& idx,
                         bool in_table, bool read_only, std::string_view focus_for) {
  struct Count {
    const char* member;
    const std::string& label;
    const nlohmann::json& value;
  } counts[] = {{"for", for_label, votes_for}, {"against", against_label, votes_against}};
  BallotEdit edit;
  auto input = [&](const Count& c) {
    const std::string path = std::string(base) + "." + c.member;
    if (c.member == counts[0].member && !focus_for.empty()) focus_if_target(s, focus_for);
    focus_if_target(s, path);
    FieldSpec spec{path, "", nullptr, true, 0, InputKind::integer};
    spec.read_only = read_only;
    if (auto v = input_field(spec, c.value, idx)) edit = {c.member, std::move(*v)};
    if (in_table) annotate(c.label.c_str(), path);
  };
  if (in_table) {
    for (const Count& c : counts) {
      ImGui::TableNextColumn();
      input(c);
    }
    return edit;
  }
  if (ImGui::BeginTable("##counts", 2, ImGuiTableFlags_SizingStretchSame)) {
    for (const Count& c : counts) {
      next_field_cell();
      field_label(FieldSpec{std::string(base) + "." + c.member, c.label.c_str(), nullptr, true});
    }
    for (const Count& c : counts) {
      next_field_cell();
      input(c);
    }
    ImGui::EndTable();
  }
  return edit;
}

AbsentEdit absent_members(app::Session& s, const Field& rows, std::string_view path, const std::vector<AbsentMember>& list,
                          const FindingIndex& idx, const char* add_label, bool read_only) {
  AbsentEdit edit;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string row = row_path(path, i);
    ImGui::PushID(row.c_str());
    begin_card("##absent");
    small_muted(trf("minutes.absent_number", static_cast<long long>(i + 1)));
    for (const Field& col : rows.columns) {
      const AbsentMember& a = list[i];
      const std::string& value = col.id == "name" ? a.name : col.id == "reason" ? a.reason : a.opinion;
      const std::string cell = cell_path(path, i, col.id);
      if (auto v = typed_field(s, col, cell, value, idx, read_only)) edit = {AbsentEdit::Kind::set, i, cell, std::move(*v)};
    }
    focus_if_target(s, row + ".remove");
    if (!read_only && button(tr("rows.remove"), row + ".remove", ButtonKind::subtle)) edit = {AbsentEdit::Kind::remove, i, {}, {}};
    end_card();
    ImGui::PopID();
    if (edit.kind == AbsentEdit::Kind::remove) return edit;  // indices change; the next frame draws the rest
  }
  field_findings(idx.at(path));
  focus_if_target(s, path);
  if (!read_only && button(add_label, std::string(path) + ".add")) edit = {AbsentEdit::Kind::add, list.size(), {}, {}};
  return edit;
}

void apply_edit(app::Session& s, const Dossier& d, std::string_view path, const nlohmann::json& value) {
  auto r = s.set(d, path, value);
  app::report(s, r);
}

bool kind_toggle(NomineeKind& kind, std::string_view id) {
  bool changed = false;
  const NomineeKind kinds[] = {NomineeKind::individual, NomineeKind::collective};
  const char* keys[] = {"nominee.kind.individual", "nominee.kind.collective"};
  for (int i = 0; i < 2; ++i) {
    if (i) ImGui::SameLine(0, em() * 0.3f);
    std::string bid = std::string(id) + "." + std::string(to_string(kinds[i]));
    if (button(tr(keys[i]), bid, kind == kinds[i] ? ButtonKind::primary : ButtonKind::normal) && kind != kinds[i]) {
      kind = kinds[i];
      changed = true;
    }
  }
  return changed;
}

int summary_limit(app::Session& s, const Dossier& d) {
  const ReportTemplate* t = s.library().find_template(d.summary_template.id);
  if (!t) t = s.library().template_for(s.campaign(), DocumentKind::summary, d.nominee.kind);
  if (t)
    for (const Section& sec : t->sections)
      for (const Field& f : sec.fields)
        if (f.id == "text" && f.limits.max_length) return *f.limits.max_length;
  return 0;
}

void identity_field(app::Session& s, const Dossier& d, const IdentityField& f, const FindingIndex& idx) {
  const std::string path = nominee_path(f.id);
  const std::string label = tr(f.label);
  FieldSpec spec{path, label.c_str(), nullptr, f.required, f.max_length, input_kind(f.type, f.type == FieldType::number, f.max_length)};
  focus_if_target(s, path);
  const nlohmann::json value = get_field(d, path);
  if (f.type == FieldType::choice) {
    auto options = f.id == "gender" ? gender_options() : category_options(s.campaign());
    std::string current = value.is_string() ? value.get<std::string>() : "";
    if (auto v = choice_field(spec, current, options, idx)) apply_edit(s, d, path, *v);
    return;
  }
  if (auto v = input_field(spec, value, idx)) apply_edit(s, d, path, *v);
}

void template_field(app::Session& s, const Dossier& d, const ReportTemplate& t, const Field& f, const FindingIndex& idx) {
  (void)t;
  if (!f.applies_to(d.nominee.kind)) return;
  if (!f.bind.empty()) {
    // Entered once in the nominee section; shown here as the report will print it.
    const nlohmann::json v = get_field(d, f.bind);
    std::string text = v.is_string() ? v.get<std::string>() : v.is_number() ? v.dump() : "";
    if (f.bind == "nominee.birth_date") text = display_date(text);
    const IdentityField* idf = hoso::identity_field(f.bind.substr(f.bind.find('.') + 1));
    if (idf && idf->type == FieldType::choice) {
      // A choice is stored as its code ("female", "cong_chuc"): a person reads its label.
      const auto options = idf->id == "gender" ? gender_options() : category_options(s.campaign());
      for (const Option& o : options)
        if (o.id == text) text = o.label;
    }
    std::string label = tr(f.label);
    if (label.empty() && idf) label = tr(idf->label);
    small_muted(label.c_str());
    wrapped(text.empty() ? "…" : text.c_str());
    return;
  }
  if (f.type == FieldType::rows) {
    rows_field(s, d, f, idx);
    return;
  }
  const std::string path = report_path(f.id);
  if (auto v = typed_field(s, f, path, get_field(d, path), idx)) apply_edit(s, d, path, *v);
}

}  // namespace hoso::ui
