// The secretariat's campaigns (Đợt thi đua): every campaign the workspace knows and every campaign
// it is writing; next year's campaign made from this year's, a correction as the next version; the
// editor, with its findings at the fields; publishing the file units open
// (core/campaign_draft.hpp). Fields are named by the JSON path of what they edit.
#include <algorithm>
#include <string>
#include <vector>

#include "app/secretariat_session.hpp"
#include "app/session.hpp"
#include "core/campaigns.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "core/documents/campaign_summary.hpp"
#include "ui/print_actions.hpp"
#include "ui/screens.hpp"
#include "ui/secretariat_ui.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

using nlohmann::json;

struct CampaignsState {
  std::string open;     // the draft in the editor; empty: the list
  std::string jump_to;  // a section chosen in "Đến mục…": scrolled to the top when drawn
};
CampaignsState st;

// The editor's sections, in the order drawn, and their titles.
constexpr const char* kSections[] = {"plan", "time", "awards", "documents", "offices", "units", "council"};
constexpr const char* kSectionTitles[] = {"campaign_editor.section_plan",    "campaign_editor.section_time",
                                          "campaign_editor.section_awards",  "campaign_editor.section_documents",
                                          "campaign_editor.section_offices", "campaign_editor.section_units",
                                          "campaign_editor.section_council"};
static_assert(std::size(kSections) == std::size(kSectionTitles));

// A section's title; the editor scrolls it to the top when it was chosen in "Đến mục…".
void section_title(std::string_view section) {
  for (std::size_t i = 0; i < std::size(kSections); ++i)
    if (section == kSections[i]) subheading(tr(kSectionTitles[i]));
  if (st.jump_to == section) {
    scroll_last_item_to_top();
    st.jump_to.clear();
  }
}

// The editor is many screens long: its sections, one tap away.
void section_jump() {
  const int chosen = ui::section_jump("campaign_editor.jump", kSections, [](std::size_t i) { return std::string(tr(kSectionTitles[i])); });
  if (chosen >= 0) st.jump_to = kSections[chosen];
}

std::string state_label(CampaignState state) {
  switch (state) {
    case CampaignState::open: return tr("campaigns.state_open");
    case CampaignState::past_deadline: return tr("campaigns.state_past");
    case CampaignState::closed: return tr("campaigns.state_closed");
    case CampaignState::archived: return tr("campaigns.state_archived");
  }
  return {};
}

// ---- the editor -------------------------------------------------------------------------------

struct Editor {
  app::Session& s;
  app::Secretariat& sec;
  const CampaignDraft& d;
  const FindingIndex& idx;

  // A value; a Vietnamese text ("…_vi") is followed by its English twin ("…_en") where the
  // campaign has one: every label exists in both languages, and both are the clerk's to keep.
  void field(std::string_view path, const char* label_key, InputKind kind = InputKind::text, bool required = false,
             const char* help_key = nullptr) {
    text_field(path, tr(label_key), kind, required, help_key ? tr(help_key) : nullptr);
    constexpr std::string_view vi = "_vi";
    if (path.size() > vi.size() && path.substr(path.size() - vi.size()) == vi) {
      const std::string en = std::string(path.substr(0, path.size() - vi.size())) + "_en";
      if (draft_value(d, en).is_string())
        text_field(en, trf("campaign_editor.in_english", {tr(label_key)}), kind, required, nullptr);
    }
  }

  void text_field(std::string_view path, const std::string& label, InputKind kind, bool required, const char* help) {
    FieldSpec spec;
    spec.path = path;
    spec.label = label.c_str();
    spec.help = help;
    spec.kind = kind;
    spec.required = required;
    spec.lines = 4;
    spec.read_only = s.read_only();  // another tab holds the workspace
    focus_if_target(s, path);
    if (auto v = input_field(spec, draft_value(d, path), idx)) sec.edit_draft(d.key, path, *v);
  }

  // A yes/no member ("secretariat.unverified"): absent reads as no.
  void flag(std::string_view path, const char* label_key) {
    FieldSpec spec;
    spec.path = path;
    spec.label = tr(label_key);
    spec.read_only = s.read_only();
    focus_if_target(s, path);
    if (auto v = checkbox_field(spec, draft_value(d, path) == true, idx)) sec.edit_draft(d.key, path, *v);
  }

  void choice(std::string_view path, const char* label_key, const std::vector<Option>& options, std::string_view fallback) {
    FieldSpec spec;
    spec.path = path;
    spec.label = tr(label_key);
    spec.read_only = s.read_only();
    focus_if_target(s, path);
    const json& value = draft_value(d, path);
    if (auto v = choice_field(spec, value.is_string() ? value.get_ref<const std::string&>() : fallback, options, idx))
      sec.edit_draft(d.key, path, *v);
  }

  // A new item at the end of `list` (core add_draft_item), its `member` then taking the typing.
  void add_item(std::string_view list, std::string_view member, std::string_view kind = {}) {
    const std::string added = sec.add_draft_item(d.key, list, kind);
    if (added.empty()) return;
    s.nav.focus_path = added + "." + std::string(member);
    s.nav.focus_frames = 6;
  }

  // Each member when the campaign has the object it belongs to (an older file may lack it).
  bool has(std::string_view object_path) { return draft_value(d, object_path).is_object(); }

  void deadline() {
    const json& dl = draft_value(d, "deadline");
    const bool before = !dl.is_object() || dl.contains("before") || !dl.contains("on_or_before");
    const json& date = draft_value(d, before ? "deadline.before" : "deadline.on_or_before");
    FieldSpec spec;
    spec.path = "deadline";
    spec.label = tr("campaign_editor.deadline");
    spec.kind = InputKind::date;
    spec.required = true;
    spec.read_only = s.read_only();
    focus_if_target(s, "deadline");
    if (auto v = input_field(spec, date, idx)) sec.edit_draft_deadline(d.key, *v, before);
    const std::vector<Option> wording{{"before", tr("campaign_editor.deadline_before")},
                                      {"on_or_before", tr("campaign_editor.deadline_by")}};
    FieldSpec w;
    w.path = "deadline.wording";
    w.label = tr("campaign_editor.deadline_wording");
    w.read_only = s.read_only();
    focus_if_target(s, w.path);
    if (auto v = choice_field(w, before ? "before" : "on_or_before", wording, idx))
      sec.edit_draft_deadline(d.key, date, *v == "before");
    // How units will read it, in words.
    if (auto day = parse_iso_date(date.is_string() ? date.get<std::string>() : "")) {
      const Deadline read{before ? add_days(*day, -1) : *day, before};
      muted(trf("campaign_editor.deadline_reads", {tr(read.describe())}).c_str());
    }
  }

  void criteria(const std::string& rule_path) {
    const json& list = draft_value(d, rule_path + ".criteria");
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string kp = rule_path + ".criteria[" + std::to_string(k) + "]";
      ImGui::PushID(kp.c_str());
      subheading(trf("campaign_editor.criterion", {std::to_string(k + 1)}).c_str());
      field(kp + ".text_vi", "campaign_editor.criterion_vi", InputKind::multiline, true);  // and text_en
      if (k > 0 && button(tr("campaign_editor.up"), kp + ".up")) sec.move_draft_item(d.key, kp, -1);
      if (k > 0) ImGui::SameLine();
      if (k + 1 < list.size() && button(tr("campaign_editor.down"), kp + ".down")) sec.move_draft_item(d.key, kp, 1);
      if (k + 1 < list.size()) ImGui::SameLine();
      if (button(tr("campaign_editor.remove_criterion"), kp + ".remove", ButtonKind::danger))
        sec.remove_draft_item(d.key, kp);
      ImGui::PopID();
      spacer(0.4f);
    }
    const std::string add = rule_path + ".criteria";
    field_findings(idx.at(add));
    focus_if_target(s, add);
    if (button(tr("campaign_editor.add_criterion"), add)) add_item(add, "text_vi");
  }

  void award_forms() {
    const json& forms = draft_value(d, "award_forms");
    for (std::size_t f = 0; f < forms.size(); ++f) {
      const std::string fp = "award_forms[" + std::to_string(f) + "]";
      begin_card(fp.c_str());
      const json& name = draft_value(d, fp + ".name_vi");
      heading(name.is_string() ? name.get_ref<const std::string&>().c_str() : "");
      field(fp + ".name_vi", "campaign_editor.award_name", InputKind::long_text, true);
      // Who decides it, and so to whom the Office submits (Law 06/2022/QH15, Chapter V).
      if (has(fp + ".decided_by")) {
        choice(fp + ".decided_by.level", "campaign_editor.decider",
               {{"issuer", tr("campaign_editor.decider_issuer")}, {"parent", tr("campaign_editor.decider_parent")}},
               "issuer");
        field(fp + ".decided_by.title_vi", "campaign_editor.decider_title", InputKind::long_text);
        field(fp + ".decided_by.basis_vi", "campaign_editor.decider_basis", InputKind::long_text);
        flag(fp + ".decided_by.unverified", "campaign_editor.unverified_flag");
      }
      const json& rules = draft_value(d, fp + ".rules");
      for (std::size_t r = 0; r < rules.size(); ++r) {
        const std::string rp = fp + ".rules[" + std::to_string(r) + "]";
        const bool collective = draft_value(d, rp + ".kind") == "collective";
        spacer(0.4f);
        subheading(tr(collective ? "campaign_editor.for_collectives" : "campaign_editor.for_individuals"));
        field(rp + ".quota", "campaign_editor.quota", InputKind::integer, false, "campaign_editor.quota_help");
        field(rp + ".prize", "campaign_editor.prize", InputKind::integer, false, "campaign_editor.prize_help");
        criteria(rp);
        // A form takes at least one nominee kind (the reader refuses none).
        if (rules.size() > 1 &&
            button(tr(collective ? "campaign_editor.remove_collectives" : "campaign_editor.remove_individuals"),
                   rp + ".remove", ButtonKind::danger))
          sec.remove_draft_item(d.key, rp);
      }
      // The nominee kind the form does not take yet.
      for (const std::string_view kind : {"collective", "individual"}) {
        bool taken = false;
        for (const json& rule : rules) taken = taken || rule.value("kind", "") == kind;
        if (taken) continue;
        spacer(0.4f);
        const std::string id = fp + ".rules.add." + std::string(kind);
        if (button(tr(kind == "collective" ? "campaign_editor.add_collectives" : "campaign_editor.add_individuals"), id))
          add_item(fp + ".rules", "quota", kind);
      }
      spacer(0.4f);
      if (forms.size() > 1 && button(tr("campaign_editor.remove_award"), fp + ".remove", ButtonKind::danger))
        sec.remove_draft_item(d.key, fp);
      end_card();
    }
  }

  // Each document a dossier needs, and for each nominee kind the template the app prints it with,
  // chosen among the templates the app holds for that document and kind.
  void documents() {
    const json& docs = draft_value(d, "documents");
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const std::string dp = "documents[" + std::to_string(i) + "]";
      const json& kind_text = draft_value(d, dp + ".kind");
      const auto kind = document_kind_from_string(kind_text.is_string() ? kind_text.get<std::string>() : "");
      const json& name = draft_value(d, dp + ".name_vi");
      subheading(name.is_string() ? name.get_ref<const std::string&>().c_str() : "");
      for (const NomineeKind nk : {NomineeKind::collective, NomineeKind::individual}) {
        const std::string path = dp + ".template_" + std::string(to_string(nk));
        std::vector<Option> options;
        for (const ReportTemplate& t : s.library().templates())
          if (kind && t.document == *kind && (t.kind == TemplateKind::any || to_string(t.kind) == to_string(nk)))
            options.push_back({t.id, tr(t.title) + (t.unverified ? std::string(" ") + tr("campaign_editor.unverified") : "")});
        choice(path, nk == NomineeKind::collective ? "campaign_editor.template_collective" : "campaign_editor.template_individual",
               options, "");
      }
    }
  }

  // The issuer's Office, the provincial emulation office, and what a decision of the issuer's
  // head cites: the documents print them (core/award.cpp, the submissions).
  void offices_and_bases() {
    if (has("secretariat")) {
      field("secretariat.name_vi", "campaign_editor.office_name", InputKind::long_text, true);
      field("secretariat.abbreviation", "campaign_editor.office_abbreviation", InputKind::text, true);
      field("secretariat.head_vi", "campaign_editor.office_head", InputKind::long_text, true);
      flag("secretariat.unverified", "campaign_editor.unverified_flag");
    }
    if (has("provincial_office")) {
      field("provincial_office.name_vi", "campaign_editor.provincial_office", InputKind::long_text);
      flag("provincial_office.unverified", "campaign_editor.unverified_flag");
    }
    spacer(0.4f);
    subheading(tr("campaign_editor.decision_bases"));
    const json& bases = draft_value(d, "decision_bases");
    for (std::size_t i = 0; i < bases.size() && bases.is_array(); ++i) {
      const std::string bp = "decision_bases[" + std::to_string(i) + "]";
      ImGui::PushID(bp.c_str());
      field(bp + ".text_vi", "campaign_editor.basis_vi", InputKind::multiline, true);  // and text_en
      flag(bp + ".unverified", "campaign_editor.unverified_flag");
      if (i > 0 && button(tr("campaign_editor.up"), bp + ".up")) sec.move_draft_item(d.key, bp, -1);
      if (i > 0) ImGui::SameLine();
      if (button(tr("campaign_editor.remove_basis"), bp + ".remove", ButtonKind::danger)) sec.remove_draft_item(d.key, bp);
      ImGui::PopID();
      spacer(0.4f);
    }
    focus_if_target(s, "decision_bases");
    if (button(tr("campaign_editor.add_basis"), "decision_bases")) add_item("decision_bases", "text_vi");
  }

  void units() {
    FieldSpec spec;
    spec.path = "units";
    spec.label = tr("campaign_editor.units");
    spec.help = tr("campaign_editor.units_help");
    spec.kind = InputKind::multiline;
    spec.lines = 8;
    spec.read_only = s.read_only();
    focus_if_target(s, "units");
    if (auto v = input_field(spec, units_as_lines(d), idx); v && v->is_string())
      sec.set_draft_units(d.key, v->get<std::string>());
  }
};

void findings_card(app::Session& s, const std::vector<Finding>& all) {
  const Palette& p = palette();
  begin_card("campaign_editor.findings");
  int errors = 0;
  for (const Finding& f : all) errors += f.severity == Severity::error;
  if (all.empty()) {
    colored_wrapped(p.success, tr("campaign_editor.no_findings"));
  } else {
    subheading(trf("campaign_editor.findings", {std::to_string(errors), std::to_string(all.size() - errors)}).c_str());
    for (std::size_t i = 0; i < all.size(); ++i) {
      const Finding& f = all[i];
      if (finding_row(f, i, f.severity == Severity::error ? p.error : p.warning)) {
        s.nav.focus_path = f.path;
        s.nav.focus_frames = 6;
      }
    }
  }
  end_card();
}

void editor(app::Session& s, app::Secretariat& sec, const CampaignDraft& d) {
  if (button(tr("campaign_editor.back"), "campaign_editor.back")) {
    st.open.clear();
    return;
  }
  heading(d.plan_number().empty() ? tr("campaign_editor.title") : trf("campaign_editor.title_of", {d.plan_number()}).c_str());
  small_muted(trf("campaign_editor.based_on", {d.based_on, d.id()}));
  section_jump();
  const std::vector<Finding>& all = sec.draft_findings(d.key);
  std::vector<const Finding*> ptrs;
  for (const Finding& f : all) ptrs.push_back(&f);
  const std::string scope = "campaign:" + d.key;
  const auto shown = findings_at_fields(scope, ptrs);
  const FindingIndex idx(shown);
  Editor e{s, sec, d, idx};

  findings_card(s, all);
  int errors = 0;
  for (const Finding& f : all) errors += f.severity == Severity::error;
  // Publishing: the file, and where it stands.
  {
    begin_card("campaign_editor.publish_card");
    if (d.published_as_is()) colored_wrapped(palette().success, trf("campaign_editor.published", {std::to_string(d.published_version)}).c_str());
    else if (d.published_version > 0) muted(trf("campaign_editor.changed_since", {std::to_string(d.published_version)}).c_str());
    else muted(tr("campaign_editor.not_published"));
    if (button(tr(errors ? "campaign_editor.publish_blocked" : "campaign_editor.publish"), "campaign.publish",
               errors ? ButtonKind::normal : ButtonKind::primary)) {
      if (errors) check_all_fields(scope);
      sec.publish_draft(d.key, false);
    }
    if (const auto& last = sec.last_published(); last && d.published_as_is() && last->file.campaign.id == d.id()) {
      ImGui::SameLine();
      if (button(tr("campaign_editor.share"), "campaign.share")) sec.publish_draft(d.key, true);
      small_muted(trf("campaign_editor.file", {last->file_name, last->file.campaign.hash.substr(0, 12)}));
    }
    // The one-page summary that goes with the file (the version the workspace holds).
    if (const Campaign* held = s.library().campaign(d.id()); held && d.published_as_is()) {
      const Campaign summary_of = *held;
      print_buttons(s, "campaign.summary", "tom-tat-dot-thi-dua_" + held->id,
                    [summary_of] { return std::vector<doc::Document>{doc::campaign_summary(summary_of)}; },
                    tr("campaign_editor.summary"));
    }
    end_card();
  }

  {
    begin_card("campaign_editor.plan");
    section_title("plan");
    e.field("issuer_parent_vi", "campaign_editor.issuer_parent", InputKind::long_text);
    e.field("issuer_vi", "campaign_editor.issuer", InputKind::long_text, true);
    e.field("plan.number", "campaign_editor.plan_number", InputKind::text, true);
    e.field("plan.date", "campaign_editor.plan_date", InputKind::date, true);
    e.field("plan.title_vi", "campaign_editor.plan_title", InputKind::multiline);
    e.field("parent_plan.number", "campaign_editor.parent_number");
    e.field("parent_plan.date", "campaign_editor.parent_date", InputKind::date);
    e.field("parent_plan.title_vi", "campaign_editor.parent_title", InputKind::multiline);
    e.field("place", "campaign_editor.place");
    e.field("name_vi", "campaign_editor.name", InputKind::multiline, true);
    e.field("theme_vi", "campaign_editor.theme", InputKind::multiline);
    e.choice("kind", "campaign_editor.kind",
             {{"regular", tr(describe(CampaignKind::regular))},
              {"thematic", tr(describe(CampaignKind::thematic))},
              {"special", tr(describe(CampaignKind::special))}},
             "");
    e.field("issuer_abbreviation", "campaign_editor.issuer_abbreviation");
    e.field("issuer_head_vi", "campaign_editor.issuer_head", InputKind::long_text);
    end_card();
  }
  {
    begin_card("campaign_editor.time");
    section_title("time");
    e.field("period.start", "campaign_editor.period_start", InputKind::date, true);
    e.field("period.end", "campaign_editor.period_end", InputKind::date, true);
    e.deadline();
    e.field("receiving_office_vi", "campaign_editor.receiving_office", InputKind::long_text, true);
    end_card();
  }
  section_title("awards");
  e.award_forms();
  {
    begin_card("campaign_editor.documents");
    section_title("documents");
    e.documents();
    end_card();
  }
  {
    begin_card("campaign_editor.offices");
    section_title("offices");
    e.offices_and_bases();
    end_card();
  }
  {
    begin_card("campaign_editor.units_card");
    section_title("units");
    e.units();
    end_card();
  }
  {
    begin_card("campaign_editor.council");
    section_title("council");
    e.field("voting.quorum.numerator", "campaign_editor.quorum_n", InputKind::integer, true);
    e.field("voting.quorum.denominator", "campaign_editor.quorum_d", InputKind::integer, true);
    e.field("voting.threshold.numerator", "campaign_editor.threshold_n", InputKind::integer, true);
    e.field("voting.threshold.denominator", "campaign_editor.threshold_d", InputKind::integer, true);
    if (e.has("voting.unit_threshold")) {
      e.field("voting.unit_threshold.numerator", "campaign_editor.unit_threshold_n", InputKind::integer, true);
      e.field("voting.unit_threshold.denominator", "campaign_editor.unit_threshold_d", InputKind::integer, true);
    }
    end_card();
  }
  if (button(tr("campaign_editor.delete"), "campaign_editor.delete", ButtonKind::danger))
    ask_reason({tr("campaign_editor.delete_title"), tr("campaign_editor.delete_detail"), tr("campaign_editor.delete"),
                "delete_draft:" + d.key, "", true, false, false});
}

// ---- the list ---------------------------------------------------------------------------------

void campaign_card(app::Session& s, app::Secretariat& sec, const CampaignSummary& c) {
  const Campaign* campaign = s.library().campaign(c.id);
  if (!campaign) return;
  begin_card(("campaigns.card." + c.id).c_str());
  subheading(trf("campaigns.plan", {c.plan_number, to_display(campaign->plan.date)}).c_str());
  annotate(c.plan_number.c_str(), "campaigns.row." + c.id);
  wrapped(tr(campaign->name).c_str());
  const Palette& p = palette();
  const Tone tone = c.state == CampaignState::open            ? Tone{p.success, p.success_bg}
                    : c.state == CampaignState::past_deadline ? Tone{p.warning, p.warning_bg}
                                                              : Tone{p.muted, p.accent_bg};
  badge(state_label(c.state).c_str(), tone.fg, tone.bg, "campaigns.state." + c.id);
  const std::string kind = campaign->kind == CampaignKind::unspecified ? "" : tr(describe(campaign->kind)) + std::string(" · ");
  small_muted(kind + trf("campaigns.deadline_version", {tr(campaign->deadline.describe()), std::to_string(c.version)}) +
              (c.built_in ? " · " + std::string(tr("campaigns.built_in")) : ""));
  const bool archived = c.state == CampaignState::archived;
  const bool marked = mark_of(s.workspace(), c.id).has_value();
  // Each campaign has its own register: intake, council and decisions work on the one open.
  if (archived) {
    muted(tr("campaigns.archived_note"));
  } else if (c.id == s.campaign().id) {
    colored_wrapped(p.success, tr("campaigns.registry_open"));
  } else if (button(tr("campaigns.open_registry"), "campaigns.open_registry." + c.id, ButtonKind::primary)) {
    s.switch_campaign(c.id);
    s.nav.screen = app::Screen::campaigns;
    return end_card();
  }
  // Closing keeps every dossier and minutes as they are (read-only, printable); archiving also
  // takes the campaign out of the switcher. Both are undone here.
  if (marked && !archived && c.id == s.campaign().id && sec.reg().closed()) {
    // Closed with its register (the close report): reopened there, with a reason.
    muted(tr("campaigns.registry_closed"));
  } else if (marked) {
    if (button(tr(archived ? "campaigns.unarchive" : "campaigns.reopen"), (archived ? "campaigns.unarchive." : "campaigns.reopen.") + c.id))
      s.mark_campaign(c.id, std::nullopt);
  } else if (!is_closed(c.state) && button(tr("campaigns.close"), "campaigns.close." + c.id)) {
    s.mark_campaign(c.id, CampaignMark::closed);
  }
  if (!archived && c.id != s.campaign().id) {
    if (!is_phone()) ImGui::SameLine();
    if (button(tr("campaigns.archive"), "campaigns.archive." + c.id)) s.mark_campaign(c.id, CampaignMark::archived);
  }
  if (button(tr("campaigns.duplicate"), "campaigns.duplicate." + c.id)) {
    const std::string key = sec.duplicate_campaign(c.id);
    if (!key.empty()) st.open = key;
  }
  if (!is_phone()) ImGui::SameLine();
  if (button(tr("campaigns.correct"), "campaigns.correct." + c.id)) {
    const std::string key = sec.correct_campaign(c.id);
    if (!key.empty()) st.open = key;
  }
  end_card();
}

void draft_card(app::Secretariat& sec, const CampaignDraft& d) {
  begin_card(("campaigns.draft." + d.key).c_str());
  const std::string number = d.plan_number().empty() ? tr("campaigns.no_number") : d.plan_number();
  subheading(trf("campaigns.draft_title", {number}).c_str());
  const std::vector<Finding>& all = sec.draft_findings(d.key);
  int errors = 0;
  for (const Finding& f : all) errors += f.severity == Severity::error;
  const Palette& p = palette();
  std::string where = d.published_as_is() ? trf("campaign_editor.published", {std::to_string(d.published_version)})
                      : d.published_version ? trf("campaign_editor.changed_since", {std::to_string(d.published_version)})
                                            : tr("campaign_editor.not_published");
  if (errors) where += " · " + trf("campaigns.errors", errors);
  colored_wrapped(errors ? p.error : p.muted, where.c_str());
  small_muted(trf("campaign_editor.based_on", {d.based_on, d.id()}));
  if (button(tr("campaigns.edit"), "campaigns.edit." + d.key, ButtonKind::primary)) st.open = d.key;
  end_card();
}

}  // namespace

void campaigns_screen(app::Session& s) {
  app::Secretariat& sec = s.secretariat();
  if (auto c = reason_dialog()) {
    if (auto key = action_arg(c->action, "delete_draft")) {
      sec.delete_draft(*key);
      st.open.clear();
    }
  }
  // Coming from another screen, or choosing "Đợt thi đua" again: the list (a draft is one tap
  // away on it), as the dossiers' entry opens their list.
  static int drawn_at = -10;
  if (screen_chosen_again() || ImGui::GetFrameCount() > drawn_at + 1) st.open.clear();
  drawn_at = ImGui::GetFrameCount();
  if (const CampaignDraft* d = st.open.empty() ? nullptr : sec.draft(st.open)) {
    editor(s, sec, *d);
  } else {
    st.open.clear();
    heading(tr("campaigns.title"));
    muted(tr("campaigns.intro"));
    // A campaign of a new kind, not a copy of last year's: the issuer's data kept, the plan empty.
    if (button(tr("campaigns.new"), "campaigns.new")) {
      const std::string key = sec.duplicate_campaign(s.campaign().id, true);
      if (!key.empty()) st.open = key;
    }
    small_muted(tr("campaigns.new_help"));
    for (const CampaignDraft& draft : sec.drafts()) draft_card(sec, draft);
    const auto all = s.campaign_summaries();
    for (const CampaignSummary& c : all)
      if (c.state != CampaignState::archived) campaign_card(s, sec, c);
    // Archived campaigns last, under their own heading: out of the way, never out of reach.
    bool any_archived = false;
    for (const CampaignSummary& c : all) {
      if (c.state != CampaignState::archived) continue;
      if (!any_archived) subheading(tr("campaigns.archived"));
      any_archived = true;
      campaign_card(s, sec, c);
    }
  }
  if (!s.nav.focus_path.empty() && --s.nav.focus_frames <= 0) s.nav.focus_path.clear();
  else if (!s.nav.focus_path.empty() || fields_moving()) s.platform().request_frame();
}

}  // namespace hoso::ui
