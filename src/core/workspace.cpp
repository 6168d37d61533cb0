#include "core/workspace.hpp"

#include "core/canonical_json.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"

namespace hoso {

using json_in::index_path;
using json_in::member_path;
using json_in::Reader;
using nlohmann::json;

namespace {
// One lookup for the const and non-const members.
template <class Items>
auto find_by_id(Items& items, std::string_view id) -> decltype(&items.front()) {
  for (auto& x : items)
    if (x.id == id) return &x;
  return nullptr;
}
}  // namespace

Dossier* Workspace::dossier(std::string_view id) { return find_by_id(dossiers, id); }
const Dossier* Workspace::dossier(std::string_view id) const { return find_by_id(dossiers, id); }
Minutes* Workspace::find_minutes(std::string_view id) { return find_by_id(minutes, id); }
const Minutes* Workspace::find_minutes(std::string_view id) const { return find_by_id(minutes, id); }

const Minutes* Workspace::minutes_voting_on(std::string_view dossier_id) const {
  for (const auto& m : minutes)
    if (m.vote_for(dossier_id)) return &m;
  return nullptr;
}

void activate(Workspace& w, std::string_view campaign_id) {
  if (w.campaign_id == campaign_id) return;
  if (w.exports != ExportHistory{}) w.campaign_exports[w.campaign_id] = w.exports;
  w.exports = ExportHistory{};
  if (auto it = w.campaign_exports.find(campaign_id); it != w.campaign_exports.end()) {
    w.exports = it->second;
    w.campaign_exports.erase(it);
  }
  w.campaign_id = std::string(campaign_id);
}

Threshold vote_threshold(const Settings& s, const Campaign& c) {
  return s.vote_threshold ? *s.vote_threshold : c.voting.unit();
}

std::string_view to_string(Theme t) { return t == Theme::dark ? "dark" : "light"; }
std::string_view to_string(Language l) { return l == Language::en ? "en" : "vi"; }

namespace {

json threshold_to_json(const Threshold& t) {
  return {{"numerator", t.numerator}, {"denominator", t.denominator}, {"strict", t.strict}};
}

void read_settings(Reader& r, const json& j, std::string_view path, Settings& s) {
  if (!r.expect_object(j, path)) return;
  std::string lang, role, theme;
  r.str(j, path, "language", lang, false);
  r.str(j, path, "role", role, false);
  r.str(j, path, "theme", theme, false);
  if (!r.ok()) return;
  if (lang == "en") s.language = Language::en;
  else if (lang == "vi" || lang.empty()) s.language = Language::vi;
  else r.fail(member_path(path, "language"), json_in::msg_invalid_value(lang, "vi, en"));
  if (auto ro = role_from_string(role)) s.role = *ro;
  else if (!role.empty()) r.fail(member_path(path, "role"), json_in::msg_invalid_value(role, "unit, secretariat"));
  if (theme == "dark") s.theme = Theme::dark;
  else if (theme == "light" || theme.empty()) s.theme = Theme::light;
  else r.fail(member_path(path, "theme"), json_in::msg_invalid_value(theme, "light, dark"));
  r.str(j, path, "unit_id", s.unit_id, false);
  r.str(j, path, "unit_name", s.unit_name, false);
  r.str(j, path, "author", s.author, false);
  r.number(j, path, "text_scale", s.text_scale, false);
  if (r.ok() && !(s.text_scale >= 0.5 && s.text_scale <= 4.0))
    r.fail(member_path(path, "text_scale"), {"Cỡ chữ phải từ 0,5 đến 4.", "The text scale must be from 0.5 to 4."});
  if (const json* t = r.member(j, path, "vote_threshold", false)) {
    std::string tp = member_path(path, "vote_threshold");
    if (!r.expect_object(*t, tp)) return;
    Threshold th;
    r.integer(*t, tp, "numerator", th.numerator);
    r.integer(*t, tp, "denominator", th.denominator);
    r.boolean(*t, tp, "strict", th.strict);
    if (r.ok() && (th.denominator < 1 || th.numerator < 0 || th.numerator > th.denominator))
      r.fail(tp, {"Tỷ lệ phải là một phân số từ 0 đến 1.", "The share must be a fraction from 0 to 1."});
    s.vote_threshold = th;
  }
}

// Nested readers report paths relative to their own value; prefix them with where it sits.
DataError nested(DataError e, const std::string& prefix, std::string_view file) {
  e.path = e.path.empty() ? prefix : prefix + "." + e.path;
  e.file = std::string(file);
  return e;
}

}  // namespace

json to_json(const Settings& s) {
  return {{"language", to_string(s.language)},
          {"role", to_string(s.role)},
          {"unit_id", s.unit_id},
          {"unit_name", s.unit_name},
          {"author", s.author},
          {"text_scale", s.text_scale},
          {"theme", to_string(s.theme)},
          {"vote_threshold", s.vote_threshold ? threshold_to_json(*s.vote_threshold) : json(nullptr)}};
}

Outcome<Settings> settings_from_json(const json& j, std::string_view file_name) {
  Reader r(file_name);
  Settings s;
  read_settings(r, j, "", s);
  if (!r.ok()) return r.take_error();
  return s;
}

namespace {

json exports_to_json(const ExportHistory& e) {
  return {{"last_revision", e.last_revision},
          {"last_package_id", e.last_package_id},
          {"last_package_hash", e.last_package_hash},
          {"last_time", e.last_time ? json(to_iso_instant(*e.last_time)) : json(nullptr)}};
}

void read_exports(Reader& r, const json& e, const std::string& path, ExportHistory& out) {
  if (!r.expect_object(e, path)) return;
  r.integer(e, path, "last_revision", out.last_revision, false);
  r.str(e, path, "last_package_id", out.last_package_id, false);
  r.str(e, path, "last_package_hash", out.last_package_hash, false);
  if (r.member(e, path, "last_time", false)) {
    Millis t = 0;
    r.instant(e, path, "last_time", t);
    out.last_time = t;
  }
}

}  // namespace

json to_json(const HeldCampaign& h) {
  return {{"format", "hoso-held-campaign"},
          {"format_version", 1},
          {"accepted", to_iso_instant(h.accepted)},
          {"file", h.content}};
}

Outcome<HeldCampaign> held_campaign_from_json(const json& j, std::string_view file_name) {
  Reader r(file_name);
  HeldCampaign h;
  if (!r.format(j, "hoso-held-campaign", 1)) return r.take_error();
  r.instant(j, "", "accepted", h.accepted);
  const json* file = r.member(j, "", "file", true);
  if (!r.ok()) return r.take_error();
  auto c = campaign_from_json(file_name, *file);
  if (!c) return nested(c.error(), "file", file_name);
  h.id = c->id;
  h.version = c->version;
  h.hash = c->hash;
  h.content = *file;
  return h;
}

std::optional<CampaignMark> mark_of(const Workspace& w, std::string_view campaign_id) {
  auto it = w.campaign_marks.find(campaign_id);
  if (it == w.campaign_marks.end()) return std::nullopt;
  return it->second;
}

std::string_view to_string(CampaignMark m) { return m == CampaignMark::archived ? "archived" : "closed"; }

json to_json(const Workspace& w) {
  json campaigns = json::array();
  for (const auto& h : w.campaigns) campaigns.push_back(to_json(h));
  json dossiers = json::array();
  for (const auto& d : w.dossiers) dossiers.push_back(to_json(d));
  json minutes = json::array();
  for (const auto& m : w.minutes) minutes.push_back(to_json(m));
  json exports = exports_to_json(w.exports);
  json campaign_exports = json::object();
  for (const auto& [id, e] : w.campaign_exports) campaign_exports[id] = exports_to_json(e);
  json marks = json::object();
  for (const auto& [id, m] : w.campaign_marks) marks[id] = to_string(m);
  json out = {{"format", "hoso-workspace"},
          {"format_version", kWorkspaceFormatVersion},
          {"settings", to_json(w.settings)},
          {"campaign_id", w.campaign_id},
          {"campaigns", std::move(campaigns)},
          {"dossiers", std::move(dossiers)},
          {"minutes", std::move(minutes)},
          {"exports", std::move(exports)},
          {"campaign_exports", std::move(campaign_exports)},
          {"campaign_marks", std::move(marks)}};
  if (!w.workspace_id.empty()) out["workspace_id"] = w.workspace_id;  // none before the first export
  return out;
}

Outcome<Workspace> workspace_from_json(const json& j, std::string_view file_name) {
  Reader r(file_name);
  Workspace w;
  if (!r.format(j, "hoso-workspace", kWorkspaceFormatVersion)) return r.take_error();
  if (const json* s = r.member(j, "", "settings", false)) read_settings(r, *s, "settings", w.settings);
  r.str(j, "", "campaign_id", w.campaign_id);
  r.str(j, "", "workspace_id", w.workspace_id, false);  // absent until the first export
  if (!r.ok()) return r.take_error();
  // Absent in workspaces of the first release, which held only the built-in campaign.
  if (const json* cs = r.member(j, "", "campaigns", false); cs && r.expect_array(*cs, "campaigns")) {
    for (std::size_t i = 0; i < cs->size(); ++i) {
      auto h = held_campaign_from_json((*cs)[i], file_name);
      if (!h) return nested(h.error(), index_path("campaigns", i), file_name);
      w.campaigns.push_back(std::move(h).value());
    }
  }
  if (!r.ok()) return r.take_error();
  if (const json* ds = r.member(j, "", "dossiers", false); ds && r.expect_array(*ds, "dossiers")) {
    w.dossiers.reserve(ds->size());
    for (std::size_t i = 0; i < ds->size(); ++i) {
      auto d = dossier_from_json((*ds)[i], file_name);
      if (!d) return nested(d.error(), index_path("dossiers", i), file_name);
      if (w.dossier(d->id))
        return DataError{std::string(file_name), member_path(index_path("dossiers", i), "id"),
                         json_in::msg_duplicate_id(d->id)};
      w.dossiers.push_back(std::move(d).value());
    }
  }
  if (const json* ms = r.member(j, "", "minutes", false); ms && r.expect_array(*ms, "minutes")) {
    for (std::size_t i = 0; i < ms->size(); ++i) {
      auto m = minutes_from_json((*ms)[i], file_name);
      if (!m) return nested(m.error(), index_path("minutes", i), file_name);
      if (w.find_minutes(m->id))
        return DataError{std::string(file_name), member_path(index_path("minutes", i), "id"),
                         json_in::msg_duplicate_id(m->id)};
      w.minutes.push_back(std::move(m).value());
    }
  }
  if (const json* e = r.member(j, "", "exports", false)) read_exports(r, *e, "exports", w.exports);
  // Absent in workspaces of the first release: their one history is the active campaign's.
  if (const json* ce = r.member(j, "", "campaign_exports", false); ce && r.expect_object(*ce, "campaign_exports"))
    for (const auto& [id, e] : ce->items()) {
      if (!r.ok()) break;
      read_exports(r, e, member_path("campaign_exports", id), w.campaign_exports[id]);
    }
  if (const json* marks = r.member(j, "", "campaign_marks", false); marks && r.expect_object(*marks, "campaign_marks"))
    for (const auto& [id, m] : marks->items()) {
      std::string mark;
      if (!r.str(*marks, "campaign_marks", id, mark)) break;
      // A mark a newer release knows and this one does not reads as none: the campaign as its dates
      // say (the settings, the active campaign and the export history must not fail with it).
      if (mark == "closed" || mark == "archived") w.campaign_marks[id] = mark == "closed" ? CampaignMark::closed : CampaignMark::archived;
    }
  if (!r.ok()) return r.take_error();
  return w;
}

Outcome<Workspace> workspace_from_text(std::string_view text, std::string_view file_name) {
  ParseLimits limits;  // a backup holds many dossiers: the default limits (64 MB) apply
  ParseResult p = parse_untrusted_json(text, limits);
  if (!p.ok())
    return DataError{std::string(file_name), p.error->json_path_or_offset,
                     {"Tệp JSON không đọc được: " + p.error->message_vi,
                      "The JSON file cannot be read: " + p.error->message_en}};
  return workspace_from_json(p.value, file_name);
}

}  // namespace hoso

