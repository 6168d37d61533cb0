// Dossiers: JSON round trips (property tests over generated data), audited edits, paths, the
// status machine, duplication, and refusal of malformed input.
#include <gtest/gtest.h>

#include "core/paths.hpp"
#include "core/synthetic.hpp"
#include "core/text.hpp"
#include "domain_fixtures.hpp"

namespace hoso {
namespace {

using nlohmann::json;
using testing::campaign;
using testing::kCtx;
using testing::kNow;
using testing::lib;

Workspace synthetic(int n, uint64_t seed) {
  SyntheticOptions o;
  o.dossiers = n;
  o.seed = seed;
  o.collective_share = 0.3;
  return generate_workspace(lib(), campaign(), o);
}

// ---- JSON ------------------------------------------------------------------------------------------

TEST(DossierJson, AnyGeneratedDossierRoundTrips) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    Workspace w = synthetic(25, seed);
    for (const Dossier& d : w.dossiers) {
      json j = to_json(d);
      auto back = dossier_from_json(j);
      ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
      EXPECT_EQ(*back, d) << j.dump(2);
      // Through text as well, as the store does.
      auto again = dossier_from_json(json::parse(j.dump()));
      ASSERT_TRUE(again.ok());
      EXPECT_EQ(*again, d);
    }
  }
}

TEST(DossierJson, EditedDossierRoundTrips) {
  Dossier d = testing::valid_individual();
  ASSERT_TRUE(set_field(lib(), d, "nominee.birth_date", "1/2/1980", kCtx));
  ASSERT_TRUE(add_attachment(d, {"a1", "scan.pdf", "application/pdf", 12, std::string(64, 'b'), 0}, kCtx));
  ASSERT_TRUE(change_status(d, {Status::ready, Role::unit, ""}, {}, kCtx));
  ASSERT_TRUE(mark_exported(d, "abc", kCtx));
  d.return_reason = "x";
  auto back = dossier_from_json(to_json(d));
  ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
  EXPECT_EQ(*back, d);
  EXPECT_EQ(back->last_export->package_hash, "abc");
}

TEST(DossierJson, OnlyTheKindsFieldsAreWritten) {
  json j = to_json(testing::valid_collective());
  EXPECT_TRUE(j["nominee"].contains("headcount"));
  EXPECT_FALSE(j["nominee"].contains("full_name"));
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_EQ(j["created"], "2025-09-30T03:00:00Z");
  EXPECT_EQ(j["summary"]["text"].get<std::string>().size(), 120u);
}

TEST(DossierJson, TextIsNormalisedToNfc) {
  json j = to_json(testing::valid_individual());
  j["nominee"]["full_name"] = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An";  // decomposed, as some IMEs type
  j["report"]["measures"] = "Tie\xCC\x82\xCC\x81t kie\xCC\xA3\xCC\x82m";
  auto d = dossier_from_json(j);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->nominee.full_name, "Nguyễn Văn An");
  EXPECT_EQ(d->report["measures"], "Tiết kiệm");
}

struct BadJson {
  const char* name;
  void (*edit)(json&);
  const char* path;
};

class DossierRefusal : public ::testing::TestWithParam<BadJson> {};

TEST_P(DossierRefusal, SaysWhereAndWhat) {
  json j = to_json(testing::valid_individual());
  GetParam().edit(j);
  auto d = dossier_from_json(j, "d.json");
  ASSERT_FALSE(d.ok()) << GetParam().name;
  EXPECT_EQ(d.error().file, "d.json");
  EXPECT_EQ(d.error().path, GetParam().path) << d.error().describe(Language::en);
}

INSTANTIATE_TEST_SUITE_P(
    Dossier, DossierRefusal,
    ::testing::Values(
        BadJson{"not object", [](json& j) { j = 3; }, ""},
        BadJson{"future format", [](json& j) { j["format_version"] = 2; }, "format_version"},
        BadJson{"no id", [](json& j) { j["id"] = ""; }, "id"},
        BadJson{"kind unknown", [](json& j) { j["nominee"]["kind"] = "team"; }, "nominee.kind"},
        BadJson{"name not text", [](json& j) { j["nominee"]["full_name"] = 5; }, "nominee.full_name"},
        BadJson{"no nominee", [](json& j) { j.erase("nominee"); }, "nominee"},
        BadJson{"headcount huge", [](json& j) { j["nominee"] = {{"kind", "collective"}, {"headcount", 18446744073709551615ull}}; }, "nominee.headcount"},
        BadJson{"headcount beyond int", [](json& j) { j["nominee"] = {{"kind", "collective"}, {"headcount", 3000000000ll}}; }, "nominee.headcount"},
        BadJson{"headcount text", [](json& j) { j["nominee"] = {{"kind", "collective"}, {"headcount", "ten"}}; }, "nominee.headcount"},
        BadJson{"criterion not object", [](json& j) { j["criteria"]["gk_cn_1"] = true; }, "criteria.gk_cn_1"},
        BadJson{"met not bool", [](json& j) { j["criteria"]["gk_cn_1"]["met"] = "yes"; }, "criteria.gk_cn_1.met"},
        BadJson{"report not object", [](json& j) { j["report"] = json::array(); }, "report"},
        BadJson{"report nested object", [](json& j) { j["report"]["measures"] = {{"a", 1}}; }, "report.measures"},
        BadJson{"row not object", [](json& j) { j["report"]["targets"] = json::array({1}); }, "report.targets[0]"},
        BadJson{"cell nested", [](json& j) { j["report"]["targets"][0]["result"] = json::array(); }, "report.targets[0].result"},
        BadJson{"attachment size text", [](json& j) { j["attachments"] = {{{"id", "a"}, {"name", "n"}, {"size", "1"}, {"sha256", ""}, {"added", "2025-01-01T00:00:00Z"}}}; }, "attachments[0].size"},
        BadJson{"attachment bad time", [](json& j) { j["attachments"] = {{{"id", "a"}, {"name", "n"}, {"size", 1}, {"sha256", ""}, {"added", "yesterday"}}}; }, "attachments[0].added"},
        BadJson{"status unknown", [](json& j) { j["status"] = "done"; }, "status"},
        BadJson{"flag not bool", [](json& j) { j["flags"]["under_inspection"] = 0; }, "flags.under_inspection"},
        BadJson{"export without hash", [](json& j) { j["last_export"] = {{"time", "2025-10-01T00:00:00Z"}}; }, "last_export.package_hash"},
        BadJson{"audit not list", [](json& j) { j["audit"] = json::object(); }, "audit"},
        BadJson{"audit bad time", [](json& j) { j["audit"][0]["time"] = 12; }, "audit[0].time"},
        BadJson{"campaign ref not object", [](json& j) { j["campaign"] = "32-KH-SNgV"; }, "campaign"},
        BadJson{"created missing", [](json& j) { j.erase("created"); }, "created"}),
    [](const ::testing::TestParamInfo<BadJson>& p) {
      std::string n = p.param.name;
      for (char& ch : n)
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

// ---- new, display, identity table ------------------------------------------------------------------

TEST(Dossier, NewRecordsCampaignAndTemplates) {
  Dossier d = new_dossier(lib(), campaign(), "x", NomineeKind::collective, "giay-khen-gd-so", "Hoa", kNow + 999);
  EXPECT_EQ(d.campaign, ref_of(campaign()));
  EXPECT_EQ(d.report_template.id, "form08-collective-nd98");
  EXPECT_EQ(d.report_template.hash, lib().find_template("form08-collective-nd98")->hash);
  EXPECT_EQ(d.summary_template.id, "summary");
  EXPECT_EQ(d.created, kNow);  // whole seconds
  EXPECT_EQ(d.status, Status::draft);
  ASSERT_EQ(d.audit.size(), 1u);
  EXPECT_EQ(d.audit[0].author, "Hoa");
  EXPECT_TRUE(d.report.is_object());
}

TEST(Dossier, IdentityTable) {
  EXPECT_EQ(identity_fields(NomineeKind::individual).size(), 10u);
  EXPECT_EQ(identity_fields(NomineeKind::collective).size(), 9u);
  EXPECT_EQ(identity_fields().size(), 19u);
  ASSERT_NE(identity_field("birth_date"), nullptr);
  EXPECT_EQ(identity_field("birth_date")->missing.vi, "Chưa nhập ngày sinh.");
  EXPECT_EQ(identity_field("nickname"), nullptr);
  EXPECT_EQ(gender_options().size(), 2u);
  Nominee n;
  EXPECT_NE(nominee_text(n, "full_name"), nullptr);
  EXPECT_EQ(nominee_text(n, "headcount"), nullptr);
  EXPECT_NE(nominee_number(n, "women"), nullptr);
  EXPECT_EQ(nominee_number(n, "name"), nullptr);
  for (const IdentityField& f : identity_fields()) {
    bool stored = nominee_text(n, f.id) || nominee_number(n, f.id);
    EXPECT_TRUE(stored) << f.id;
    EXPECT_EQ(f.required, !f.missing.vi.empty()) << f.id;
  }
  EXPECT_EQ(display_name(testing::valid_collective().nominee), "Phòng Quản lý biên giới");
  EXPECT_EQ(display_name(testing::valid_individual().nominee), "Nguyễn Văn An");
}

TEST(Dossier, DatesPeopleType) {
  EXPECT_EQ(normalize_date_input("14/3/1985"), "1985-03-14");
  EXPECT_EQ(normalize_date_input(" 1985-03-14 "), "1985-03-14");
  EXPECT_EQ(normalize_date_input("14.03.1985"), "1985-03-14");
  EXPECT_EQ(normalize_date_input("31/02/1985"), "31/02/1985");
  EXPECT_EQ(normalize_date_input("tháng 3"), "tháng 3");
  EXPECT_EQ(whole_seconds(1999), 1000);
  EXPECT_EQ(whole_seconds(-1), -1000);
  EXPECT_EQ(whole_seconds(-1000), -1000);
}

// ---- edits ----------------------------------------------------------------------------------------

TEST(Edit, SetFieldRecordsAuditAndTime) {
  Dossier d = testing::valid_individual();
  std::size_t audit = d.audit.size();
  EditContext ctx{"Hoa", kNow + 5500};
  auto r = set_field(lib(), d, "nominee.full_name", "Nguyễn Văn Ân", ctx);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(*r);
  EXPECT_EQ(d.nominee.full_name, "Nguyễn Văn Ân");
  ASSERT_EQ(d.audit.size(), audit + 1);
  const AuditEntry& e = d.audit.back();
  EXPECT_EQ(e.author, "Hoa");
  EXPECT_EQ(e.path, "nominee.full_name");
  EXPECT_EQ(e.old_value, "Nguyễn Văn An");
  EXPECT_EQ(e.new_value, "Nguyễn Văn Ân");
  EXPECT_EQ(e.time, kNow + 5000);
  EXPECT_EQ(d.updated, kNow + 5000);
  // The same value again: nothing changes, nothing is recorded.
  r = set_field(lib(), d, "nominee.full_name", "Nguyễn Văn Ân", ctx);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
  EXPECT_EQ(d.audit.size(), audit + 1);
}

TEST(Edit, DatesAreStoredIsoWhenValidAndAsTypedOtherwise) {
  Dossier d = testing::valid_individual();
  ASSERT_TRUE(set_field(lib(), d, "nominee.birth_date", "02/09/1980", kCtx));
  EXPECT_EQ(d.nominee.birth_date, "1980-09-02");
  ASSERT_TRUE(set_field(lib(), d, "nominee.birth_date", "30/02/1980", kCtx));
  EXPECT_EQ(d.nominee.birth_date, "30/02/1980");
  ASSERT_TRUE(set_field(lib(), d, "report.targets[0].completed", "5/9/2025", kCtx));
  EXPECT_EQ(d.report["targets"][0]["completed"], "2025-09-05");
  EXPECT_EQ(get_field(d, "report.targets[0].completed"), "2025-09-05");
}

TEST(Edit, NumbersTypedAsText) {
  Dossier d = testing::valid_collective();
  ASSERT_TRUE(set_field(lib(), d, "report.sub_units", "3", kCtx));
  EXPECT_EQ(d.report["sub_units"], 3);
  ASSERT_TRUE(set_field(lib(), d, "report.sub_units", "2,5", kCtx));
  EXPECT_EQ(d.report["sub_units"], 2.5);
  ASSERT_TRUE(set_field(lib(), d, "report.sub_units", "ba", kCtx));
  EXPECT_EQ(d.report["sub_units"], "ba");  // kept as typed; validation flags it
  ASSERT_TRUE(set_field(lib(), d, "report.sub_units", "", kCtx));
  EXPECT_FALSE(d.report.contains("sub_units"));
  for (const char* odd : {"1.2.3", "-", "1-2", ".5", "5.", "99999999999999999999", "1234567890123456789012345"}) {
    ASSERT_TRUE(set_field(lib(), d, "report.sub_units", odd, kCtx));
    EXPECT_EQ(d.report["sub_units"], odd);
  }
  ASSERT_TRUE(set_field(lib(), d, "nominee.headcount", "12", kCtx));
  EXPECT_EQ(d.nominee.headcount, 12);
  ASSERT_TRUE(set_field(lib(), d, "nominee.headcount", nullptr, kCtx));
  EXPECT_FALSE(d.nominee.headcount);
  EXPECT_FALSE(set_field(lib(), d, "nominee.headcount", "mười", kCtx).ok());
  EXPECT_FALSE(set_field(lib(), d, "nominee.headcount", -2, kCtx).ok());
  EXPECT_FALSE(set_field(lib(), d, "nominee.headcount", 2.5, kCtx).ok());
  ASSERT_TRUE(set_field(lib(), d, "nominee.women", 4, kCtx));
  EXPECT_EQ(get_field(d, "nominee.women"), 4);
}

TEST(Edit, EveryDossierPathKind) {
  Dossier d = testing::valid_individual();
  EXPECT_TRUE(*set_field(lib(), d, "award_form", "bang-khen-ct-ubnd", kCtx));
  EXPECT_EQ(get_field(d, "award_form"), "bang-khen-ct-ubnd");
  EXPECT_TRUE(*set_field(lib(), d, "criteria.bk_cn_1.met", true, kCtx));
  EXPECT_TRUE(*set_field(lib(), d, "criteria.bk_cn_1.evidence", "Quyết định số 5/QĐ", kCtx));
  EXPECT_EQ(get_field(d, "criteria.bk_cn_1.met"), true);
  EXPECT_EQ(get_field(d, "criteria.bk_cn_1.evidence"), "Quyết định số 5/QĐ");
  EXPECT_EQ(get_field(d, "criteria.other.met"), false);
  EXPECT_EQ(get_field(d, "criteria.other.evidence"), "");
  EXPECT_FALSE(*set_field(lib(), d, "criteria.other.evidence", "", kCtx));  // no entry made for nothing
  EXPECT_EQ(d.criteria.count("other"), 0u);
  EXPECT_TRUE(*set_field(lib(), d, "summary.text", "Tóm tắt mới", kCtx));
  EXPECT_EQ(get_field(d, "summary.text"), "Tóm tắt mới");
  EXPECT_TRUE(*set_field(lib(), d, "report.lessons", "Bài học", kCtx));
  EXPECT_EQ(get_field(d, "report.lessons"), "Bài học");
  EXPECT_TRUE(*set_field(lib(), d, "report.lessons", nullptr, kCtx));
  EXPECT_TRUE(get_field(d, "report.lessons").is_null());
  EXPECT_TRUE(*set_field(lib(), d, "flags.under_inspection", true, kCtx));
  EXPECT_EQ(get_field(d, "flags.under_inspection"), true);
  EXPECT_TRUE(*set_field(lib(), d, "flags.under_discipline", true, kCtx));
  EXPECT_TRUE(*set_field(lib(), d, "flags.under_investigation", true, kCtx));
  EXPECT_EQ(get_field(d, "flags.under_investigation"), true);
  EXPECT_EQ(get_field(d, "flags.under_discipline"), true);
  EXPECT_EQ(get_field(d, "status"), "draft");
  EXPECT_EQ(get_field(d, "nominee.kind"), "individual");
  EXPECT_EQ(get_field(d, "report.targets[0]")["target"], "Tham mưu tổ chức các đoàn công tác đối ngoại");
  EXPECT_TRUE(get_field(d, "report.targets[9].target").is_null());
  EXPECT_TRUE(get_field(d, "report.measures[0]").is_null());
  EXPECT_TRUE(get_field(d, "nonsense").is_null());
  EXPECT_TRUE(get_field(d, "").is_null());
  EXPECT_TRUE(get_field(d, "nominee.nickname").is_null());
  EXPECT_TRUE(get_field(d, "criteria.x.y").is_null());
  EXPECT_TRUE(get_field(d, "report.nothing").is_null());
  EXPECT_TRUE(get_field(d, "report.targets[0].nothing").is_null());
}

TEST(Edit, RefusalsSayWhy) {
  Dossier d = testing::valid_individual();
  struct Case {
    const char* path;
    json value;
  };
  for (const Case& c : {Case{"nominee.nickname", "x"}, Case{"nominee.headcount", 3},  // not for individuals
                        Case{"nominee.full_name", 5}, Case{"nominee.kind", "team"}, Case{"nominee.kind", 1},
                        Case{"award_form", true}, Case{"criteria.gk_cn_1.met", "yes"},
                        Case{"criteria.gk_cn_1.note", "x"}, Case{"summary.text", json::array()},
                        Case{"report.unknown_field", "x"}, Case{"report.targets", "x"},  // rows via helpers
                        Case{"report.full_name", "x"},                                     // bound to the nominee
                        Case{"report.targets[5].target", "x"}, Case{"report.targets[0].nope", "x"},
                        Case{"report.measures[0].x", "x"}, Case{"report.place", 3},
                        Case{"report.targets[0].completed", 3}, Case{"flags.under_arrest", true},
                        Case{"flags.under_discipline", "yes"}, Case{"status", "ready"}, Case{"attachments", "x"},
                        Case{"a..b", "x"}, Case{"a[", "x"}, Case{"report[0]", "x"}, Case{"", "x"}}) {
    auto before = d;
    auto r = set_field(lib(), d, c.path, c.value, kCtx);
    EXPECT_FALSE(r.ok()) << c.path;
    if (!r.ok()) {
      EXPECT_FALSE(r.error().what.vi.empty());
      EXPECT_FALSE(r.error().what.en.empty());
    }
    EXPECT_EQ(d, before) << c.path;
  }
}

TEST(Edit, UnknownTemplateStoresValuesAsGiven) {
  Dossier d = testing::valid_individual();
  d.report_template.id = "some-imported-form";
  EXPECT_TRUE(*set_field(lib(), d, "report.anything", "x", kCtx));
  EXPECT_TRUE(*set_field(lib(), d, "report.count", 3, kCtx));
  EXPECT_TRUE(*set_field(lib(), d, "report.flag", true, kCtx));
  EXPECT_EQ(d.report["flag"], true);
}

TEST(Edit, EditingAReadyOrExportedDossierReturnsItToDraft) {
  for (Status s : {Status::ready, Status::exported}) {
    Dossier d = testing::valid_individual();
    d.status = s;
    ASSERT_TRUE(*set_field(lib(), d, "report.lessons", "Mới", kCtx));
    EXPECT_EQ(d.status, Status::draft);
    EXPECT_EQ(d.audit.back().path, "status");
    EXPECT_EQ(d.audit.back().old_value, std::string(to_string(s)));
    EXPECT_EQ(d.audit.back().new_value, "draft");
  }
}

TEST(Edit, SecretariatDossiersAreNotEditable) {
  Dossier d = testing::valid_individual();
  d.status = Status::received;
  auto before = d;
  auto r = set_field(lib(), d, "nominee.full_name", "Khác", kCtx);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().what.vi.find("Văn phòng Sở"), std::string::npos);
  EXPECT_FALSE(add_row(lib(), d, "report.targets", kCtx).ok());
  EXPECT_FALSE(remove_row(d, "report.targets", 0, kCtx).ok());
  EXPECT_FALSE(move_row(d, "report.targets", 0, 0, kCtx).ok());
  EXPECT_FALSE(add_attachment(d, {"a", "n", "t", 1, std::string(64, 'a'), 0}, kCtx).ok());
  EXPECT_FALSE(remove_attachment(d, "a", kCtx).ok());
  EXPECT_FALSE(set_kind(lib(), campaign(), d, NomineeKind::collective, kCtx).ok());
  EXPECT_EQ(d, before);
}

TEST(Edit, ChangingTheKindClearsAndAuditsTheOldIdentity) {
  Dossier d = testing::valid_individual();
  auto r = set_field(lib(), d, "nominee.kind", "collective", kCtx);
  ASSERT_TRUE(r.ok()) << r.error().describe(Language::en);
  EXPECT_EQ(d.nominee.kind, NomineeKind::collective);
  EXPECT_TRUE(d.nominee.full_name.empty());
  EXPECT_TRUE(d.nominee.birth_date.empty());
  EXPECT_EQ(d.report_template.id, "form08-collective-nd98");
  bool name_audited = false;
  for (const AuditEntry& e : d.audit)
    if (e.path == "nominee.full_name" && e.old_value == "Nguyễn Văn An" && e.new_value.is_null()) name_audited = true;
  EXPECT_TRUE(name_audited);
  EXPECT_EQ(d.audit.back().path, "nominee.kind");
  EXPECT_FALSE(*set_kind(lib(), campaign(), d, NomineeKind::collective, kCtx));  // already

  Dossier c = testing::valid_collective();
  ASSERT_TRUE(*set_kind(lib(), campaign(), c, NomineeKind::individual, kCtx));
  EXPECT_FALSE(c.nominee.headcount);
  EXPECT_EQ(c.report_template.id, "form08-individual-nd98");
  auto back = dossier_from_json(to_json(c));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, c);

  Dossier orphan = testing::valid_individual();
  orphan.campaign.id = "unknown";
  EXPECT_FALSE(set_field(lib(), orphan, "nominee.kind", "collective", kCtx).ok());
}

TEST(Edit, Rows) {
  Dossier d = testing::valid_individual();
  auto i = add_row(lib(), d, "report.targets", kCtx);
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(*i, 1u);
  EXPECT_EQ(d.audit.back().path, "report.targets[1]");
  ASSERT_TRUE(*set_field(lib(), d, cell_path("report.targets", 1, "target"), "Thứ hai", kCtx));
  auto j = add_row(lib(), d, "report.awards", kCtx);  // created on first use
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(*j, 0u);
  ASSERT_TRUE(*move_row(d, "report.targets", 1, 0, kCtx));
  EXPECT_EQ(d.report["targets"][0]["target"], "Thứ hai");
  EXPECT_EQ(d.audit.back().path, "report.targets");
  EXPECT_FALSE(*move_row(d, "report.targets", 1, 1, kCtx));
  EXPECT_FALSE(move_row(d, "report.targets", 0, 7, kCtx).ok());
  ASSERT_TRUE(*remove_row(d, "report.targets", 0, kCtx));
  EXPECT_EQ(d.report["targets"].size(), 1u);
  EXPECT_EQ(d.audit.back().old_value["target"], "Thứ hai");
  EXPECT_FALSE(remove_row(d, "report.targets", 3, kCtx).ok());
  EXPECT_FALSE(remove_row(d, "report.initiatives", 0, kCtx).ok());  // no rows yet
  EXPECT_FALSE(add_row(lib(), d, "report.measures", kCtx).ok());    // not a rows field
  EXPECT_FALSE(add_row(lib(), d, "report.targets[0]", kCtx).ok());
  EXPECT_FALSE(add_row(lib(), d, "nominee.full_name", kCtx).ok());
  d.report["initiatives"] = "oops";
  EXPECT_FALSE(remove_row(d, "report.initiatives", 0, kCtx).ok());
  // The template's maximum is enforced when adding.
  Dossier m = testing::valid_individual();
  for (int k = 1; k < 50; ++k) ASSERT_TRUE(add_row(lib(), m, "report.targets", kCtx).ok());
  auto full = add_row(lib(), m, "report.targets", kCtx);
  ASSERT_FALSE(full.ok());
  EXPECT_NE(full.error().what.vi.find("50"), std::string::npos);
}

TEST(Edit, Attachments) {
  Dossier d = testing::valid_individual();
  Attachment a{"a1", "Bằng khen 2024.pdf", "application/pdf", 2048, std::string(64, 'c'), 0};
  ASSERT_TRUE(*add_attachment(d, a, kCtx));
  EXPECT_EQ(d.attachments[0].added, kNow);
  EXPECT_EQ(d.audit.back().path, "attachments");
  EXPECT_FALSE(add_attachment(d, a, kCtx).ok());  // same id
  a.id = "";
  EXPECT_FALSE(add_attachment(d, a, kCtx).ok());
  EXPECT_FALSE(*remove_attachment(d, "zz", kCtx));
  ASSERT_TRUE(*remove_attachment(d, "a1", kCtx));
  EXPECT_TRUE(d.attachments.empty());
  EXPECT_EQ(d.audit.back().new_value, nullptr);
}

TEST(Edit, DuplicateKeepsTheWorkAndClearsThePerson) {
  Dossier s = testing::valid_individual();
  s.attachments.push_back({"a", "x.pdf", "application/pdf", 1, std::string(64, 'a'), kNow});
  s.flags.under_discipline = true;
  s.status = Status::exported;
  s.last_export = ExportInfo{kNow, "h"};
  Dossier d = duplicate_dossier(s, "d-new", {"Hoa", kNow + 60000});
  EXPECT_EQ(d.id, "d-new");
  EXPECT_TRUE(d.nominee.full_name.empty());
  EXPECT_TRUE(d.nominee.birth_date.empty());
  EXPECT_EQ(d.nominee.unit, s.nominee.unit);
  EXPECT_EQ(d.nominee.kind, s.nominee.kind);
  EXPECT_EQ(d.award_form, s.award_form);
  EXPECT_EQ(d.criteria, s.criteria);
  EXPECT_EQ(d.report, s.report);
  EXPECT_EQ(d.summary, s.summary);
  EXPECT_TRUE(d.attachments.empty());
  EXPECT_FALSE(d.flags.under_discipline);
  EXPECT_EQ(d.status, Status::draft);
  EXPECT_FALSE(d.last_export);
  ASSERT_EQ(d.audit.size(), 1u);
  EXPECT_EQ(d.audit[0].new_value, "created from d-individual");
  EXPECT_EQ(d.created, kNow + 60000);

  Dossier c = duplicate_dossier(testing::valid_collective(), "c-new", kCtx);
  EXPECT_TRUE(c.nominee.name.empty());
  EXPECT_FALSE(c.nominee.headcount);
  EXPECT_EQ(c.nominee.parent_unit, "Sở Ngoại vụ tỉnh Lạng Sơn");
}

// ---- status -----------------------------------------------------------------------------------------

TEST(Status, StateMachine) {
  EXPECT_FALSE(refuse_transition(Status::draft, Status::ready, Role::unit));
  EXPECT_FALSE(refuse_transition(Status::ready, Status::draft, Role::unit));
  EXPECT_FALSE(refuse_transition(Status::exported, Status::draft, Role::unit));
  EXPECT_FALSE(refuse_transition(Status::received, Status::returned, Role::secretariat));
  EXPECT_FALSE(refuse_transition(Status::proposed, Status::awarded, Role::secretariat));
  EXPECT_TRUE(refuse_transition(Status::draft, Status::exported, Role::unit));
  EXPECT_TRUE(refuse_transition(Status::draft, Status::awarded, Role::secretariat));
  EXPECT_TRUE(refuse_transition(Status::draft, Status::draft, Role::unit));
  auto role = refuse_transition(Status::received, Status::eligible, Role::unit);
  ASSERT_TRUE(role);
  EXPECT_NE(role->vi.find("Văn phòng Sở"), std::string::npos);
  auto unit_only = refuse_transition(Status::draft, Status::ready, Role::secretariat);
  ASSERT_TRUE(unit_only);
  EXPECT_NE(unit_only->en.find("Only the unit"), std::string::npos);
  int allowed = 0;
  for (Status a : kAllStatuses)
    for (Status b : kAllStatuses)
      for (Role r : {Role::unit, Role::secretariat})
        if (!refuse_transition(a, b, r)) ++allowed;
  EXPECT_EQ(allowed, 16);
  for (Status s : kAllStatuses) {
    EXPECT_EQ(status_from_string(to_string(s)), s);
    EXPECT_FALSE(status_label(s).vi.empty());
  }
  EXPECT_FALSE(status_from_string("done"));
  EXPECT_EQ(role_from_string("secretariat"), Role::secretariat);
  EXPECT_FALSE(role_from_string("admin"));
  EXPECT_TRUE(is_unit_status(Status::exported));
  EXPECT_FALSE(is_unit_status(Status::received));
  EXPECT_FALSE(is_live(Status::returned));
  EXPECT_FALSE(is_live(Status::not_awarded));
  EXPECT_TRUE(is_live(Status::awarded));
}

TEST(Status, ReadyNeedsNoErrors) {
  Workspace w = testing::valid_workspace();
  w.dossiers[0].nominee.home_town = "";
  auto fs = testing::check(w);
  Dossier& d = w.dossiers[0];
  auto r = change_status(d, {Status::ready, Role::unit, ""}, fs, kCtx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "status");
  EXPECT_NE(r.error().what.vi.find("còn 1 lỗi"), std::string::npos) << r.error().what.vi;
  EXPECT_EQ(d.status, Status::draft);
  d.nominee.home_town = "Lạng Sơn";
  fs = testing::check(w);
  ASSERT_TRUE(*change_status(d, {Status::ready, Role::unit, ""}, fs, kCtx));
  EXPECT_EQ(d.status, Status::ready);
  EXPECT_EQ(d.audit.back().new_value, "ready");
}

TEST(Status, ExportGoesThroughPackaging) {
  Dossier d = testing::valid_individual();
  EXPECT_FALSE(mark_exported(d, "h", kCtx).ok());  // draft
  d.status = Status::ready;
  auto why = refuse_status_change(d, {Status::exported, Role::unit, ""}, {});
  ASSERT_TRUE(why);
  ASSERT_TRUE(*mark_exported(d, "h1", kCtx));
  EXPECT_EQ(d.status, Status::exported);
  EXPECT_EQ(d.last_export->package_hash, "h1");
  std::size_t n = d.audit.size();
  ASSERT_TRUE(*mark_exported(d, "h2", {"x", kNow + 1000}));  // re-export of the same revision
  EXPECT_EQ(d.audit.size(), n);
  EXPECT_EQ(d.last_export->time, kNow + 1000);
}

TEST(Status, ReturnNeedsAReason) {
  Dossier d = testing::valid_individual();
  d.status = Status::received;
  EXPECT_FALSE(change_status(d, {Status::returned, Role::secretariat, "  "}, {}, kCtx).ok());
  ASSERT_TRUE(*change_status(d, {Status::returned, Role::secretariat, " Thiếu biên bản họp "}, {}, kCtx));
  EXPECT_EQ(d.status, Status::returned);
  EXPECT_EQ(d.return_reason, "Thiếu biên bản họp");
  EXPECT_EQ(d.audit.back().path, "return_reason");
  ASSERT_TRUE(*change_status(d, {Status::received, Role::secretariat, ""}, {}, kCtx));
  ASSERT_TRUE(*change_status(d, {Status::eligible, Role::secretariat, ""}, {}, kCtx));
  ASSERT_TRUE(*change_status(d, {Status::proposed, Role::secretariat, ""}, {}, kCtx));
  ASSERT_TRUE(*change_status(d, {Status::not_awarded, Role::secretariat, ""}, {}, kCtx));
  EXPECT_FALSE(change_status(d, {Status::draft, Role::unit, ""}, {}, kCtx).ok());
}

// ---- paths --------------------------------------------------------------------------------------------

TEST(Paths, ParseAndBuild) {
  auto p = parse_path("report.targets[2].result");
  ASSERT_TRUE(p);
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ((*p)[1], (PathStep{"targets", 2}));
  EXPECT_EQ((*p)[2], (PathStep{"result", std::nullopt}));
  for (const char* bad : {"", ".", "a.", ".a", "a[", "a[]", "a[x]", "a[1", "[1]", "a]", "a[1]b", "a[12345678901]"})
    EXPECT_FALSE(parse_path(bad)) << bad;
  EXPECT_EQ(nominee_path("full_name"), "nominee.full_name");
  EXPECT_EQ(criterion_met_path("gk_cn_1"), "criteria.gk_cn_1.met");
  EXPECT_EQ(criterion_evidence_path("gk_cn_1"), "criteria.gk_cn_1.evidence");
  EXPECT_EQ(report_path("measures"), "report.measures");
  EXPECT_EQ(row_path("report.targets", 2), "report.targets[2]");
  EXPECT_EQ(cell_path("report.targets", 2, "result"), "report.targets[2].result");
  EXPECT_EQ(minutes_path("date"), "minutes.date");
  EXPECT_EQ(vote_path("abc", "for"), "minutes.votes.abc.for");
}

TEST(Paths, Sections) {
  EXPECT_EQ(path_section("nominee.full_name"), "nominee");
  EXPECT_EQ(path_section("award_form"), "award");
  EXPECT_EQ(path_section("criteria.gk_cn_1.met"), "criteria");
  EXPECT_EQ(path_section("summary.text"), "summary");
  EXPECT_EQ(path_section("report.targets[2].result"), "report");
  EXPECT_EQ(path_section("attachments"), "attachments");
  EXPECT_EQ(path_section("flags.under_discipline"), "flags");
  EXPECT_EQ(path_section("status"), "status");
  EXPECT_EQ(path_section("return_reason"), "status");
  EXPECT_EQ(path_section("minutes.votes.x.for"), "minutes");
  EXPECT_EQ(path_section("elsewhere"), "");
}

}  // namespace
}  // namespace hoso
