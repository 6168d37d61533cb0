#include "main/app.hpp"

#include <nlohmann/json.hpp>

#include "app/edition.hpp"
#include "app/file_routing.hpp"
#include "core/attachments.hpp"
#include "core/library.hpp"
#include "core/package.hpp"
#include "core/registry.hpp"
#include "core/sha256.hpp"
#include "core/synthetic.hpp"
#include "imgui.h"
#include "store/backup.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "core/return_note.hpp"

namespace hoso::app {

App::App(Platform& platform) : session_(platform) {}

bool App::start() {
  ui::load_catalogues();
  load_edition_strings();
  if (!session_.start()) return false;
  apply_settings();
  return true;
}

// The person's text size on top of the base, which is larger on a phone (ui/theme.hpp).
float App::text_scale() const {
  double s = session_.workspace().settings.text_scale;
  const float chosen = static_cast<float>(s < 0.75 ? 0.75 : s > 2.0 ? 2.0 : s);
  const bool phone = ImGui::GetCurrentContext() && ImGui::GetIO().DisplaySize.x < ui::kPhoneWidth;
  return chosen * (phone ? ui::kPhoneTextScale : 1.0f);
}

// Language, theme and text size follow the settings; spacing grows once a finger is seen.
void App::apply_settings() {
  const Settings& st = session_.workspace().settings;
  ui::set_language(st.language);
  const float scale = text_scale();
  const int theme = st.theme == Theme::dark ? 1 : 0;
  const bool touch = ImGui::GetCurrentContext() && ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen;
  if (scale != applied_scale_ || theme != applied_theme_ || touch != applied_touch_) {
    // FramePadding etc. are in CSS px and scale with the text; fonts are rebuilt by the platform.
    ui::apply_style(theme == 1, scale, touch || ImGui::GetIO().DisplaySize.x < ui::kPhoneWidth);
    applied_scale_ = scale;
    applied_theme_ = theme;
    applied_touch_ = touch;
  }
  // The secretariat's role needs the full edition (edition.hpp): remember the choice for the next
  // start, and reload into it now when this edition lacks the tools.
  const int edition = st.role == Role::secretariat ? 1 : 0;
  if (edition != applied_edition_) {
    applied_edition_ = edition;
    const bool reload = edition == 1 && !has_secretariat_tools();
    if (!session_.platform().use_edition(edition == 1, reload) && reload)
      session_.toast(Toast::Kind::error, Message("edition.unavailable"), 30);
  }
}

void App::frame() {
  apply_settings();
  ui::shell(session_);
}

std::string App::state_json() {
  const auto& st = session_.platform().storage();
  static constexpr const char* kSave[] = {"saved", "saving", "error", "unavailable", "read_only"};
  nlohmann::json j;
  j["workspace"] = to_json(session_.workspace());
  j["save"] = {{"state", kSave[static_cast<int>(st.state)]},
               {"error", st.error},
               {"last_saved", st.last_saved},
               {"persisted", st.persisted},
               {"persist_known", st.persist_known},
               {"can_take_over", st.can_take_over},
               {"leave_held", st.leave_held}};
  // Every campaign the workspace holds (built-in and accepted) and the active one.
  j["campaigns"] = nlohmann::json::array();
  for (const CampaignSummary& c : session_.campaign_summaries())
    j["campaigns"].push_back({{"id", c.id},
                              {"version", c.version},
                              {"plan_number", c.plan_number},
                              {"deadline", to_iso(c.deadline)},
                              {"state", to_string(c.state)}});
  j["active_campaign"] = session_.campaign().id;
  j["screen"] = screen_name(session_.nav.screen);
  j["dossier_id"] = session_.nav.dossier_id;
  j["broken"] = nlohmann::json::array();
  for (const auto& b : session_.broken_records())
    j["broken"].push_back({{"name", b.name}, {"problem", b.problem_en}, {"previous_valid", b.previous_valid}});
  int errors = 0, warnings = 0;
  for (const Finding& f : session_.findings(true)) (f.severity == Severity::error ? errors : warnings)++;
  j["findings"] = {{"errors", errors}, {"warnings", warnings}};
  // The secretariat's register: intake report, table rows, quotas, meetings and their results.
  if (has_secretariat_tools() && (session_.workspace().settings.role == Role::secretariat || session_.has_secretariat()))
    j["registry"] = secretariat_snapshot(session_);
  j["edition"] = has_secretariat_tools() ? "full" : "unit";
  return j.dump();
}

void App::on_file(FilePurpose purpose, std::string_view name, std::string_view mime, std::string_view bytes,
                  int index, int count) {
  app::on_file(session_, purpose, name, mime, bytes, index, count);
}

void App::on_file_failed(FilePurpose purpose, std::string_view name, std::string_view message) {
  (void)purpose;
  session_.toast(Toast::Kind::error, Message("file.read_failed", {name, message}));
}

double App::max_file_bytes(FilePurpose purpose) {
  switch (purpose) {
    case FilePurpose::attachment: return static_cast<double>(kMaxAttachmentBytes);
    case FilePurpose::package: return static_cast<double>(kPackageMaxBytes);
    case FilePurpose::campaign: return static_cast<double>(kCampaignFileMaxBytes);
    case FilePurpose::return_note: return static_cast<double>(kReturnNoteMaxBytes);
    // A dropped file is routed by what it is: the largest any reader takes.
    case FilePurpose::backup:
    case FilePurpose::dropped: return static_cast<double>(store::kMaxBackupBytes);
  }
  return static_cast<double>(store::kMaxBackupBytes);
}

void App::on_file_too_large(FilePurpose purpose, std::string_view name, double size) {
  session_.toast(Toast::Kind::error, Message("file.too_large", {same(name), format_size(static_cast<int64_t>(size)), format_size(static_cast<int64_t>(max_file_bytes(purpose)))}),
                 20);
}

void App::on_share_result(int code, std::string_view message) {
  if (code == 2) session_.toast(Toast::Kind::error, Message("share.failed", {message}));
}

void App::dev_generate(int dossiers, double attachment_bytes, bool ready, unsigned seed, int gaps) {
  SyntheticOptions opts;
  opts.dossiers = dossiers;
  opts.seed = seed ? seed : 1;
  opts.now = session_.now();
  Workspace w = generate_workspace(session_.library(), session_.campaign(), opts);
  w.settings = session_.workspace().settings;
  // The campaign files the workspace holds stay: the generated dossiers are the active one's.
  w.campaigns = session_.workspace().campaigns;
  // Made-up attachments: pseudo-random bytes (xorshift), stored like real ones. Not real PDFs:
  // nothing here looks inside them.
  const std::size_t each = dossiers > 0 && attachment_bytes > 0 ? static_cast<std::size_t>(attachment_bytes / (2.0 * dossiers)) : 0;
  uint64_t x = 0x9E3779B97F4A7C15ULL;
  for (Dossier& d : w.dossiers) {
    for (int k = 0; each > 0 && k < 2; ++k) {
      std::string bytes(each, '\0');
      for (char& c : bytes) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        c = static_cast<char>(x >> 24);
      }
      std::string sha = sha256_hex(bytes);
      if (!session_.store().put_attachment(sha, bytes)) continue;
      d.attachments.push_back({session_.new_id(), "minh-chung-" + std::to_string(k + 1) + ".pdf", "application/pdf",
                               static_cast<int64_t>(each), std::move(sha), opts.now});
    }
    if (ready) d.status = Status::ready;  // generated dossiers pass validation
  }
  for (std::size_t i = 0; gaps > 0 && i < w.dossiers.size(); i += 4, --gaps) {
    w.dossiers[i].summary.clear();
    w.dossiers[i].status = Status::draft;
  }
  report(session_, session_.replace_workspace(std::move(w)));
  session_.save_now();
}

}  // namespace hoso::app
