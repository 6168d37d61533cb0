#include "ui/print_actions.hpp"

#include <algorithm>

#include "app/session.hpp"
#include "core/documents/docx.hpp"
#include "core/documents/html.hpp"
#include "core/documents/unit_documents.hpp"
#include "core/package.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

constexpr std::string_view kDocxMime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

struct Row {
  const char* label;
  std::string id, stem;
  BuildDocuments build;
};

// The document's pair of buttons; the documents are built on a tap only.
void buttons(app::Session& s, const Row& r) {
  if (button(tr("print.html"), r.id + ".html"))
    if (auto docs = r.build(); !docs.empty()) open_printable(s, docs, r.stem);
  ImGui::SameLine();
  if (button(tr("print.docx"), r.id + ".docx"))
    if (auto docs = r.build(); !docs.empty()) download_word(s, docs, r.stem);
}

// Rows of documents: labels in a column before the buttons when there is room, above otherwise;
// then how to print from the tab that opens.
void rows(app::Session& s, std::span<const Row> rs) {
  float label_w = 0;
  for (const Row& r : rs)
    if (r.label) label_w = std::max(label_w, ImGui::CalcTextSize(r.label).x + em());
  const ImGuiStyle& st = ImGui::GetStyle();
  const float buttons_w = ImGui::CalcTextSize(tr("print.html")).x + ImGui::CalcTextSize(tr("print.docx")).x +
                          4 * st.FramePadding.x + st.ItemSpacing.x;
  const bool beside = !is_phone() && label_w + buttons_w < ImGui::GetContentRegionAvail().x;
  // The column of buttons starts `label_w` from where the labels start (a card's padding included).
  const float x0 = ImGui::GetCursorPosX();
  for (const Row& r : rs) {
    ImGui::PushID(r.id.c_str());
    if (r.label && beside) {
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(r.label);
      ImGui::SameLine(x0 + label_w);
    } else if (r.label) {
      wrapped(r.label);  // above the buttons, wrapped to the screen: never cut at its edge
    }
    buttons(s, r);
    ImGui::PopID();
  }
  small_muted(tr(is_phone() ? "print.hint_phone" : "print.hint"));
}

std::string stem(std::string_view prefix, std::string_view name, std::string_view fallback = {}) {
  std::string tail = text::slug(name);
  if (tail.empty()) tail = text::slug(fallback);
  std::string out(prefix);
  if (!tail.empty()) out += "_" + tail;
  return out;
}

const Campaign& campaign_of(app::Session& s, std::string_view id) {
  const Campaign* c = s.library().campaign(id);
  return c ? *c : s.campaign();
}

// A dossier's report, or nothing (and why) when the app lacks the template it was written on.
const ReportTemplate* report_template(app::Session& s, const Dossier& d) {
  const ReportTemplate* t = s.library().find_template(d.report_template.id);
  if (!t) s.toast(app::Toast::Kind::error, app::Message("print.no_template", {d.report_template.id}), 10);
  return t;
}

}  // namespace

std::string print_css_url(app::Session& s) { return s.platform().app_base_url() + "print.css"; }

void open_printable_html(app::Session& s, const std::string& html, std::string_view file_stem) {
  s.platform().open_file(std::string(file_stem) + ".html", "text/html", html);
}

void open_printable(app::Session& s, std::span<const doc::Document> docs, std::string_view file_stem) {
  const std::string css = print_css_url(s);
  const std::string html = docs.size() == 1 ? doc::to_html(docs.front(), css) : doc::to_html(docs, css, docs.front().title);
  s.platform().open_file(std::string(file_stem) + ".html", "text/html", html);
}

void download_word(app::Session& s, std::span<const doc::Document> docs, std::string_view file_stem) {
  const std::string name = std::string(file_stem) + ".docx";
  s.platform().download(name, kDocxMime, doc::to_docx(docs));
  s.toast(app::Toast::Kind::success, app::Message("print.downloaded", {name}));
}

void print_buttons(app::Session& s, std::string_view id, std::string_view file_stem, const BuildDocuments& build,
                   const char* label) {
  const Row r{label, std::string(id), std::string(file_stem), build};
  rows(s, {&r, 1});
}

// The builders run inside the tap, while what they capture by reference is still there.

void dossier_print_buttons(app::Session& s, const Dossier& d) {
  const std::string& name = display_name(d.nominee);
  auto report = [&]() -> std::vector<doc::Document> {
    const ReportTemplate* t = report_template(s, d);
    if (!t) return {};
    return {doc::achievement_report(d, campaign_of(s, d.campaign.id), *t)};
  };
  auto summary = [&]() -> std::vector<doc::Document> {
    const ReportTemplate* t = report_template(s, d);
    if (!t) return {};
    return {doc::achievement_summary(d, campaign_of(s, d.campaign.id), *t, s.today())};
  };
  const Row rs[] = {{tr("print.report"), "print.report", stem("bao-cao-thanh-tich", name, d.id), report},
                    {tr("print.summary"), "print.summary", stem("tom-tat-thanh-tich", name, d.id), summary}};
  rows(s, rs);
}

void minutes_print_buttons(app::Session& s, const Minutes* m) {
  const Workspace& w = s.workspace();
  auto build = [&]() -> std::vector<doc::Document> {
    const Minutes blank = new_minutes({}, w.settings.unit_id, w.settings.unit_name, s.now());
    return {doc::review_minutes(m ? *m : blank, s.campaign(), w.dossiers)};
  };
  print_buttons(s, "print.minutes", stem("bien-ban-hop-xet", m ? m->unit_name : w.settings.unit_name), build);
}

void package_print_buttons(app::Session& s, std::string_view file_name, std::string_view package_text) {
  std::string_view base = file_name.substr(0, file_name.rfind('.'));
  auto build = [&]() -> std::vector<doc::Document> {
    auto p = verify_package(s.library(), file_name, package_text);
    if (!p) {
      s.toast(app::Toast::Kind::error, app::Message::error(p.error()), 20);
      return {};
    }
    const Campaign& c = campaign_of(s, p->header.campaign.id);
    doc::PackageContents contents{p->header.sender.unit_name, p->header.id, p->header.revision,
                                  p->header.content_hash, {}, p->minutes.empty() ? nullptr : &p->minutes.front(),
                                  vietnam_date(p->header.created)};
    for (const Dossier& d : p->dossiers) contents.dossiers.push_back(&d);
    std::vector<doc::Document> docs{doc::package_cover(contents, c)};
    for (const Dossier& d : p->dossiers) {
      const ReportTemplate* t = report_template(s, d);
      if (!t) return {};
      docs.push_back(doc::achievement_report(d, c, *t));
      docs.push_back(doc::achievement_summary(d, c, *t, contents.date));
    }
    for (const Minutes& m : p->minutes) docs.push_back(doc::review_minutes(m, c, p->dossiers));
    return docs;
  };
  print_buttons(s, "print.bundle", base, build, tr("print.bundle"));
}

void council_print_buttons(app::Session& s, const doc::CouncilSession& session) {
  const Campaign& c = s.campaign();
  const std::string day = session.date.year ? to_iso(session.date) : "";
  const Row rs[] = {{tr("print.council_minutes"), "print.council_minutes", stem("bien-ban-hoi-dong", day),
                     [&] { return std::vector{doc::council_minutes(session, c)}; }},
                    {tr("print.proposal_list"), "print.proposal_list", stem("danh-sach-de-nghi", day),
                     [&] { return std::vector{doc::proposal_list(session, c)}; }},
                    // Each Tờ trình goes with its own list, to the authority that decides the award.
                    {tr("print.submission"), "print.submission", stem("to-trinh", day),
                     [&] { return std::vector{doc::submission(session, c), doc::proposal_list(session, c, Decider::issuer_head)}; }},
                    {tr("print.submission_parent"), "print.submission_parent", stem("to-trinh-cap-tren", day),
                     [&] {
                       return std::vector{doc::submission_to_parent(session, c), doc::proposal_list(session, c, Decider::parent_head)};
                     }}};
  rows(s, rs);
}

}  // namespace hoso::ui
