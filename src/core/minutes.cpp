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

json to_json(const Minutes& m) {
  json votes = json::array();
  for (const auto& v : m.votes)
    votes.push_back({{"dossier_id", v.dossier_id},
                     {"award_form", v.award_form},
                     {"for", v.votes_for},
                     {"against", v.votes_against}});
  json audit = json::array();
  for (const auto& e : m.audit) audit.push_back(to_json(e));
  json j = {{"format_version", kMinutesFormatVersion},
            {"id", m.id},
            {"campaign_id", m.campaign_id},
            {"unit_id", m.unit_id},
            {"unit_name", m.unit_name},
            {"date", m.date},
            {"agenda", m.agenda},
            {"votes", std::move(votes)},
            {"conclusion", m.conclusion},
            {"audit", std::move(audit)},
            {"created", to_iso_instant(m.created)},
            {"updated", to_iso_instant(m.updated)}};
  write_meeting(j, m, OpinionWhenEmpty::left_out);
  return j;
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
                          {"agenda", &m.agenda}, {"conclusion", &m.conclusion}})
    r.str(j, "", key, *out, false);
  read_meeting(r, j, m, false);
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
