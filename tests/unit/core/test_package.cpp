// Submission packages (core/package.hpp): the format, export, verification of untrusted files and
// import into a unit's workspace.
#include "core/package.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/assets.hpp"
#include "core/canonical_json.hpp"
#include "core/edit.hpp"
#include "core/sha256.hpp"
#include "core/synthetic.hpp"
#include "core/text.hpp"
#include "domain_fixtures.hpp"

namespace hoso {
namespace {

using nlohmann::json;
using testing::campaign;
using testing::kNow;
using testing::lib;

constexpr const char* kId = "3f2b8c1e-9d4a-4e6b-8a2f-1c5d7e9b0a42";
constexpr const char* kWorkspaceId = "0b9e6a52-7c1d-4f3e-8a2b-5d6c7e8f9a01";
constexpr const char* kOtherId = "b7e4a0c2-5f1d-4c3e-9b8a-2d6f0e1c3a57";
constexpr Millis kExportTime = 1760948100000;  // 2025-10-20T08:15:00Z, 15:15 in Vietnam
constexpr const char* kFile = "hoso_x.json";

using Blobs = std::map<std::string, std::string, std::less<>>;

// Deterministic bytes that look like nothing in particular.
std::string bytes_of(std::size_t n, uint64_t seed) {
  std::string s(n, '\0');
  for (char& c : s) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    c = static_cast<char>(seed >> 56);
  }
  return s;
}

void attach(Dossier& d, Blobs& blobs, const std::string& id, const std::string& name, std::string bytes) {
  Attachment a{id, name, "application/pdf", static_cast<int64_t>(bytes.size()), sha256_hex(bytes), 0};
  ASSERT_TRUE(add_attachment(d, a, {"Tester", kNow}).ok());
  blobs[a.sha256] = std::move(bytes);
}

void make_ready(Workspace& w) {
  for (Dossier& d : w.dossiers) d.status = Status::ready;
}

std::vector<std::string> ids_of(const Workspace& w) {
  std::vector<std::string> ids;
  for (const Dossier& d : w.dossiers) ids.push_back(d.id);
  return ids;
}

PackageInput input_for(const Workspace& w, const Blobs& blobs, Millis now = kExportTime) {
  return PackageInput{w,
                      ids_of(w),
                      Contact{"Lê Thị Cúc", "0205 3812 345", "cuc.sngv@langson.gov.vn"},
                      kId,
                      kWorkspaceId,
                      now,
                      [&blobs](std::string_view sha) -> std::optional<std::string> {
                        auto it = blobs.find(sha);
                        if (it == blobs.end()) return std::nullopt;
                        return it->second;
                      }};
}

// The fixtures' valid workspace, ready, with three attachments (one used by both dossiers).
struct Sample {
  Workspace w;
  Blobs blobs;
};
Sample sample() {
  Sample s{testing::valid_workspace(), {}};
  attach(s.w.dossiers[0], s.blobs, "a1", "bang-khen-2024.pdf", bytes_of(700, 1));
  attach(s.w.dossiers[0], s.blobs, "a2", "quyết định.pdf", bytes_of(300, 2));
  attach(s.w.dossiers[1], s.blobs, "a3", "bang-khen-2024 (copy).pdf", bytes_of(700, 1));
  make_ready(s.w);
  return s;
}

BuiltPackage build(const Workspace& w, const Blobs& blobs, Millis now = kExportTime) {
  auto b = build_package(lib(), input_for(w, blobs, now));
  EXPECT_TRUE(b.ok()) << (b ? "" : b.error().describe(Language::en));
  return b ? std::move(b).value() : BuiltPackage{};
}

const BuiltPackage& sample_package() {
  static const BuiltPackage p = [] {
    Sample s = sample();
    return build(s.w, s.blobs);
  }();
  return p;
}

// A crafted file: the package changed by hand, then sealed again so only the change is wrong.
std::string reseal(json j) {
  j["manifest"]["content_sha256"] = package_content_hash(j);
  return canonical_dump(j);
}

Outcome<VerifiedPackage> verify(std::string_view bytes, const VerifyLimits& limits = {}) {
  return verify_package(lib(), kFile, bytes, limits);
}

// Verifies a file that must be refused; the import that would follow never runs, so a workspace
// is left exactly as it was.
DataError refused(std::string_view bytes, const VerifyLimits& limits = {}) {
  const Workspace before = testing::valid_workspace();
  Workspace w = before;
  auto v = verify(bytes, limits);
  EXPECT_FALSE(v.ok()) << "accepted a file that should be refused";
  if (v) {
    auto applied = apply_import(w, *v);
    if (applied) w = applied->workspace;
    return DataError{};
  }
  EXPECT_EQ(w, before);
  const DataError& e = v.error();
  EXPECT_EQ(e.file, kFile);
  EXPECT_FALSE(e.what.vi.empty());
  EXPECT_FALSE(e.what.en.empty());
  EXPECT_EQ(e.describe(Language::vi).rfind(kFile, 0), 0u);
  return e;
}

#define EXPECT_CONTAINS(haystack, needle) EXPECT_NE(std::string(haystack).find(needle), std::string::npos) << (haystack)

// ---- the format ------------------------------------------------------------------------------

TEST(Package, FileName) {
  EXPECT_EQ(package_file_name("Phòng Hợp tác quốc tế", "32-KH-SNgV", kExportTime, 2),
            "hoso_phong-hop-tac-quoc-te_32-KH-SNgV_2025-10-20_r2.json");
  // The Vietnam date: 20:00 UTC on the 20th is the 21st in Lạng Sơn.
  EXPECT_EQ(package_file_name("Văn phòng Sở", "32/KH SNgV", 1760990400000, 1),
            "hoso_van-phong-so_32-KH-SNgV_2025-10-21_r1.json");
  EXPECT_EQ(package_file_name("!!!", "x", kExportTime, 1), "hoso_don-vi_x_2025-10-20_r1.json");
}

TEST(Package, BuildWritesTheFormat) {
  const BuiltPackage& p = sample_package();
  EXPECT_EQ(p.file_name, "hoso_phong-hop-tac-quoc-te_32-KH-SNgV_2025-10-20_r1.json");
  EXPECT_EQ(p.revision, 1);
  EXPECT_EQ(p.package_id, kId);
  EXPECT_EQ(p.created, kExportTime);
  const json j = json::parse(p.text);
  EXPECT_EQ(canonical_dump(j), p.text);  // the file is its own canonical form
  EXPECT_EQ(j["format"], "hoso-package");
  EXPECT_EQ(j["format_version"], 2);
  EXPECT_EQ(j["package_id"], kId);
  EXPECT_EQ(j["workspace_id"], kWorkspaceId);  // the workspace had none: drawn at its first export
  EXPECT_EQ(j["revision"], 1);
  EXPECT_TRUE(j["previous_hash"].is_null());
  EXPECT_EQ(j["created"], "2025-10-20T08:15:00Z");
  EXPECT_EQ(j["app_version"], HOSO_VERSION);
  EXPECT_EQ(j["campaign"], (json{{"id", campaign().id}, {"version", campaign().version}, {"hash", campaign().hash}}));
  EXPECT_EQ(j["sender"], (json{{"unit_id", "phong-hop-tac-quoc-te"}, {"unit_name", "Phòng Hợp tác quốc tế"}}));
  EXPECT_EQ(j["contact"]["name"], "Lê Thị Cúc");
  ASSERT_EQ(j["dossiers"].size(), 2u);
  ASSERT_EQ(j["minutes"].size(), 1u);
  // Each dossier with its template references and its audit trail, as the workspace has them.
  const json& d0 = j["dossiers"][0];
  EXPECT_EQ(d0["report_template"]["id"], "form08-individual-nd98");
  EXPECT_FALSE(d0["report_template"]["hash"].get<std::string>().empty());
  EXPECT_EQ(d0["status"], "exported");
  EXPECT_EQ(d0["last_export"], (json{{"time", "2025-10-20T08:15:00Z"}, {"package_hash", ""}}));
  EXPECT_EQ(d0["audit"].back()["new"], "exported");
  // The same bytes once, though two dossiers use them.
  ASSERT_EQ(j["attachments"].size(), 2u);
  const json& a = j["attachments"][0];
  EXPECT_EQ(a["size"], 700);
  EXPECT_EQ(a["sha256"], sha256_hex(bytes_of(700, 1)));
  EXPECT_EQ(a["base64"], base64_encode(bytes_of(700, 1)));
  EXPECT_EQ(a["name"], "bang-khen-2024.pdf");
  // The manifest seals the rest.
  json content = j;
  content.erase("manifest");
  EXPECT_EQ(j["manifest"], (json{{"content_sha256", sha256_hex(canonical_dump(content))}}));
  EXPECT_EQ(p.content_hash, sha256_hex(canonical_dump(content)));
  EXPECT_EQ(package_content_hash(j), p.content_hash);
}

TEST(Package, BuildMarksTheWorkspaceExported) {
  Sample s = sample();
  const BuiltPackage p = build(s.w, s.blobs);
  const Workspace& after = p.workspace;
  EXPECT_EQ(after.exports, (ExportHistory{1, kId, p.content_hash, kExportTime}));
  EXPECT_EQ(after.workspace_id, kWorkspaceId);
  // The next revision comes from the same workspace: its own id, not the fresh one offered.
  PackageInput again = input_for(after, s.blobs, kExportTime + 86400000);
  again.new_workspace_id = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
  auto r2 = build_package(lib(), again);
  ASSERT_TRUE(r2.ok()) << r2.error().describe(Language::en);
  EXPECT_EQ(json::parse(r2->text)["workspace_id"], kWorkspaceId);
  EXPECT_EQ(r2->workspace.workspace_id, kWorkspaceId);
  for (const Dossier& d : after.dossiers) {
    EXPECT_EQ(d.status, Status::exported);
    ASSERT_TRUE(d.last_export);
    EXPECT_EQ(*d.last_export, (ExportInfo{kExportTime, p.content_hash}));
  }
  EXPECT_EQ(after.minutes, s.w.minutes);
  EXPECT_EQ(s.w.dossiers[0].status, Status::ready);  // the input is not touched
}

TEST(Package, SameDataSameBytes) {
  Sample a = sample(), b = sample();
  const BuiltPackage pa = build(a.w, a.blobs), pb = build(b.w, b.blobs);
  EXPECT_EQ(pa.text, pb.text);
  EXPECT_EQ(pa.content_hash, pb.content_hash);
}

TEST(Package, CanonicalHashIsTheSameOnEveryPlatform) {
  // A package-shaped value built without the shipped assets, with NFD text, big and negative
  // integers and escapes; the native and the wasm test runs must both find this hash (Python's
  // json.dumps(sort_keys=True, ensure_ascii=False, separators=(",", ":")) + hashlib agree).
  json p = {{"format", "hoso-package"},
            {"revision", 2},
            {"sender", {{"unit_name", "Phòng Hợp tác quốc te\xcc\x82\xcc\x81"}, {"unit_id", "phong"}}},
            {"dossiers", {{{"size", 9007199254740993LL}, {"n", -42}, {"t", "a\"b\\c\n\x01"}}}},
            {"manifest", {{"content_sha256", "ignored"}}}};
  json content = p;
  content.erase("manifest");
  EXPECT_EQ(canonical_dump(content),
            "{\"dossiers\":[{\"n\":-42,\"size\":9007199254740993,\"t\":\"a\\\"b\\\\c\\n\\u0001\"}],"
            "\"format\":\"hoso-package\",\"revision\":2,\"sender\":{\"unit_id\":\"phong\",\"unit_name\":"
            "\"Phòng Hợp tác quốc tế\"}}");
  EXPECT_EQ(package_content_hash(p), sha256_hex(canonical_dump(content)));
  EXPECT_EQ(package_content_hash(p), "a810f5f6143bb46324212180ab1e57b521be2f5e1070eb63666d4838a56cf069");
}

// Same content with the keys in another order, white space, and decomposed (NFD) text: the same
// hash, so the manifest still holds, and the dossiers come out in NFC.
nlohmann::ordered_json reorder(const json& j) {
  if (j.is_object()) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (auto it = j.rbegin(); it != j.rend(); ++it) o[it.key()] = reorder(it.value());
    return o;
  }
  if (j.is_array()) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& v : j) a.push_back(reorder(v));
    return a;
  }
  return nlohmann::ordered_json::parse(j.dump());
}

std::string decompose(std::string s) {
  const std::pair<const char*, const char*> table[] = {
      {"ễ", "e\xcc\x82\xcc\x83"}, {"ệ", "e\xcc\xa3\xcc\x82"}, {"ă", "a\xcc\x86"}, {"ơ", "o\xcc\x9b"},
      {"ư", "u\xcc\x9b"},         {"ạ", "a\xcc\xa3"},         {"á", "a\xcc\x81"}, {"ò", "o\xcc\x80"},
      {"ố", "o\xcc\x82\xcc\x81"}, {"ị", "i\xcc\xa3"},         {"ú", "u\xcc\x81"}, {"ầ", "a\xcc\x82\xcc\x80"}};
  for (const auto& [from, to] : table)
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += std::string_view(to).size())
      s.replace(at, std::string_view(from).size(), to);
  return s;
}

TEST(Package, CanonicalFormIsStable) {
  const BuiltPackage& p = sample_package();
  const std::string other = decompose(reorder(json::parse(p.text)).dump(2));
  ASSERT_NE(other, p.text);
  ASSERT_FALSE(text::is_nfc(other));
  ASSERT_EQ(text::nfc(other), reorder(json::parse(p.text)).dump(2));
  auto v = verify(other);
  ASSERT_TRUE(v.ok()) << v.error().describe(Language::en);
  auto original = verify(p.text);
  ASSERT_TRUE(original.ok());
  EXPECT_EQ(v->header.content_hash, p.content_hash);
  EXPECT_EQ(v->header, original->header);
  EXPECT_EQ(v->dossiers, original->dossiers);  // NFC on the way in
  EXPECT_EQ(v->minutes, original->minutes);
  EXPECT_EQ(v->attachments, original->attachments);
}

TEST(Package, VerifyGivesEverything) {
  Sample s = sample();
  const BuiltPackage p = build(s.w, s.blobs);
  auto v = verify(p.text);
  ASSERT_TRUE(v.ok()) << v.error().describe(Language::en);
  const PackageHeader& h = v->header;
  EXPECT_EQ(h, (PackageHeader{kId, 1, "", kWorkspaceId, kExportTime, HOSO_VERSION, ref_of(campaign()),
                              Sender{"phong-hop-tac-quoc-te", "Phòng Hợp tác quốc tế"},
                              Contact{"Lê Thị Cúc", "0205 3812 345", "cuc.sngv@langson.gov.vn"}, p.content_hash}));
  EXPECT_EQ(v->file_name, kFile);
  EXPECT_EQ(v->dossiers, p.workspace.dossiers);
  EXPECT_EQ(v->minutes, p.workspace.minutes);
  EXPECT_TRUE(v->warnings.empty());
  ASSERT_EQ(v->attachments.size(), 2u);
  for (const Dossier& d : v->dossiers)
    for (const Attachment& a : d.attachments) {
      const PackageAttachment* pa = v->attachment(a.sha256);
      ASSERT_NE(pa, nullptr);
      EXPECT_EQ(pa->bytes, s.blobs.at(a.sha256));
    }
  EXPECT_EQ(v->attachments[1].name, "quyết định.pdf");
  EXPECT_EQ(v->attachments[1].mime_type, "application/pdf");
  EXPECT_EQ(v->attachment("0000"), nullptr);
}

// ---- round trip --------------------------------------------------------------------------------

// Any workspace -> package -> a fresh workspace: equal to the exporter's workspace after export.
TEST(Package, RoundTripGeneratedWorkspaces) {
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    SyntheticOptions opts;
    opts.seed = seed;
    opts.dossiers = static_cast<int>(seed * 3);
    opts.collective_share = 0.3;
    Workspace w = generate_workspace(lib(), campaign(), opts);
    Blobs blobs;
    for (std::size_t i = 0; i < w.dossiers.size(); ++i)
      for (std::size_t k = 0; k < i % 3; ++k)
        attach(w.dossiers[i], blobs, "att-" + std::to_string(k), "tài liệu " + std::to_string(i) + "-" + std::to_string(k) + ".pdf",
               bytes_of(100 + 37 * i + k, seed * 100 + i * 3 + k));
    make_ready(w);
    const BuiltPackage p = build(w, blobs);
    auto v = verify(p.text);
    ASSERT_TRUE(v.ok()) << v.error().describe(Language::en);

    Workspace fresh;
    fresh.settings = w.settings;
    fresh.settings.unit_id.clear();
    fresh.settings.unit_name.clear();
    auto plan = plan_import(fresh, *v);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->kind, ImportKind::new_package);
    EXPECT_EQ(plan->dossiers.size(), w.dossiers.size());
    for (const ItemImport& i : plan->dossiers) EXPECT_EQ(i.action, ItemAction::add);
    auto imported = apply_import(fresh, *v);
    ASSERT_TRUE(imported.ok()) << imported.error().describe(Language::en);
    EXPECT_TRUE(imported->changed);
    // Everything but the exporter's identity: the chain moves with the file, the workspace id not.
    Workspace exported = p.workspace;
    exported.workspace_id.clear();
    EXPECT_EQ(imported->workspace, exported);
    EXPECT_EQ(imported->attachments_to_store.size(), blobs.size());
    for (const std::string& sha : imported->attachments_to_store) EXPECT_EQ(v->attachment(sha)->bytes, blobs.at(sha));

    // The next export is revision 2 of the same package, chained to the first.
    const BuiltPackage p2 = build(p.workspace, blobs, kExportTime + 86400000);
    EXPECT_EQ(p2.revision, 2);
    EXPECT_EQ(p2.package_id, kId);
    EXPECT_EQ(json::parse(p2.text)["previous_hash"], p.content_hash);
    auto v2 = verify(p2.text);
    ASSERT_TRUE(v2.ok()) << v2.error().describe(Language::en);
    EXPECT_EQ(v2->header.previous_hash, p.content_hash);
    auto again = apply_import(imported->workspace, *v2);
    ASSERT_TRUE(again.ok());
    Workspace exported2 = p2.workspace;
    exported2.workspace_id.clear();
    EXPECT_EQ(again->workspace, exported2);
  }
}

// ---- refusals of crafted files -------------------------------------------------------------------

TEST(PackageRefusal, Truncated) {
  const std::string& text = sample_package().text;
  for (std::size_t keep : {text.size() / 2, text.size() - 1, std::size_t{1}}) {
    const DataError e = refused(text.substr(0, keep));
    EXPECT_EQ(e.path, "byte " + std::to_string(keep));
    EXPECT_CONTAINS(e.what.vi, "Tệp bị cắt cụt");
    EXPECT_CONTAINS(e.what.en, "truncated");
  }
  const DataError empty = refused("");
  EXPECT_CONTAINS(empty.what.en, "truncated");
}

// Packages of format version 1 (made before workspace ids, e.g. the fuzz corpus's valid_r1.json)
// are read as they were: no workspace id; version 2 must name its workspace.
TEST(Package, FormatVersion1IsStillRead) {
  json j = json::parse(sample_package().text);
  j.erase("workspace_id");
  j["format_version"] = 1;
  auto v = verify_package(lib(), "r1.json", reseal(j));
  ASSERT_TRUE(v.ok()) << v.error().describe(Language::en);
  EXPECT_EQ(v->header.workspace_id, "");
  // Version 1 with a workspace id, version 2 without one or with one that is no UUID: refused.
  j["workspace_id"] = kWorkspaceId;
  EXPECT_EQ(refused(reseal(j)).path, "workspace_id");
  j.erase("workspace_id");
  j["format_version"] = 2;
  EXPECT_EQ(refused(reseal(j)).path, "workspace_id");
  j["workspace_id"] = "browser-1";
  DataError e = refused(reseal(j));
  EXPECT_EQ(e.path, "workspace_id");
  EXPECT_CONTAINS(e.what.en, "UUID");
}

TEST(PackageRefusal, WrongFormatVersion) {
  json j = json::parse(sample_package().text);
  j["format_version"] = 3;
  DataError e = refused(reseal(j));
  EXPECT_EQ(e.path, "format_version");
  EXPECT_CONTAINS(e.what.vi, "mới hơn phiên bản 2");
  EXPECT_CONTAINS(e.what.en, "newer than version 2");
  EXPECT_CONTAINS(e.what.en, "update the app");
  // A newer version may change anything else: the version is read first.
  j = json{{"format", "hoso-package"}, {"format_version", 7}, {"whatever", {1, 2}}};
  EXPECT_CONTAINS(refused(j.dump()).what.en, "format version 7, newer");
  j["format_version"] = 0;
  EXPECT_CONTAINS(refused(j.dump()).what.en, "Format version 0 is not valid");
  j["format_version"] = "1";
  EXPECT_EQ(refused(j.dump()).path, "format_version");
  j = json::parse(sample_package().text);
  j["format"] = "hoso-workspace";
  e = refused(reseal(j));
  EXPECT_EQ(e.path, "format");
  EXPECT_CONTAINS(e.what.en, "not a hoso submission package");
  EXPECT_EQ(refused("[1,2]").path, "");
}

TEST(PackageRefusal, EditedAttachmentByte) {
  json j = json::parse(sample_package().text);
  std::string bytes = *base64_decode(j["attachments"][1]["base64"].get<std::string>());
  bytes[100] = static_cast<char>(bytes[100] ^ 1);
  j["attachments"][1]["base64"] = base64_encode(bytes);
  for (const std::string& file : {canonical_dump(j), reseal(j)}) {  // with or without a new manifest
    const DataError e = refused(file);
    EXPECT_EQ(e.path, "attachments[1]");
    EXPECT_EQ(e.what.vi, "Mã SHA-256 không khớp — tệp đính kèm đã bị sửa.");
    EXPECT_EQ(e.what.en, "The SHA-256 does not match — the attachment was altered.");
    EXPECT_EQ(e.describe(Language::vi), "hoso_x.json, attachments[1]: Mã SHA-256 không khớp — tệp đính kèm đã bị sửa.");
  }
  // One base64 character in the file itself.
  std::string text = sample_package().text;
  const std::size_t at = text.find("\"base64\":\"") + 20;
  text[at] = text[at] == 'A' ? 'B' : 'A';
  EXPECT_EQ(refused(text).path, "attachments[0]");
  // Bytes added: the size says so first.
  j = json::parse(sample_package().text);
  j["attachments"][0]["base64"] = base64_encode(bytes_of(703, 1));
  DataError e = refused(reseal(j));
  EXPECT_EQ(e.path, "attachments[0].size");
  EXPECT_CONTAINS(e.what.en, "The size says 700 bytes but the content has 703 bytes");
  j["attachments"][0]["base64"] = "not base64!";
  EXPECT_EQ(refused(reseal(j)).path, "attachments[0].base64");
}

TEST(PackageRefusal, EditedManifestOrContent) {
  json j = json::parse(sample_package().text);
  std::string hash = j["manifest"]["content_sha256"].get<std::string>();
  hash[10] = hash[10] == '0' ? '1' : '0';
  j["manifest"]["content_sha256"] = hash;
  DataError e = refused(canonical_dump(j));
  EXPECT_EQ(e.path, "manifest.content_sha256");
  EXPECT_EQ(e.what.vi, "Mã SHA-256 của nội dung không khớp với bản kê — gói đã bị sửa sau khi tạo, hoặc bị hỏng.");
  EXPECT_CONTAINS(e.what.en, "does not match the manifest");
  // The content edited and the manifest left alone.
  j = json::parse(sample_package().text);
  j["dossiers"][0]["nominee"]["full_name"] = "Nguyễn Văn Bình";
  EXPECT_EQ(refused(canonical_dump(j)).path, "manifest.content_sha256");
  j = json::parse(sample_package().text);
  j["manifest"]["content_sha256"] = "ABC";
  e = refused(canonical_dump(j));
  EXPECT_EQ(e.path, "manifest.content_sha256");
  EXPECT_CONTAINS(e.what.en, "64 lower-case hexadecimal digits");
}

TEST(PackageRefusal, DeepNesting) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  DataError e = refused(deep);
  EXPECT_EQ(e.path, "byte 32");
  EXPECT_CONTAINS(e.what.en, "nested too deeply");
  // Inside an otherwise fine package, in a dossier's report.
  std::string text = sample_package().text;
  const std::size_t at = text.find("\"report\":{") + 10;
  text.insert(at, "\"x\":" + std::string(100000, '[') + std::string(100000, ']') + ",");
  e = refused(text);
  EXPECT_CONTAINS(e.path, "byte ");
  EXPECT_CONTAINS(e.what.vi, "lồng nhau quá sâu");
}

std::string package_with_string(std::size_t n) {
  std::string s = R"({"format":"hoso-package","format_version":1,"x":")";
  s.append(n, 'a');
  s += "\"}";
  return s;
}

TEST(PackageRefusal, HugeString) {
  // The limits scaled down (the wasm heap is small): a file over its limit, a string over its.
  VerifyLimits small;
  small.max_bytes = std::size_t{1} << 20;
  small.max_string_bytes = 64 << 10;
  DataError e = refused(package_with_string(2 << 20), small);
  EXPECT_EQ(e.path, "");
  EXPECT_CONTAINS(e.what.vi, "vượt giới hạn 1 MB cho mỗi gói");
  EXPECT_CONTAINS(e.what.en, "over the limit of 1 MB per package");
  e = refused(package_with_string(100 << 10), small);
  EXPECT_EQ(e.path, "x");
  EXPECT_CONTAINS(e.what.en, "A string of 102400 bytes is longer than the limit of 65536 bytes");
}

#ifndef HOSO_WASM_TEST
TEST(PackageRefusal, HugeStringAtTheRealLimit) {
  const std::string file = package_with_string(std::size_t{200} << 20);  // 200 MB
  const DataError e = refused(file);
  EXPECT_EQ(e.what.vi, "Tệp quá lớn: " + std::to_string(file.size()) + " byte, vượt giới hạn 100 MB cho mỗi gói.");
  EXPECT_EQ(e.what.en, "The file is too large: " + std::to_string(file.size()) + " bytes, over the limit of 100 MB per package.");
}
#endif

TEST(PackageRefusal, InvalidUtf8) {
  std::string text = sample_package().text;
  const std::size_t at = text.find("Lê Thị Cúc") + 1;
  text[at] = '\xff';
  DataError e = refused(text);
  EXPECT_EQ(e.path, "byte " + std::to_string(at));
  EXPECT_CONTAINS(e.what.vi, "UTF-8");
  EXPECT_CONTAINS(e.what.en, "not valid UTF-8 at byte " + std::to_string(at));
  // An overlong encoding of '"' and a lone surrogate.
  EXPECT_EQ(refused("{\"a\":\"\xc0\xa2\"}").path, "byte 6");
  EXPECT_EQ(refused("{\"a\":\"\xed\xa0\x80\"}").path, "byte 6");
}

TEST(PackageRefusal, DuplicateKeys) {
  std::string text = sample_package().text;
  text.insert(1, "\"revision\":2,");
  DataError e = refused(text);
  EXPECT_EQ(e.path, "revision");
  EXPECT_CONTAINS(e.what.en, "appears twice");
  // Keys equal after NFC are the same key.
  text = sample_package().text;
  const std::size_t at = text.find("\"contact\":{") + 11;
  text.insert(at, "\"na\xcc\x80me\":\"x\",\"n\xc3\xa0me\":\"y\",");
  EXPECT_CONTAINS(refused(text).what.en, "appears twice");
}

TEST(PackageRefusal, WrongCampaign) {
  json j = json::parse(sample_package().text);
  j["campaign"]["id"] = "99-KH-XYZ";
  for (json& d : j["dossiers"]) d["campaign"]["id"] = "99-KH-XYZ";
  DataError e = refused(reseal(j));
  EXPECT_EQ(e.path, "campaign.id");
  EXPECT_EQ(e.what.vi, "Gói thuộc kế hoạch “99-KH-XYZ”, không có trong ứng dụng này: không nhận được.");
  EXPECT_CONTAINS(e.what.en, "which this app does not know");
  // A dossier of another campaign in a package of ours.
  j = json::parse(sample_package().text);
  j["dossiers"][1]["campaign"]["id"] = "99-KH-XYZ";
  e = refused(reseal(j));
  EXPECT_EQ(e.path, "dossiers[1].campaign.id");
}

TEST(PackageRefusal, Schema) {
  const json good = json::parse(sample_package().text);
  struct Case {
    std::string path;
    std::function<void(json&)> edit;
    std::string en;
  };
  const std::vector<Case> cases = {
      {"sender", [](json& j) { j.erase("sender"); }, "The required member “sender” is missing."},
      {"revision", [](json& j) { j["revision"] = "1"; }, "Must be a whole number."},
      {"revision", [](json& j) { j["revision"] = 0; }, "The revision must be 1 or more."},
      {"previous_hash", [](json& j) { j["previous_hash"] = std::string(64, 'a'); }, "must be null"},
      {"previous_hash", [](json& j) { j["revision"] = 2; }, "The required member “previous_hash” is missing."},
      {"previous_hash",
       [](json& j) {
         j["revision"] = 2;
         j["previous_hash"] = "abc";
       },
       "64 lower-case"},
      {"package_id", [](json& j) { j["package_id"] = "42"; }, "must be a UUID"},
      {"created", [](json& j) { j["created"] = "20/10/2025"; }, "ISO 8601"},
      {"app_version", [](json& j) { j["app_version"] = ""; }, "Must not be empty."},
      {"campaign.hash", [](json& j) { j["campaign"]["hash"] = 5; }, "Must be a string."},
      {"campaign.version", [](json& j) { j["campaign"]["version"] = 0; }, "1 or more"},
      {"contact.name", [](json& j) { j["contact"]["name"] = " "; }, "Must not be empty."},
      {"contact.email", [](json& j) { j["contact"].erase("email"); }, "is missing"},
      {"contact.fax", [](json& j) { j["contact"]["fax"] = "1"; }, "is not part of package format version 2"},
      {"signature", [](json& j) { j["signature"] = "x"; }, "is not part of package format version 2"},
      {"minutes", [](json& j) { j["minutes"] = json::object(); }, "Must be a JSON array."},
      {"dossiers", [](json& j) { j["dossiers"] = json::array(); }, "at least one dossier"},
      {"attachments[0].size", [](json& j) { j["attachments"][0]["size"] = -1; }, "must not be negative"},
      // No more than a unit can attach (core/attachments.hpp), whatever the package's own size.
      {"attachments[0].size", [](json& j) { j["attachments"][0]["size"] = kMaxAttachmentBytes + 1; }, "over the limit of 10 MB a file"},
      {"attachments[1].base64", [](json& j) { j["attachments"][1]["base64"] = 1; }, "Must be a string."},
      {"attachments[2].sha256", [](json& j) { j["attachments"].push_back(j["attachments"][0]); }, "in the package twice"},
      {"attachments[1]", [](json& j) { j["attachments"][1]["sha256"] = std::string(64, '0'); }, "SHA-256 does not match"},
      {"manifest.signed", [](json& j) { j["manifest"]["signed"] = true; }, "not part of package format"},
      // The dossiers and minutes through the core's readers, at their place in the package.
      {"dossiers[1].nominee.kind", [](json& j) { j["dossiers"][1]["nominee"]["kind"] = "team"; }, "Invalid value “team”"},
      {"dossiers[1].id", [](json& j) { j["dossiers"][0]["id"] = j["dossiers"][1]["id"]; }, "is used twice"},
      {"dossiers[0].format_version", [](json& j) { j["dossiers"][0]["format_version"] = 9; }, "format version 9"},
      {"minutes[0].votes", [](json& j) { j["minutes"][0]["votes"] = "many"; }, "Must be a JSON array."},
      {"minutes[1].id", [](json& j) { j["minutes"].push_back(j["minutes"][0]); }, "is used twice"},
      // References between the parts.
      {"dossiers[0].attachments[1].sha256",
       [](json& j) { j["dossiers"][0]["attachments"][1]["sha256"] = std::string(64, 'f'); }, "does not hold the content"},
      {"dossiers[0].attachments[0].size", [](json& j) { j["dossiers"][0]["attachments"][0]["size"] = 1; }, "The size differs"},
      {"attachments[1]", [](json& j) { j["dossiers"][0]["attachments"].erase(1); }, "No dossier in the package uses"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    json j = good;
    c.edit(j);
    const DataError e = refused(reseal(j));
    EXPECT_EQ(e.path, c.path) << e.describe(Language::en);
    EXPECT_CONTAINS(e.what.en, c.en);
  }
  json unsealed = good;
  unsealed.erase("manifest");
  const DataError e = refused(canonical_dump(unsealed));
  EXPECT_EQ(e.path, "manifest");
  EXPECT_EQ(e.what.en, "The required member “manifest” is missing.");
}

TEST(Package, OtherCampaignVersionIsAWarning) {
  json j = json::parse(sample_package().text);
  j["campaign"]["version"] = campaign().version + 1;
  auto v = verify(reseal(j));
  ASSERT_TRUE(v.ok()) << v.error().describe(Language::en);
  ASSERT_EQ(v->warnings.size(), 1u);
  EXPECT_EQ(v->warnings[0].path, "campaign.version");
  EXPECT_CONTAINS(v->warnings[0].what.en, "newer than version");
  EXPECT_CONTAINS(v->warnings[0].what.vi, "mở tệp đợt thi đua phiên bản");
  // An older version: the unit had not opened the correction.
  Library newer = load_builtin_library().value();
  json corrected = json::parse(*assets::find("campaigns/32-KH-SNgV.json"));
  corrected["version"] = campaign().version + 1;
  ASSERT_TRUE(newer.add(campaign_from_json("v2.json", corrected).value()));
  auto older = verify_package(newer, kFile, sample_package().text);
  ASSERT_TRUE(older.ok()) << older.error().describe(Language::en);
  ASSERT_EQ(older->warnings.size(), 1u);
  EXPECT_CONTAINS(older->warnings[0].what.en, "older than version 2");
  EXPECT_CONTAINS(older->warnings[0].what.vi, "chưa mở bản sửa đổi");
  j = json::parse(sample_package().text);
  j["campaign"]["hash"] = std::string(64, 'e');
  v = verify(reseal(j));
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->warnings.size(), 1u);
  EXPECT_EQ(v->warnings[0].path, "campaign.hash");
}

TEST(Package, ByteOrderMarkAndWhiteSpaceAreAccepted) {
  const std::string text = "\xEF\xBB\xBF" + json::parse(sample_package().text).dump(1, '\t') + "\n";
  auto v = verify(text);
  ASSERT_TRUE(v.ok()) << v.error().describe(Language::en);
  EXPECT_EQ(v->header.content_hash, sample_package().content_hash);
}

// ---- export refusals ---------------------------------------------------------------------------

TEST(PackageBuild, Refusals) {
  const auto refused_build = [](const PackageInput& in) {
    auto b = build_package(lib(), in);
    EXPECT_FALSE(b.ok());
    return b ? DataError{} : b.error();
  };
  Sample s = sample();
  PackageInput in = input_for(s.w, s.blobs);

  in.dossier_ids = {};
  EXPECT_CONTAINS(refused_build(in).what.en, "No dossier is chosen");
  in.dossier_ids = {"nope"};
  EXPECT_CONTAINS(refused_build(in).what.en, "There is no dossier with id “nope”");
  in.dossier_ids = {"d-individual", "d-individual"};
  EXPECT_CONTAINS(refused_build(in).what.en, "is chosen twice");
  in.dossier_ids = ids_of(s.w);

  Workspace draft = s.w;
  draft.dossiers[1].status = Status::draft;
  EXPECT_EQ(refused_build(input_for(draft, s.blobs)).what.vi,
            "Hồ sơ “Phòng Quản lý biên giới” chưa sẵn sàng (Nháp): chỉ gửi được hồ sơ đã sẵn sàng.");

  PackageInput no_contact = input_for(s.w, s.blobs);
  no_contact.contact.name = "  ";
  EXPECT_EQ(refused_build(no_contact).path, "contact.name");

  PackageInput bad_id = input_for(s.w, s.blobs);
  bad_id.new_package_id = "not-a-uuid";
  EXPECT_EQ(refused_build(bad_id).path, "package_id");

  Workspace no_unit = s.w;
  no_unit.settings.unit_name.clear();
  EXPECT_EQ(refused_build(input_for(no_unit, s.blobs)).path, "settings.unit_name");

  Workspace other_campaign = s.w;
  other_campaign.campaign_id = "99-KH-XYZ";
  EXPECT_EQ(refused_build(input_for(other_campaign, s.blobs)).path, "campaign_id");

  Blobs missing = s.blobs;
  missing.erase(missing.begin());
  EXPECT_CONTAINS(refused_build(input_for(s.w, missing)).what.en, "is not in the app's storage");
  Blobs damaged = s.blobs;
  damaged.begin()->second[0] ^= 1;
  EXPECT_CONTAINS(refused_build(input_for(s.w, damaged)).what.en, "is damaged");
}

// ---- import ------------------------------------------------------------------------------------

VerifiedPackage verified(const BuiltPackage& p) {
  auto v = verify(p.text);
  EXPECT_TRUE(v.ok()) << v.error().describe(Language::en);
  return v ? std::move(v).value() : VerifiedPackage{};
}

TEST(PackageImport, AlreadyImported) {
  const BuiltPackage& p = sample_package();
  const VerifiedPackage v = verified(p);
  auto plan = plan_import(p.workspace, v);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->kind, ImportKind::already_imported);
  for (const ItemImport& i : plan->dossiers) EXPECT_EQ(i.action, ItemAction::unchanged);
  auto r = apply_import(p.workspace, v);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->changed);
  EXPECT_EQ(r->workspace, p.workspace);
  EXPECT_TRUE(r->attachments_to_store.empty());
}

TEST(PackageImport, ConflictShowsBothDatesAndOverwritesNothing) {
  // Two devices of one unit export revision 1 of the same package with other content.
  Sample s = sample();
  const BuiltPackage mine = build(s.w, s.blobs);
  Workspace other = s.w;
  other.dossiers[0].summary += " Đã bổ sung.";
  const BuiltPackage theirs = build(other, s.blobs, kExportTime - 86400000);
  ASSERT_EQ(mine.package_id, theirs.package_id);
  ASSERT_NE(mine.content_hash, theirs.content_hash);

  const VerifiedPackage v = verified(theirs);
  auto plan = plan_import(mine.workspace, v);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->kind, ImportKind::conflict);
  EXPECT_EQ(plan->local_revision, 1);
  EXPECT_EQ(plan->local_time, kExportTime);
  EXPECT_EQ(plan->package_revision, 1);
  EXPECT_EQ(plan->package_time, kExportTime - 86400000);
  EXPECT_EQ(plan->dossiers[0].action, ItemAction::replace);
  EXPECT_TRUE(plan->dossiers[0].local_changed_after);
  EXPECT_EQ(plan->dossiers[0].label, "Nguyễn Văn An");
  EXPECT_EQ(plan->dossiers[1].action, ItemAction::replace);  // its export record differs
  EXPECT_EQ(plan->minutes[0].action, ItemAction::unchanged);
  EXPECT_EQ(plan->minutes[0].label, "28/09/2025");

  auto refusal = apply_import(mine.workspace, v);
  ASSERT_FALSE(refusal.ok());
  EXPECT_EQ(refusal.error().path, "revision");
  EXPECT_EQ(refusal.error().what.vi,
            "Xung đột: gói này là lần gửi 1 (lập 19/10/2025 15:15) nhưng khác với lần gửi 1 đã có (20/10/2025 "
            "15:15) của cùng gói. Không ghi đè; hãy chọn giữ bản nào.");
  EXPECT_CONTAINS(refusal.error().what.en, "Nothing is overwritten");

  auto forced = apply_import(mine.workspace, v, true);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->workspace.dossiers, v.dossiers);
  EXPECT_EQ(forced->workspace.exports, mine.workspace.exports);  // the local chain goes on
}

TEST(PackageImport, NewerRevisionReplaces) {
  Sample s = sample();
  const BuiltPackage r1 = build(s.w, s.blobs);
  // On another device: revision 2 with a change and a new dossier.
  Workspace later = r1.workspace;
  later.dossiers[1].summary += " Bổ sung.";
  later.dossiers[1].status = Status::ready;
  Dossier extra = testing::valid_individual("d-extra");
  extra.nominee.full_name = "Trần Thị Bình";
  extra.status = Status::ready;
  later.dossiers.push_back(extra);
  const BuiltPackage r2 = build(later, s.blobs, kExportTime + 3600000);
  ASSERT_EQ(r2.revision, 2);

  // Meanwhile the first device edited the first dossier after exporting.
  Workspace here = r1.workspace;
  here.dossiers[0].updated = kExportTime + 60000;
  auto plan = plan_import(here, verified(r2));
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->kind, ImportKind::newer_revision);
  ASSERT_EQ(plan->dossiers.size(), 3u);
  EXPECT_EQ(plan->dossiers[0].action, ItemAction::replace);  // its export record is revision 2's
  EXPECT_FALSE(plan->dossiers[0].local_changed_after);       // changed before revision 2 was made
  EXPECT_EQ(plan->dossiers[1].action, ItemAction::replace);
  EXPECT_EQ(plan->dossiers[2].action, ItemAction::add);
  EXPECT_EQ(plan->dossiers[2].label, "Trần Thị Bình");
  auto r = apply_import(here, verified(r2));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->workspace, r2.workspace);
}

TEST(PackageImport, OtherUnitOrCampaignIsRefused) {
  const VerifiedPackage v = verified(sample_package());
  Workspace w = testing::valid_workspace();
  w.settings.unit_id = "van-phong";
  auto plan = plan_import(w, v);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().path, "sender.unit_id");
  EXPECT_EQ(plan.error().file, kFile);
  w = testing::valid_workspace();
  w.campaign_id = "99-KH-XYZ";
  EXPECT_EQ(plan_import(w, v).error().path, "campaign.id");
  ASSERT_FALSE(apply_import(w, v).ok());
  // An empty workspace takes the package's campaign and unit.
  Workspace empty;
  empty.campaign_id = "99-KH-XYZ";
  auto r = apply_import(empty, v);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->workspace.campaign_id, campaign().id);
  EXPECT_EQ(r->workspace.settings.unit_name, "Phòng Hợp tác quốc tế");
}

TEST(PackageImport, KeepsOtherItemsAndAnotherChain) {
  Sample s = sample();
  const BuiltPackage p = build(s.w, s.blobs);
  Workspace w;
  w.settings.unit_id = "phong-hop-tac-quoc-te";
  w.dossiers.push_back(testing::valid_individual("d-local"));
  w.exports = ExportHistory{4, kOtherId, std::string(64, 'a'), kNow};
  auto r = apply_import(w, verified(p));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->workspace.dossiers.size(), 3u);
  EXPECT_EQ(r->workspace.dossiers[0].id, "d-local");
  EXPECT_EQ(r->workspace.exports, w.exports);  // another chain: the next export continues it
  EXPECT_EQ(r->workspace.settings.unit_name, "");  // the unit was set: nothing taken
}

// ---- the schema --------------------------------------------------------------------------------

// A published schema, read from the source tree (schemas are not compiled into the app).
std::string schema_file(const char* name) {
  std::ifstream in(std::filesystem::path(HOSO_SOURCE_DIR) / "assets" / "schema" / name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(PackageSchema, DescribesWhatBuildWrites) {
  const std::string text = schema_file("package.schema.json");
  ASSERT_FALSE(text.empty());
  const json schema = json::parse(text);
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["$id"], "https://hoso.invalid/schema/package/2");
  EXPECT_EQ(schema["properties"]["format_version"]["enum"], (json{kPackageOldestFormatVersion, kPackageFormatVersion}));
  const json package = json::parse(sample_package().text);
  std::vector<std::string> required = schema["required"].get<std::vector<std::string>>(), members;
  // What version 2 adds is required when the version says 2.
  for (const json& more : schema["allOf"][0]["then"]["required"]) required.push_back(more.get<std::string>());
  for (const auto& [k, v] : package.items()) members.push_back(k);
  std::sort(required.begin(), required.end());
  EXPECT_EQ(required, members);
  for (const auto& [k, v] : schema["properties"].items()) EXPECT_TRUE(package.contains(k)) << k;
}

#ifndef HOSO_WASM_TEST
// The independent check: packages this build writes, validated by ajv (npm) against the schema.
TEST(PackageSchema, AjvAcceptsPackagesWeWrite) {
  const std::filesystem::path root = HOSO_SOURCE_DIR;
  if (!std::filesystem::exists(root / "node_modules/ajv") || std::system("node --version > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "node or ajv not installed";
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "hoso-package-schema-test";
  std::filesystem::create_directories(dir);
  std::string files;
  const auto write = [&](const BuiltPackage& p) {
    const auto path = dir / p.file_name;
    std::ofstream(path, std::ios::binary) << p.text;
    files += " '" + path.string() + "'";
  };
  Sample s = sample();
  const BuiltPackage r1 = build(s.w, s.blobs);
  write(r1);
  write(build(r1.workspace, s.blobs, kExportTime + 86400000));
  SyntheticOptions opts;
  opts.dossiers = 12;
  opts.collective_share = 0.5;
  Workspace g = generate_workspace(lib(), campaign(), opts);
  make_ready(g);
  write(build(g, {}));
  const std::string cmd = "node '" + (root / "tests/tools/validate_package.mjs").string() + "'" + files;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::filesystem::remove_all(dir);
}

// Writes the fuzzer's seed corpus (tests/fuzz/corpus/package) when HOSO_WRITE_FUZZ_CORPUS names a
// folder: small valid packages and a few broken ones.
TEST(PackageSchema, WriteFuzzCorpus) {
  const char* out = std::getenv("HOSO_WRITE_FUZZ_CORPUS");
  if (!out) GTEST_SKIP() << "set HOSO_WRITE_FUZZ_CORPUS=<dir> to write the seed corpus";
  const std::filesystem::path dir = out;
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  };
  Workspace w = testing::valid_workspace();
  w.dossiers.pop_back();
  w.minutes[0].votes.pop_back();
  w.dossiers[0].audit.clear();
  w.dossiers[0].summary = "Hoàn thành xuất sắc nhiệm vụ.";
  Blobs blobs;
  attach(w.dossiers[0], blobs, "a1", "bằng khen.pdf", "%PDF-1.4 hoso");
  make_ready(w);
  const BuiltPackage r1 = build(w, blobs);
  write("valid_r1.json", r1.text);
  write("valid_r2.json", build(r1.workspace, blobs, kExportTime + 86400000).text);
  json j = json::parse(r1.text);
  j["format_version"] = 3;
  write("newer_version.json", canonical_dump(j));
  j = json::parse(r1.text);
  j["attachments"][0]["base64"] = base64_encode("%PDF-1.4 hosO");
  write("edited_attachment.json", reseal(j));
  write("truncated.json", r1.text.substr(0, r1.text.size() / 2));
  write("pretty_nfd.json", decompose(reorder(json::parse(r1.text)).dump(2)));
  Workspace c = testing::valid_workspace();
  c.dossiers.erase(c.dossiers.begin());
  c.minutes[0].votes.erase(c.minutes[0].votes.begin());
  c.dossiers[0].audit.clear();
  c.dossiers[0].summary = "Tập thể tiêu biểu.";
  make_ready(c);
  write("valid_collective.json", build(c, {}).text);
}
#endif

}  // namespace
}  // namespace hoso
