#include "core/minutes.hpp"

#include <algorithm>

#include "core/json_in.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::index_path;
using json_in::member_path;
using json_in::Reader;
using nlohmann::json;

const Vote* Minutes::vote_for(std::string_view dossier_id) const {
  for (const auto& v : votes)
    if (v.dossier_id == dossier_id) return &v;
  return nullptr;
}

Vote* Minutes::vote_for(std::string_view dossier_id) {
  for (auto& v : votes)
    if (v.dossier_id == dossier_id) return &v;
  return nullptr;
}

Minutes new_minutes(std::string id, std::string unit_id, std::string unit_name, Millis now) {
  Minutes m;
  m.id = std::move(id);
  m.unit_id = std::move(unit_id);
  m.unit_name = std::move(unit_name);
  m.created = m.updated = whole_seconds(now);
  return m;
}

double vote_share(const Vote& v, const Minutes& m) {
  return m.members_total > 0 ? static_cast<double>(v.votes_for) / m.members_total : 0.0;
}

bool meets_threshold(const Vote& v, const Minutes& m, const Threshold& t) {
  return t.met(v.votes_for, m.members_total);
}

int members_who_could_vote(const Minutes& m) {
  int opinions = 0;
  for (const AbsentMember& a : m.absent)
    if (!text::trim(a.opinion).empty()) ++opinions;
  const int could = m.members_present + opinions;
  return m.members_total > 0 ? std::min(could, std::max(m.members_total, m.members_present)) : could;
}

bool has_quorum(const Minutes& m, const Threshold& quorum) {
  return quorum.met(m.members_present, m.members_total);
}

json to_json(const Minutes& m) {
  json absent = json::array();
  for (const auto& a : m.absent) {
    json row = {{"name", a.name}, {"reason", a.reason}};
    if (!a.opinion.empty()) row["opinion"] = a.opinion;  // absent: files read by older releases stay the same
    absent.push_back(std::move(row));
  }
  json votes = json::array();
  for (const auto& v : m.votes)
    votes.push_back({{"dossier_id", v.dossier_id},
                     {"award_form", v.award_form},
                     {"for", v.votes_for},
                     {"against", v.votes_against}});
  json audit = json::array();
  for (const auto& e : m.audit) audit.push_back(to_json(e));
  return {{"format_version", kMinutesFormatVersion},
          {"id", m.id},
          {"campaign_id", m.campaign_id},
          {"unit_id", m.unit_id},
          {"unit_name", m.unit_name},
          {"date", m.date},
          {"time", m.time},
          {"place", m.place},
          {"chair", m.chair},
          {"secretary", m.secretary},
          {"members_total", m.members_total},
          {"members_present", m.members_present},
          {"absent", std::move(absent)},
          {"agenda", m.agenda},
          {"votes", std::move(votes)},
          {"conclusion", m.conclusion},
          {"closing_time", m.closing_time},
          {"audit", std::move(audit)},
          {"created", to_iso_instant(m.created)},
          {"updated", to_iso_instant(m.updated)}};
}

Outcome<Minutes> minutes_from_json(const json& j, std::string_view file_name) {
  Reader r(file_name);
  Minutes m;
  if (!r.expect_object(j, "")) return r.take_error();
  int version = 0;
  r.integer(j, "", "format_version", version);
  if (r.ok() && version != kMinutesFormatVersion)
    r.fail("format_version", {"Biên bản theo định dạng phiên bản " + std::to_string(version) +
                                  ", ứng dụng này đọc phiên bản " + std::to_string(kMinutesFormatVersion) + ".",
                              "The minutes are in format version " + std::to_string(version) +
                                  "; this app reads version " + std::to_string(kMinutesFormatVersion) + "."});
  r.str(j, "", "id", m.id);
  if (r.ok() && m.id.empty()) r.fail("id", {"Mã biên bản không được để trống.", "The minutes id must not be empty."});
  r.str(j, "", "campaign_id", m.campaign_id, false);  // absent: Plan 32 (see minutes.hpp)
  if (r.ok() && m.campaign_id.empty())
    r.fail("campaign_id", {"Mã đợt thi đua không được để trống.", "The campaign id must not be empty."});
  for (auto [key, out] : {std::pair{"unit_id", &m.unit_id}, {"unit_name", &m.unit_name}, {"date", &m.date},
                          {"time", &m.time}, {"place", &m.place}, {"chair", &m.chair},
                          {"secretary", &m.secretary}, {"agenda", &m.agenda}, {"conclusion", &m.conclusion},
                          {"closing_time", &m.closing_time}})
    r.str(j, "", key, *out, false);
  r.integer(j, "", "members_total", m.members_total, false);
  r.integer(j, "", "members_present", m.members_present, false);
  if (const json* a = r.member(j, "", "absent", false); a && r.expect_array(*a, "absent")) {
    for (std::size_t i = 0; i < a->size() && r.ok(); ++i) {
      std::string p = index_path("absent", i);
      if (!r.expect_object((*a)[i], p)) break;
      AbsentMember am;
      r.str((*a)[i], p, "name", am.name, false);
      r.str((*a)[i], p, "reason", am.reason, false);
      r.str((*a)[i], p, "opinion", am.opinion, false);
      m.absent.push_back(std::move(am));
    }
  }
  if (const json* vs = r.member(j, "", "votes", false); vs && r.expect_array(*vs, "votes")) {
    for (std::size_t i = 0; i < vs->size() && r.ok(); ++i) {
      std::string p = index_path("votes", i);
      const json& e = (*vs)[i];
      if (!r.expect_object(e, p)) break;
      Vote v;
      r.str(e, p, "dossier_id", v.dossier_id);
      r.str(e, p, "award_form", v.award_form, false);
      r.integer(e, p, "for", v.votes_for, false);
      r.integer(e, p, "against", v.votes_against, false);
      if (r.ok() && m.vote_for(v.dossier_id))
        r.fail(member_path(p, "dossier_id"),
               {"Biên bản ghi hai lần biểu quyết cho cùng một hồ sơ.", "The minutes record two votes on one dossier."});
      m.votes.push_back(std::move(v));
    }
  }
  m.audit = json_in::read_audit(r, j);
  r.instant(j, "", "created", m.created);
  r.instant(j, "", "updated", m.updated);
  if (!r.ok()) return r.take_error();
  return m;
}

}  // namespace hoso
