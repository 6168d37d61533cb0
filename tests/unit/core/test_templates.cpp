// Document templates: the shipped ones are complete and well formed; broken files are refused with
// the file, the JSON path and the reason.
#include <gtest/gtest.h>

#include "core/assets.hpp"
#include "core/dossier.hpp"
#include "core/library.hpp"
#include "domain_fixtures.hpp"

namespace hoso {
namespace {

using nlohmann::json;
using testing::lib;

const ReportTemplate& tmpl(std::string_view id) {
  const ReportTemplate* t = lib().find_template(id);
  if (!t) {
    ADD_FAILURE() << "no template " << id;
    static const ReportTemplate none;
    return none;
  }
  return *t;
}

json shipped(std::string_view id) {
  auto bytes = assets::find("templates/" + std::string(id) + ".json");
  EXPECT_TRUE(bytes.has_value()) << id;
  return json::parse(bytes.value_or("{}"));
}

TEST(Templates, AllFiveShipAndDescribeThemselves) {
  for (const char* id : {"form08-collective-nd98", "form08-individual-nd98", "form-thematic-nd152", "summary",
                         "review-minutes"}) {
    const ReportTemplate& t = tmpl(id);
    EXPECT_EQ(t.id, id);
    EXPECT_GE(t.version, 1);
    EXPECT_EQ(t.hash.size(), 64u);
    EXPECT_FALSE(t.title.vi.empty());
    EXPECT_FALSE(t.title.en.empty());
    EXPECT_FALSE(t.description.vi.empty());
    EXPECT_FALSE(t.sections.empty());
    for (const Section& s : t.sections)
      for (const Field& f : s.fields) {
        EXPECT_FALSE(f.label.vi.empty()) << id << "." << f.id;
        EXPECT_FALSE(f.label.en.empty()) << id << "." << f.id;
        for (const Field& c : f.columns) EXPECT_FALSE(c.label.en.empty()) << id << "." << f.id << "." << c.id;
      }
  }
}

TEST(Templates, Form08Individual) {
  const ReportTemplate& t = tmpl("form08-individual-nd98");
  EXPECT_EQ(t.document, DocumentKind::report);
  EXPECT_EQ(t.kind, TemplateKind::individual);
  EXPECT_EQ(t.decree, "98/2023/NĐ-CP");
  EXPECT_EQ(t.form_number, "08");
  EXPECT_TRUE(t.accepts(NomineeKind::individual));
  EXPECT_FALSE(t.accepts(NomineeKind::collective));
  ASSERT_GE(t.sections.size(), 3u);
  EXPECT_EQ(t.sections[0].number, "I");
  EXPECT_EQ(t.sections[1].number, "II");
  EXPECT_EQ(t.sections[2].number, "III");

  // Section I repeats the nominee: bound fields take type, rules and (unless given) labels from
  // the identity table.
  const Field* name = t.field("full_name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->bind, "nominee.full_name");
  EXPECT_TRUE(name->required);
  EXPECT_EQ(name->label.vi, "Họ và tên (ghi đầy đủ, không viết tắt)");
  const Field* birth = t.field("birth_date");
  ASSERT_NE(birth, nullptr);
  EXPECT_EQ(birth->type, FieldType::date);
  EXPECT_EQ(birth->label.vi, "Ngày sinh");

  const Field* targets = t.field("targets");
  ASSERT_NE(targets, nullptr);
  EXPECT_EQ(targets->type, FieldType::rows);
  EXPECT_TRUE(targets->required);
  EXPECT_EQ(targets->limits.min_rows, 1);
  ASSERT_NE(targets->column("completed"), nullptr);
  EXPECT_EQ(targets->column("completed")->limits.date_rule, DateRule::within_campaign_period);
  EXPECT_EQ(targets->column("nope"), nullptr);
  EXPECT_EQ(t.section_of_field("targets")->id, "achievements");
  EXPECT_EQ(t.section_of_field("nope"), nullptr);
  EXPECT_EQ(t.field("nope"), nullptr);

  const Field* awards = t.field("awards");
  ASSERT_NE(awards, nullptr);
  EXPECT_FALSE(awards->required);  // uncertain in the campaign form: optional
  for (const char* c : {"form", "decision_number", "decision_date", "issuer"}) EXPECT_NE(awards->column(c), nullptr);
  EXPECT_EQ(awards->column("decision_date")->limits.date_rule, DateRule::past);
}

TEST(Templates, Form08CollectiveBindsTheCollective) {
  const ReportTemplate& t = tmpl("form08-collective-nd98");
  EXPECT_EQ(t.kind, TemplateKind::collective);
  for (const char* id : {"name", "address", "headcount", "women", "party_members", "functions"}) {
    const Field* f = t.field(id);
    ASSERT_NE(f, nullptr) << id;
    EXPECT_EQ(f->bind, "nominee." + std::string(id));
  }
  EXPECT_EQ(t.field("headcount")->type, FieldType::number);
  EXPECT_TRUE(t.field("head_name")->required);
}

TEST(Templates, ThematicVariantIsMarked) {
  const ReportTemplate& t = tmpl("form-thematic-nd152");
  EXPECT_EQ(t.decree, "152/2025/NĐ-CP");
  EXPECT_TRUE(t.unverified);
  EXPECT_EQ(t.kind, TemplateKind::any);
  EXPECT_NE(t.description.vi.find("CHƯA ĐƯỢC ĐỐI CHIẾU"), std::string::npos);
  const Field* name = t.field("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->only_kind, NomineeKind::collective);
  EXPECT_TRUE(name->applies_to(NomineeKind::collective));
  EXPECT_FALSE(name->applies_to(NomineeKind::individual));
}

TEST(Templates, SummaryHasALiveCountFriendlyLimit) {
  const ReportTemplate& t = tmpl("summary");
  EXPECT_EQ(t.document, DocumentKind::summary);
  EXPECT_TRUE(t.decree.empty());  // no prescribed form
  const Field* text = t.field("text");
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(text->type, FieldType::multiline);
  EXPECT_EQ(text->limits.max_length, 3000);
  EXPECT_TRUE(text->required);
}

TEST(Templates, MinutesFieldsAreTheMinutesKeys) {
  const ReportTemplate& t = tmpl("review-minutes");
  EXPECT_EQ(t.document, DocumentKind::minutes);
  json keys = to_json(Minutes{});
  for (const Section& s : t.sections)
    for (const Field& f : s.fields) EXPECT_TRUE(keys.contains(f.id)) << f.id;
  const Field* votes = t.field("votes");
  ASSERT_NE(votes, nullptr);
  EXPECT_EQ(votes->key_column, "dossier_id");
  EXPECT_EQ(t.field("time")->type, FieldType::time);
  EXPECT_TRUE(t.field("members_total")->limits.integer);
}

TEST(Templates, HashAndRefs) {
  const ReportTemplate& t = tmpl("summary");
  ContentRef r = ref_of(t);
  EXPECT_EQ(r.id, "summary");
  EXPECT_EQ(r.version, t.version);
  EXPECT_EQ(r.hash, t.hash);
  auto again = load_template("again.json", shipped("summary").dump(3));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->hash, t.hash);
}

TEST(Templates, EnumNames) {
  for (FieldType ft : {FieldType::text, FieldType::multiline, FieldType::date, FieldType::time, FieldType::number,
                       FieldType::choice, FieldType::yesno, FieldType::rows})
    EXPECT_EQ(field_type_from_string(to_string(ft)), ft);
  EXPECT_FALSE(field_type_from_string("email"));
  EXPECT_EQ(to_string(DateRule::past), "past");
  EXPECT_EQ(to_string(DateRule::within_campaign_period), "within_campaign_period");
  EXPECT_EQ(to_string(DateRule::none), "none");
  EXPECT_EQ(to_string(TemplateKind::any), "any");
  EXPECT_EQ(to_string(TemplateKind::collective), "collective");
  EXPECT_EQ(to_string(TemplateKind::individual), "individual");
}

TEST(Templates, ChoiceFieldsAndImportedTemplates) {
  json j = shipped("summary");
  j["id"] = "summary-with-choice";
  json option = {{"id", "formal"}, {"label_vi", "Trang trọng"}, {"label_en", "Formal"}};
  json field = {{"id", "tone"},       {"type", "choice"}, {"label_vi", "Giọng văn"},
                {"label_en", "Tone"}, {"required", false}};
  field["limits"]["options"] = json::array({option});
  j["sections"][0]["fields"].push_back(field);
  Library l = lib();
  ASSERT_TRUE(l.import_template("tone.json", j.dump()).ok());
  const Field* f = l.find_template("summary-with-choice")->field("tone");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->limits.options.size(), 1u);
  EXPECT_EQ(f->limits.options[0].label.en, "Formal");
  auto r = l.import_template("broken.json", "{");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, "broken.json");
}

struct Broken {
  const char* name;
  const char* id;
  void (*edit)(json&);
  const char* path;
};

class TemplateRefusal : public ::testing::TestWithParam<Broken> {};

TEST_P(TemplateRefusal, NamesFileAndPath) {
  json j = shipped(GetParam().id);
  GetParam().edit(j);
  auto t = load_template("bad-template.json", j.dump());
  ASSERT_FALSE(t.ok()) << GetParam().name;
  EXPECT_EQ(t.error().file, "bad-template.json");
  EXPECT_EQ(t.error().path, GetParam().path) << t.error().describe(Language::en);
  EXPECT_FALSE(t.error().what.vi.empty());
  EXPECT_FALSE(t.error().what.en.empty());
}

json& field0(json& j) { return j["sections"][0]["fields"][0]; }
json& targets(json& j) { return j["sections"][1]["fields"][0]; }

INSTANTIATE_TEST_SUITE_P(
    Templates, TemplateRefusal,
    ::testing::Values(
        Broken{"wrong format", "summary", [](json& j) { j["format"] = "hoso-campaign"; }, "format"},
        Broken{"newer format", "summary", [](json& j) { j["format_version"] = 9; }, "format_version"},
        Broken{"bad id", "summary", [](json& j) { j["id"] = "Tóm tắt"; }, "id"},
        Broken{"version missing", "summary", [](json& j) { j.erase("version"); }, "version"},
        Broken{"version zero", "summary", [](json& j) { j["version"] = 0; }, "version"},
        Broken{"unknown document", "summary", [](json& j) { j["document"] = "letter"; }, "document"},
        Broken{"unknown kind", "summary", [](json& j) { j["kind"] = "both"; }, "kind"},
        Broken{"decree absent", "summary", [](json& j) { j.erase("decree"); }, "decree"},
        Broken{"no sections", "summary", [](json& j) { j["sections"] = json::array(); }, "sections"},
        Broken{"section twice", "review-minutes", [](json& j) { j["sections"][1]["id"] = "meeting"; }, "sections[1].id"},
        Broken{"empty section", "summary", [](json& j) { j["sections"][0]["fields"] = json::array(); }, "sections[0].fields"},
        Broken{"unknown type", "summary", [](json& j) { field0(j)["type"] = "email"; }, "sections[0].fields[0].type"},
        Broken{"no label", "summary", [](json& j) { field0(j).erase("label_en"); }, "sections[0].fields[0].label_en"},
        Broken{"required not bool", "summary", [](json& j) { field0(j)["required"] = 1; }, "sections[0].fields[0].required"},
        Broken{"limits reversed", "summary", [](json& j) { field0(j)["limits"]["min_length"] = 5000; }, "sections[0].fields[0].limits.min_length"},
        Broken{"bad date rule", "summary", [](json& j) { field0(j)["limits"]["date_rule"] = "soon"; }, "sections[0].fields[0].limits.date_rule"},
        Broken{"choice without options", "summary", [](json& j) { field0(j)["type"] = "choice"; }, "sections[0].fields[0].limits.options"},
        Broken{"columns on text", "summary", [](json& j) { field0(j)["columns"] = json::array(); }, "sections[0].fields[0].columns"},
        Broken{"field twice", "summary", [](json& j) { j["sections"][0]["fields"].push_back(field0(j)); }, "sections[0].fields[1].id"},
        Broken{"field twice across sections", "form08-individual-nd98", [](json& j) { j["sections"][2]["fields"][0]["id"] = "targets"; }, "sections[2].fields[0].id"},
        Broken{"rows without columns", "form08-individual-nd98", [](json& j) { targets(j).erase("columns"); }, "sections[1].fields[0].columns"},
        Broken{"rows inside rows", "form08-individual-nd98", [](json& j) { targets(j)["columns"][0]["type"] = "rows"; }, "sections[1].fields[0].columns[0].type"},
        Broken{"column twice", "form08-individual-nd98", [](json& j) { targets(j)["columns"][1]["id"] = "target"; }, "sections[1].fields[0].columns[1].id"},
        Broken{"bad key column", "review-minutes", [](json& j) { j["sections"][3]["fields"][0]["key_column"] = "who"; }, "sections[3].fields[0].key_column"},
        Broken{"unknown bind", "form08-individual-nd98", [](json& j) { field0(j)["bind"] = "nominee.nickname"; }, "sections[0].fields[0].bind"},
        Broken{"bind of other kind", "form08-individual-nd98", [](json& j) { field0(j)["bind"] = "nominee.headcount"; }, "sections[0].fields[0].bind"},
        Broken{"bind with type", "form08-individual-nd98", [](json& j) { field0(j)["type"] = "text"; }, "sections[0].fields[0].type"},
        Broken{"bind without only_kind in shared", "form-thematic-nd152", [](json& j) { field0(j).erase("only_kind"); }, "sections[0].fields[0].bind"},
        Broken{"bad only_kind", "form-thematic-nd152", [](json& j) { field0(j)["only_kind"] = "team"; }, "sections[0].fields[0].only_kind"},
        Broken{"option twice", "summary", [](json& j) {
                 field0(j)["type"] = "choice";
                 field0(j)["limits"]["options"] = {{{"id", "a"}, {"label_vi", "A"}, {"label_en", "A"}},
                                                   {{"id", "a"}, {"label_vi", "B"}, {"label_en", "B"}}};
               }, "sections[0].fields[0].limits.options[1].id"},
        Broken{"field not object", "summary", [](json& j) { field0(j) = "text"; }, "sections[0].fields[0]"}),
    [](const ::testing::TestParamInfo<Broken>& p) {
      std::string n = p.param.name;
      for (char& ch : n)
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

}  // namespace
}  // namespace hoso
