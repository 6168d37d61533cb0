// Review minutes and the workspace: shares on total members, edits, and JSON round trips.
#include <gtest/gtest.h>

#include "core/synthetic.hpp"
#include "domain_fixtures.hpp"

namespace hoso {
namespace {

using nlohmann::json;
using testing::kCtx;
using testing::kNow;

Minutes sample() {
  Dossier a = testing::valid_individual();
  Dossier b = testing::valid_collective();
  return testing::valid_minutes({&a, &b});
}

TEST(Minutes, ShareIsAgainstTotalMembers) {
  Minutes m = sample();  // 9 members, 8 present, votes 7 for
  const Vote* v = m.vote_for("d-individual");
  ASSERT_NE(v, nullptr);
  EXPECT_DOUBLE_EQ(vote_share(*v, m), 7.0 / 9.0);
  EXPECT_TRUE(meets_threshold(v->votes_for, m, {1, 2, true}));
  Vote four{"x", "giay-khen-gd-so", 4, 0};
  EXPECT_FALSE(meets_threshold(four.votes_for, m, {1, 2, true}));  // 4/8 present would be half; 4/9 is less
  EXPECT_TRUE(has_quorum(m, {2, 3, false}));
  m.members_present = 5;
  EXPECT_FALSE(has_quorum(m, {2, 3, false}));
  m.members_total = 0;
  EXPECT_EQ(vote_share(*v, m), 0.0);
  EXPECT_FALSE(meets_threshold(v->votes_for, m, {1, 2, true}));
  EXPECT_EQ(m.vote_for("nobody"), nullptr);
  const Minutes& cm = m;
  EXPECT_NE(cm.vote_for("d-collective"), nullptr);
}

TEST(Minutes, NewMinutes) {
  Minutes m = new_minutes("m", "van-phong", "Văn phòng Sở", kNow + 123);
  EXPECT_EQ(m.created, kNow);
  EXPECT_EQ(m.unit_name, "Văn phòng Sở");
  EXPECT_TRUE(m.votes.empty());
}

TEST(Minutes, JsonRoundTrip) {
  Minutes m = sample();
  ASSERT_TRUE(*set_field(m, "minutes.place", "Hội trường", kCtx));
  auto back = minutes_from_json(json::parse(to_json(m).dump()));
  ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
  EXPECT_EQ(*back, m);
  json j = to_json(m);
  EXPECT_EQ(j["votes"][0]["for"], 7);
  EXPECT_EQ(j["votes"][0]["against"], 1);
}

TEST(Minutes, Refusals) {
  struct Case {
    void (*edit)(json&);
    const char* path;
  };
  for (const Case& c : {Case{[](json& j) { j = "x"; }, ""}, Case{[](json& j) { j["format_version"] = 3; }, "format_version"},
                        Case{[](json& j) { j["id"] = ""; }, "id"}, Case{[](json& j) { j["members_total"] = "9"; }, "members_total"},
                        Case{[](json& j) { j["absent"] = {1}; }, "absent[0]"},
                        Case{[](json& j) { j["votes"][0].erase("dossier_id"); }, "votes[0].dossier_id"},
                        Case{[](json& j) { j["votes"][1]["dossier_id"] = "d-individual"; }, "votes[1].dossier_id"},
                        Case{[](json& j) { j["votes"][0]["for"] = 1.5; }, "votes[0].for"},
                        Case{[](json& j) { j["votes"] = json::object(); }, "votes"},
                        Case{[](json& j) { j["updated"] = "now"; }, "updated"}}) {
    json j = to_json(sample());
    c.edit(j);
    auto m = minutes_from_json(j, "m.json");
    ASSERT_FALSE(m.ok()) << c.path;
    EXPECT_EQ(m.error().path, c.path);
    EXPECT_EQ(m.error().file, "m.json");
  }
}

TEST(Minutes, Edits) {
  Minutes m = sample();
  ASSERT_TRUE(*set_field(m, "minutes.date", "27/9/2025", kCtx));
  EXPECT_EQ(m.date, "2025-09-27");
  EXPECT_EQ(get_field(m, "minutes.date"), "2025-09-27");
  ASSERT_TRUE(*set_field(m, "minutes.time", " 07:45 ", kCtx));
  EXPECT_EQ(m.time, "07:45");
  ASSERT_TRUE(*set_field(m, "minutes.members_total", "11", kCtx));
  EXPECT_EQ(m.members_total, 11);
  EXPECT_EQ(get_field(m, "minutes.members_total"), 11);
  ASSERT_TRUE(*set_field(m, "minutes.members_present", 10, kCtx));
  EXPECT_FALSE(*set_field(m, "minutes.members_present", 10, kCtx));
  ASSERT_TRUE(*set_field(m, "minutes.members_present", nullptr, kCtx));
  EXPECT_EQ(m.members_present, 0);
  EXPECT_FALSE(set_field(m, "minutes.members_total", -1, kCtx).ok());
  EXPECT_FALSE(set_field(m, "minutes.members_total", "nhiều", kCtx).ok());
  EXPECT_FALSE(set_field(m, "minutes.members_total", true, kCtx).ok());
  EXPECT_FALSE(set_field(m, "minutes.chair", 5, kCtx).ok());
  EXPECT_EQ(m.audit.back().path, "minutes.members_present");
  EXPECT_EQ(m.updated, kNow);

  // Votes: by dossier id; a vote is created on its first value.
  ASSERT_TRUE(*set_field(m, "minutes.votes.d-new.for", 6, kCtx));
  ASSERT_NE(m.vote_for("d-new"), nullptr);
  EXPECT_EQ(m.vote_for("d-new")->votes_for, 6);
  ASSERT_TRUE(*set_field(m, "minutes.votes.d-new.against", "2", kCtx));
  ASSERT_TRUE(*set_field(m, "minutes.votes.d-new.award_form", "giay-khen-gd-so", kCtx));
  EXPECT_EQ(get_field(m, "minutes.votes.d-new.against"), 2);
  EXPECT_EQ(get_field(m, "minutes.votes.d-new.for"), 6);
  EXPECT_EQ(get_field(m, "minutes.votes.d-new.award_form"), "giay-khen-gd-so");
  EXPECT_TRUE(get_field(m, "minutes.votes.d-new.abstain").is_null());
  EXPECT_TRUE(get_field(m, "minutes.votes.nobody.for").is_null());
  EXPECT_FALSE(*set_field(m, "minutes.votes.d-other.for", 0, kCtx));  // nothing to record
  EXPECT_EQ(m.vote_for("d-other"), nullptr);
  EXPECT_FALSE(set_field(m, "minutes.votes.d-new.abstain", 1, kCtx).ok());
  ASSERT_TRUE(*remove_vote(m, "d-new", kCtx));
  EXPECT_FALSE(*remove_vote(m, "d-new", kCtx));
  EXPECT_EQ(m.audit.back().path, "minutes.votes.d-new");

  // Absent members are rows.
  auto i = add_row(m, "minutes.absent", kCtx);
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(*i, 1u);
  ASSERT_TRUE(*set_field(m, "minutes.absent[1].name", "Lộc Văn Giang", kCtx));
  ASSERT_TRUE(*set_field(m, "minutes.absent[1].reason", "Ốm", kCtx));
  EXPECT_EQ(get_field(m, "minutes.absent[1].name"), "Lộc Văn Giang");
  EXPECT_EQ(get_field(m, "minutes.absent[1]")["reason"], "Ốm");
  EXPECT_FALSE(set_field(m, "minutes.absent[5].name", "x", kCtx).ok());
  EXPECT_FALSE(set_field(m, "minutes.absent[1].phone", "x", kCtx).ok());
  ASSERT_TRUE(*remove_row(m, "minutes.absent", 0, kCtx));
  EXPECT_EQ(m.absent[0].name, "Lộc Văn Giang");
  EXPECT_FALSE(remove_row(m, "minutes.absent", 9, kCtx).ok());
  EXPECT_FALSE(add_row(m, "minutes.votes", kCtx).ok());
  EXPECT_FALSE(remove_row(m, "minutes.votes", 0, kCtx).ok());

  for (const char* bad : {"date", "minutes", "minutes.nothing", "minutes[0].date", "report.x", "minutes.votes.x"})
    EXPECT_FALSE(set_field(m, bad, "x", kCtx).ok()) << bad;
  EXPECT_TRUE(get_field(m, "minutes.audit").is_null());
  EXPECT_TRUE(get_field(m, "minutes.votes").is_null());
  EXPECT_TRUE(get_field(m, "minutes.absent[9]").is_null());
  EXPECT_TRUE(get_field(m, "minutes.place[0]").is_null());
  EXPECT_TRUE(get_field(m, "minutes.absent[0].x.y").is_null());
  EXPECT_TRUE(get_field(m, "date").is_null());
}

// ---- workspace ----------------------------------------------------------------------------------------

TEST(Workspace, RoundTripOfEverything) {
  for (uint64_t seed : {1u, 2u, 3u}) {
    SyntheticOptions o;
    o.dossiers = 40;
    o.seed = seed;
    Workspace w = generate_workspace(testing::lib(), testing::campaign(), o);
    w.settings.language = Language::en;
    w.settings.role = Role::secretariat;
    w.settings.theme = Theme::dark;
    w.settings.text_scale = 1.25;
    w.settings.vote_threshold = Threshold{2, 3, false};
    w.exports = {3, "pkg-id", std::string(64, 'f'), kNow};
    std::string text = to_json(w).dump();
    auto back = workspace_from_text(text, "backup.json");
    ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
    EXPECT_EQ(*back, w);
  }
}

TEST(Workspace, DefaultsAndLookups) {
  Workspace w = testing::valid_workspace();
  EXPECT_EQ(w.campaign_id, "32-KH-SNgV");
  EXPECT_NE(w.dossier("d-collective"), nullptr);
  EXPECT_EQ(w.dossier("nope"), nullptr);
  const Workspace& cw = w;
  EXPECT_NE(cw.dossier("d-individual"), nullptr);
  EXPECT_NE(w.find_minutes("m-1"), nullptr);
  EXPECT_NE(cw.find_minutes("m-1"), nullptr);
  EXPECT_EQ(w.find_minutes("m-2"), nullptr);
  EXPECT_EQ(cw.minutes_voting_on("d-individual"), &w.minutes[0]);
  EXPECT_EQ(cw.minutes_voting_on("nope"), nullptr);
  EXPECT_EQ(vote_threshold(w.settings, testing::campaign()), (Threshold{1, 2, true}));
  w.settings.vote_threshold = Threshold{3, 4, true};
  EXPECT_EQ(vote_threshold(w.settings, testing::campaign()), (Threshold{3, 4, true}));
  EXPECT_EQ(to_string(Theme::dark), "dark");
  EXPECT_EQ(to_string(Language::en), "en");
  EXPECT_EQ(to_string(Role::unit), "unit");
}

TEST(Workspace, SettingsJson) {
  Settings s;
  s.unit_name = "Phòng Hợp tác quốc tế";
  auto back = settings_from_json(to_json(s));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, s);
  auto empty = settings_from_json(json::object());  // everything has a default
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, Settings{});
  for (auto [key, value] : {std::pair<const char*, json>{"language", "fr"}, {"role", "admin"}, {"theme", "blue"},
                            {"text_scale", 9}, {"text_scale", "big"}, {"vote_threshold", 1}}) {
    json j = to_json(s);
    j[key] = value;
    auto r = settings_from_json(j, "settings.json");
    ASSERT_FALSE(r.ok()) << key;
    EXPECT_EQ(r.error().path, key);
  }
  json j = to_json(s);
  j["vote_threshold"] = {{"numerator", 3}, {"denominator", 2}, {"strict", true}};
  EXPECT_EQ(settings_from_json(j).error().path, "vote_threshold");
}

TEST(Workspace, RefusalsNameThePlace) {
  json good = to_json(testing::valid_workspace());
  struct Case {
    void (*edit)(json&);
    const char* path;
  };
  for (const Case& c : {Case{[](json& j) { j["format"] = "hoso-package"; }, "format"},
                        Case{[](json& j) { j["format_version"] = 2; }, "format_version"},
                        Case{[](json& j) { j.erase("campaign_id"); }, "campaign_id"},
                        Case{[](json& j) { j["settings"]["role"] = "boss"; }, "settings.role"},
                        Case{[](json& j) { j["dossiers"][1]["nominee"]["headcount"] = "8"; }, "dossiers[1].nominee.headcount"},
                        Case{[](json& j) { j["dossiers"][1] = 5; }, "dossiers[1]"},
                        Case{[](json& j) { j["dossiers"][1]["id"] = "d-individual"; }, "dossiers[1].id"},
                        Case{[](json& j) { j["minutes"][0]["votes"] = 1; }, "minutes[0].votes"},
                        Case{[](json& j) { j["minutes"].push_back(j["minutes"][0]); }, "minutes[1].id"},
                        Case{[](json& j) { j["exports"]["last_time"] = "?"; }, "exports.last_time"},
                        Case{[](json& j) { j["dossiers"] = json::object(); }, "dossiers"}}) {
    json j = good;
    c.edit(j);
    auto w = workspace_from_json(j, "ws.json");
    ASSERT_FALSE(w.ok()) << c.path;
    EXPECT_EQ(w.error().path, c.path) << w.error().describe(Language::en);
    EXPECT_EQ(w.error().file, "ws.json");
  }
  auto t = workspace_from_text("{\"format\": ", "ws.json");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().file, "ws.json");
}

}  // namespace
}  // namespace hoso
