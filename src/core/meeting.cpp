#include "core/meeting.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace hoso {

using nlohmann::json;

int members_who_could_vote(const Meeting& m) {
  int opinions = 0;
  for (const AbsentMember& a : m.absent)
    if (!text::trim(a.opinion).empty()) ++opinions;
  const int could = m.members_present + opinions;
  return m.members_total > 0 ? std::min(could, std::max(m.members_total, m.members_present)) : could;
}

bool has_quorum(const Meeting& m, const Threshold& quorum) { return quorum.met(m.members_present, m.members_total); }

bool meets_threshold(int votes_for, const Meeting& m, const Threshold& t) { return t.met(votes_for, m.members_total); }

void write_meeting(json& j, const Meeting& m, OpinionWhenEmpty empty_opinion) {
  json absent = json::array();
  for (const AbsentMember& a : m.absent) {
    json row = {{"name", a.name}, {"reason", a.reason}};
    if (!a.opinion.empty() || empty_opinion == OpinionWhenEmpty::written) row["opinion"] = a.opinion;
    absent.push_back(std::move(row));
  }
  j["time"] = m.time;
  j["closing_time"] = m.closing_time;
  j["place"] = m.place;
  j["chair"] = m.chair;
  j["secretary"] = m.secretary;
  j["members_total"] = m.members_total;
  j["members_present"] = m.members_present;
  j["absent"] = std::move(absent);
}

void read_meeting(json_in::Reader& r, const json& j, Meeting& m, bool counts_required) {
  const std::pair<const char*, std::string*> texts[] = {
      {"time", &m.time}, {"closing_time", &m.closing_time}, {"place", &m.place}, {"chair", &m.chair}, {"secretary", &m.secretary}};
  for (const auto& [key, out] : texts) r.str(j, "", key, *out, false);
  r.integer(j, "", "members_total", m.members_total, counts_required);
  r.integer(j, "", "members_present", m.members_present, counts_required);
  if (const json* list = r.member(j, "", "absent", false); list && r.expect_array(*list, "absent"))
    for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
      const std::string p = json_in::index_path("absent", i);
      if (!r.expect_object((*list)[i], p)) break;
      AbsentMember a;
      r.str((*list)[i], p, "name", a.name, false);
      r.str((*list)[i], p, "reason", a.reason, false);
      r.str((*list)[i], p, "opinion", a.opinion, false);
      m.absent.push_back(std::move(a));
    }
}

}  // namespace hoso
