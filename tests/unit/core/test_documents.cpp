// Printable documents (issue 8): the HTML and the .docx of Form 08 reports, summaries, minutes,
// the cover sheet and the council's documents.
//
// Golden files: tests/golden/documents/ holds reviewed snapshots of the HTML and of the .docx's
// word/document.xml for fixed data; the tests compare them exactly. When a change to the output is
// intended, regenerate them deliberately and review the diff before committing:
//   HOSO_UPDATE_GOLDEN=1 build/native/hoso_core_tests --gtest_filter='Documents*'
// End-to-end: with HOSO_DOCS_OUT=<existing dir> (and HOSO_DOCS_CSS_URL=<print.css URL>) the test
// Documents.WritesFilesForEndToEnd writes every document as .html and .docx there, with
// manifest.json naming the texts each must show (tests/e2e/documents.test.mjs uses it).
#include <gtest/gtest.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/certificates.hpp"
#include "core/documents/council_documents.hpp"
#include "core/documents/docx.hpp"
#include "core/documents/html.hpp"
#include "core/documents/unit_documents.hpp"
#include "core/documents/zip.hpp"
#include "core/council.hpp"
#include "core/proposal_export.hpp"
#include "core/assets.hpp"
#include "core/library.hpp"
#include "core/text.hpp"
#include "domain_fixtures.hpp"

namespace hoso::doc {
namespace {

// ---- fixed data ------------------------------------------------------------------------------

const Library& lib() {
  static const Library l = [] {
    auto r = load_builtin_library();
    if (!r) ADD_FAILURE() << r.error().describe(Language::en);
    return r ? std::move(r).value() : Library{};
  }();
  return l;
}

const Campaign& campaign() {
  static const Campaign empty;
  const Campaign* c = lib().campaign(kDefaultCampaignId);
  if (!c) ADD_FAILURE() << "campaign 32-KH-SNgV not loaded";
  return c ? *c : empty;
}

const ReportTemplate& report_template(const Dossier& d) {
  static const ReportTemplate empty;
  const ReportTemplate* t = lib().find_template(d.report_template.id);
  if (!t) ADD_FAILURE() << "no template " << d.report_template.id;
  return t ? *t : empty;
}

constexpr Millis kCreated = 1759201200000;  // 2025-09-30T03:00:00Z
constexpr Date kToday{2025, 10, 6};
constexpr std::string_view kCss = "https://hoso.example/print.css";

// An individual with the optional parts empty (other names, qualifications, titles, initiatives,
// lessons, past awards, the head's name) and a required field empty (the residence).
Dossier individual() {
  Dossier d = new_dossier(lib(), campaign(), "d-ind", NomineeKind::individual, "giay-khen-gd-so", "Tester", kCreated);
  Nominee& n = d.nominee;
  n.full_name = "Hoàng Thị Lan Hương";
  n.gender = "female";
  n.birth_date = "1988-02-05";
  n.home_town = "phường Đông Kinh, tỉnh Lạng Sơn";
  n.unit = "Phòng Hợp tác quốc tế";
  n.position = "Phó Trưởng phòng";
  n.category = "cong_chuc";
  d.summary = "Đồng chí Hoàng Thị Lan Hương luôn gương mẫu, hoàn thành xuất sắc nhiệm vụ được giao.\n\n"
              "Chủ trì tham mưu 05 đoàn công tác đối ngoại, bảo đảm an toàn, đúng quy định.";
  d.report = {
      {"targets", {{{"target", "Tham mưu tổ chức các đoàn công tác đối ngoại"},
                    {"result", "Tổ chức 5 đoàn ra, 8 đoàn vào; 100% đúng quy định"},
                    {"completed", "2025-09-05"}},
                   {{"target", "Dịch thuật văn bản"}, {"result", "142 văn bản, đúng hạn"}}}},
      {"measures", "Xây dựng kế hoạch chi tiết theo tháng.\nPhân công rõ người, rõ việc, rõ thời hạn."},
      {"place", "Lạng Sơn"},
      {"date", "2025-09-05"},
  };
  return d;
}

// A collective with every section used, a required cell empty (a target's result) and a required
// name empty (the head of the unit).
Dossier collective() {
  Dossier d = new_dossier(lib(), campaign(), "d-col", NomineeKind::collective, "bang-khen-ct-ubnd", "Tester", kCreated);
  Nominee& n = d.nominee;
  n.name = "Phòng Quản lý biên giới";
  n.address = "Số 2 đường Hùng Vương, phường Lương Văn Tri, tỉnh Lạng Sơn";
  n.phone = "0205 3812 345";
  n.email = "qlbg.sngv@langson.gov.vn";
  n.headcount = 8;
  n.women = 3;
  n.party_members = 6;
  n.functions = "Tham mưu quản lý nhà nước về biên giới lãnh thổ quốc gia.";
  d.summary = "Tập thể đoàn kết, hoàn thành 100% nhiệm vụ trong 10 tháng đầu năm 2025.";
  d.report = {
      {"targets", {{{"target", "Hoàn thành 100% nhiệm vụ được giao"}, {"result", ""}}}},
      {"measures", "Phối hợp chặt chẽ với các địa phương biên giới."},
      {"initiatives", {{{"name", "Sổ tay điện tử quản lý mốc giới"}, {"recognition", "Hội đồng sáng kiến Sở, QĐ số 12/QĐ-SNgV"}, {"date", "2025-08-15"}}}},
      {"lessons", "Chủ động, sát cơ sở."},
      {"awards", {{{"form", "Giấy khen của Giám đốc Sở"}, {"decision_number", "45/QĐ-SNgV"}, {"decision_date", "2024-12-20"}, {"issuer", "Sở Ngoại vụ"}}}},
      {"place", "Lạng Sơn"},
      {"date", "2025-10-02"},
      {"superior_head_name", "Lý Văn Minh"},
  };
  return d;
}

Minutes minutes(const std::vector<Dossier>& voted) {
  Minutes m = new_minutes("m-1", "phong-hop-tac-quoc-te", "Phòng Hợp tác quốc tế", kCreated);
  m.date = "2025-09-28";
  m.time = "08:00";
  m.place = "Phòng họp tầng 2";
  m.chair = "Lê Thị Cúc";
  m.secretary = "Vi Văn Đông";
  m.members_total = 9;
  m.members_present = 8;
  m.absent = {{"Hà Thị Én", "Nghỉ phép", "Đồng ý đề nghị khen thưởng các trường hợp"}};
  m.agenda = "Xét đề nghị khen thưởng trong đợt thi đua đặc biệt.";
  m.conclusion = "Thống nhất đề nghị khen thưởng các trường hợp trên.";
  m.closing_time = "10:30";
  for (const Dossier& d : voted) m.votes.push_back({d.id, d.award_form, 7, 1});
  return m;
}

// The council's documents are made from the code's own result (core/council.hpp) on a realistic
// session, as the secretariat's screen makes them, never from a hand-filled result: 9 members, 8
// present, the absent one voting in writing; two collectives for one Giấy khen (the quota is 1),
// five people for three (one short of the threshold, the last two tied and decided by Art. 4),
// and one of each for the Chairman's Bằng khen (no quota).
Dossier council_person(const std::string& id, const std::string& name, bool woman, const std::string& unit,
                       const std::string& position, const std::string& form = "giay-khen-gd-so") {
  Dossier d = testing::valid_individual(id);
  d.nominee.full_name = name;
  d.nominee.gender = woman ? "female" : "male";
  d.nominee.unit = unit;
  d.nominee.position = position;
  d.award_form = form;
  return d;
}

Dossier council_group(const std::string& id, const std::string& name, const std::string& form = "giay-khen-gd-so") {
  Dossier d = testing::valid_collective(id);
  d.nominee.name = name;
  d.nominee.parent_unit = "Sở Ngoại vụ";
  d.award_form = form;
  return d;
}

std::vector<Dossier> council_dossiers() {
  return {
      council_group("c-qlbg", "Phòng Quản lý biên giới"),
      council_group("c-ttdv", "Trung tâm Dịch vụ đối ngoại"),
      council_person("p-huong", "Hoàng Thị Lan Hương", true, "Phòng Hợp tác quốc tế", "Phó Trưởng phòng"),
      council_person("p-an", "Nguyễn Văn An", false, "Phòng Hợp tác quốc tế", "Chuyên viên"),
      council_person("p-tuan", "Lộc Văn Tuấn", false, "Phòng Quản lý biên giới", "Chuyên viên"),
      council_person("p-mai", "Đinh Thị Mai", true, "Văn phòng Sở", "Kế toán"),
      council_person("p-duc", "Vy Văn Đức", false, "Trung tâm Dịch vụ đối ngoại", "Viên chức"),
      council_group("c-vp", "Văn phòng Sở", "bang-khen-ct-ubnd"),
      council_person("p-thao", "Chu Thị Thảo", true, "Phòng Hợp tác quốc tế", "Trưởng phòng", "bang-khen-ct-ubnd"),
  };
}

CouncilMeeting council_meeting() {
  CouncilMeeting m;
  m.id = "hd-2025-1";
  m.date = {2025, 11, 4};
  m.time = "14:00";
  m.closing_time = "16:15";
  m.place = "Phòng họp Sở";
  m.chair = "Nông Văn Sơn";
  m.secretary = "Vi Thị Hằng";
  m.members_total = 9;
  m.members_present = 8;
  m.absent = {{"Lăng Văn Tú", "Đi công tác", "Đồng ý với đề nghị của Văn phòng"}};
  m.quorum = campaign().voting.quorum;
  m.threshold = campaign().voting.threshold;
  m.votes = {{"c-qlbg", 9, 0}, {"c-ttdv", 7, 2}, {"p-huong", 9, 0}, {"p-an", 8, 1}, {"p-tuan", 4, 5},
             {"p-mai", 7, 2},  {"p-duc", 7, 2},  {"c-vp", 8, 1},   {"p-thao", 9, 0}};
  return m;
}

CouncilSession council() {
  Registry r;
  r.campaign_id = campaign().id;
  PackageRevision p;
  p.header.id = "7d0f3c2a-9b1e-4f6a-8c5d-2e4b6a8c0d1f";
  p.header.revision = 1;
  p.header.content_hash = std::string(64, 'a');
  p.header.sender = {"phong-hop-tac-quoc-te", "Phòng Hợp tác quốc tế"};
  p.dossiers = council_dossiers();
  r.revisions.push_back(p);
  for (const Dossier& d : p.dossiers) r.decisions.push_back({d.id, Status::eligible, "", {}});
  sort_registry(r);
  const CouncilMeeting m = council_meeting();
  const MeetingResult res = meeting_result(campaign(), r, m);
  EXPECT_TRUE(res.decided) << res.why.en;
  CouncilSession s = council_document_input(m, res);
  s.submission_date = {2025, 11, 5};  // the Office's Tờ trình: its number left to the clerk
  s.parent_submission_number = "42";  // the Department's, a day later, signed by the Director
  s.parent_submission_date = {2025, 11, 7};
  s.parent_signer_name = "Trịnh Tuyết Mai";
  return s;
}

// The Director's decision on the council's Giấy khen: a number and a date, the name left to sign.
DecisionDraft decision_draft() { return {"120", {2025, 11, 10}, ""}; }

// The award money of a recorded decision: two awardees with amounts, a collective.
Payment payment() {
  Payment p;
  p.decision = "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ";
  p.date = {2025, 11, 25};
  p.rows = {{"Hoàng Thị Lan Hương", "Chuyên viên", "Phòng Hợp tác quốc tế", "giay-khen-gd-so", 710000},
            {"Đinh Văn Bảo", "", "Phòng Quản lý biên giới", "giay-khen-gd-so", 710000},
            {"Phòng Lãnh sự", "", "Sở Ngoại vụ tỉnh Lạng Sơn", "giay-khen-gd-so", 1410000}};
  p.total = 2830000;
  return p;
}

// The campaign's close: two units, a returned dossier, one decision.
CloseReport close() {
  CloseReport r;
  r.date = {2025, 12, 1};
  r.units = {{"Phòng Hợp tác quốc tế", 5, 1, 3, 2, 1}, {"Thanh tra Sở", 2, 0, 1, 1, 0}};
  r.total = {"Tổng cộng", 7, 1, 4, 3, 1};
  r.returned = {{"Lê Văn Cường", "Phòng Hợp tác quốc tế", "Thiếu chữ ký của thủ trưởng đơn vị."}};
  r.decisions = {"Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ: 3 trường hợp được khen thưởng, 1 trường hợp "
                 "không được khen thưởng."};
  return r;
}

// Every document of the fixtures, named as the golden and end-to-end files are.
struct Named {
  std::string name;
  std::vector<Document> docs;
};

std::vector<Named> all_documents() {
  const Dossier ind = individual(), col = collective();
  const std::vector<Dossier> both{ind, col};
  const Minutes m = minutes(both);
  const CouncilSession s = council();
  PackageContents p{"Phòng Hợp tác quốc tế", "pkg-2025-0001", 2,
                    "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", {&both[0], &both[1]}, &m, kToday};
  return {
      {"report-individual", {achievement_report(ind, campaign(), report_template(ind))}},
      {"report-collective", {achievement_report(col, campaign(), report_template(col))}},
      {"unit-package",
       {package_cover(p, campaign()), review_minutes(m, campaign(), both),
        achievement_summary(ind, campaign(), report_template(ind), kToday)}},
      {"council", {council_minutes(s, campaign()), proposal_list(s, campaign())}},
      {"submission-director", {submission(s, campaign()), proposal_list(s, campaign(), Decider::issuer_head)}},
      {"submission-chairman", {submission_to_parent(s, campaign()), proposal_list(s, campaign(), Decider::parent_head)}},
      {"decision", {decision(s, campaign(), decision_draft()), decision_list(s, campaign(), decision_draft())}},
      {"payment", {payment_list(payment(), campaign())}},
      {"close-report", {close_report(close(), campaign())}},
  };
}

// ---- helpers ---------------------------------------------------------------------------------

std::string read_file(const std::string& path, bool* ok = nullptr) {
  std::ifstream in(path, std::ios::binary);
  if (ok) *ok = static_cast<bool>(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

// Compares with tests/golden/documents/<name>; HOSO_UPDATE_GOLDEN=1 rewrites it instead. A
// mismatch reports the first differing line, not two whole documents.
void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(HOSO_SOURCE_DIR) + "/tests/golden/documents/" + name;
  if (env("HOSO_UPDATE_GOLDEN")) {
    write_file(path, actual);
    return;
  }
  bool ok = false;
  const std::string expected = read_file(path, &ok);
  ASSERT_TRUE(ok) << "missing golden file " << path << " (create it with HOSO_UPDATE_GOLDEN=1, then review it)";
  if (expected == actual) return;
  std::istringstream e(expected), a(actual);
  std::string le, la;
  int line = 0;
  while (true) {
    ++line;
    const bool more_e = static_cast<bool>(std::getline(e, le)), more_a = static_cast<bool>(std::getline(a, la));
    if (!more_e && !more_a) break;
    if (le != la || more_e != more_a) {
      ADD_FAILURE() << name << " differs from its golden file at line " << line << "\n  golden: " << le
                    << "\n  actual: " << la << "\nIf the change is intended: HOSO_UPDATE_GOLDEN=1, then review the diff.";
      return;
    }
  }
}

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

// The text of an HTML page without its tags, for checks where the formatting does not matter.
std::string visible(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  return out;
}

// A tiny XML well-formedness check: one root, tags nest and match, attributes quoted, entity
// references known, no raw '<' or '&' in text. Returns "" or what is wrong.
std::string xml_problem(const std::string& x) {
  std::vector<std::string> open;
  std::size_t i = 0;
  bool root_seen = false;
  auto name_at = [&](std::size_t& p) {
    const std::size_t start = p;
    while (p < x.size() && (std::isalnum(static_cast<unsigned char>(x[p])) || x[p] == ':' || x[p] == '_' || x[p] == '-' || x[p] == '.')) ++p;
    return x.substr(start, p - start);
  };
  auto entity_ok = [&](std::size_t p) {
    const std::size_t semi = x.find(';', p);
    if (semi == std::string::npos || semi - p > 8) return false;
    const std::string e = x.substr(p + 1, semi - p - 1);
    if (e == "amp" || e == "lt" || e == "gt" || e == "quot" || e == "apos") return true;
    return e.size() > 1 && e[0] == '#' && e.find_first_not_of("0123456789", 1) == std::string::npos;
  };
  if (x.rfind("<?xml ", 0) == 0) i = x.find("?>") + 2;
  while (i < x.size()) {
    if (x[i] == '<') {
      if (x.compare(i, 2, "</") == 0) {
        std::size_t p = i + 2;
        const std::string n = name_at(p);
        if (open.empty() || open.back() != n || x[p] != '>') return "unexpected </" + n + "> at " + std::to_string(i);
        open.pop_back();
        i = p + 1;
        continue;
      }
      std::size_t p = i + 1;
      const std::string n = name_at(p);
      if (n.empty()) return "bad tag at " + std::to_string(i);
      if (open.empty() && root_seen) return "second root <" + n + ">";
      root_seen = true;
      while (true) {  // attributes
        while (p < x.size() && x[p] == ' ') ++p;
        if (p >= x.size()) return "unterminated <" + n + ">";
        if (x[p] == '>' || x.compare(p, 2, "/>") == 0) break;
        if (name_at(p).empty() || x[p] != '=' || x[p + 1] != '"') return "bad attribute in <" + n + ">";
        p += 2;
        for (; p < x.size() && x[p] != '"'; ++p)
          if (x[p] == '<' || (x[p] == '&' && !entity_ok(p))) return "bad attribute value in <" + n + ">";
        ++p;
      }
      if (x[p] == '>') {
        open.push_back(n);
        i = p + 1;
      } else {
        i = p + 2;
      }
      continue;
    }
    if (x[i] == '&' && !entity_ok(i)) return "bad entity at " + std::to_string(i);
    if (open.empty() && x[i] != '\n') return "text outside the root at " + std::to_string(i);
    ++i;
  }
  if (!open.empty()) return "<" + open.back() + "> not closed";
  return root_seen ? "" : "no root";
}

// CRC-32 with the usual table, independent of zip::crc32's bitwise loop.
uint32_t table_crc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

uint32_t le(const std::string& z, std::size_t at, int bytes) {
  uint32_t v = 0;
  for (int k = bytes - 1; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(z.at(at + k));
  return v;
}

struct Part {
  std::string name, data;
};

// Reads a ZIP back from its end record and central directory, checking every local header
// against it and every CRC-32 independently. Fails the test on any inconsistency.
std::vector<Part> unzip(const std::string& z) {
  std::vector<Part> parts;
  EXPECT_GE(z.size(), 22u);
  if (z.size() < 22) return parts;
  const std::size_t end = z.size() - 22;  // no archive comment
  EXPECT_EQ(le(z, end, 4), 0x06054b50u) << "end of central directory record";
  const uint32_t count = le(z, end + 10, 2), dir_size = le(z, end + 12, 4), dir_offset = le(z, end + 16, 4);
  EXPECT_EQ(le(z, end + 8, 2), count);
  EXPECT_EQ(dir_offset + dir_size, end) << "the directory ends where the end record starts";
  std::size_t c = dir_offset, expected_local = 0;
  for (uint32_t i = 0; i < count; ++i) {
    EXPECT_EQ(le(z, c, 4), 0x02014b50u) << "central header " << i;
    const uint32_t flags = le(z, c + 8, 2), method = le(z, c + 10, 2), crc = le(z, c + 16, 4);
    const uint32_t csize = le(z, c + 20, 4), usize = le(z, c + 24, 4);
    const uint32_t nlen = le(z, c + 28, 2), xlen = le(z, c + 30, 2), clen = le(z, c + 32, 2);
    const uint32_t local = le(z, c + 42, 4);
    const std::string name = z.substr(c + 46, nlen);
    EXPECT_EQ(flags & (1u << 11), 1u << 11) << name << ": UTF-8 names flag";
    EXPECT_EQ(method, 0u) << name << ": stored";
    EXPECT_EQ(csize, usize) << name;
    EXPECT_EQ(local, expected_local) << name << ": entries follow each other";
    // The local header repeats what the directory says.
    EXPECT_EQ(le(z, local, 4), 0x04034b50u) << name << ": local header";
    EXPECT_EQ(le(z, local + 6, 2), flags) << name;
    EXPECT_EQ(le(z, local + 8, 2), method) << name;
    EXPECT_EQ(le(z, local + 14, 4), crc) << name;
    EXPECT_EQ(le(z, local + 18, 4), csize) << name;
    EXPECT_EQ(le(z, local + 22, 4), usize) << name;
    const uint32_t lnlen = le(z, local + 26, 2), lxlen = le(z, local + 28, 2);
    EXPECT_EQ(z.substr(local + 30, lnlen), name);
    const std::string data = z.substr(local + 30 + lnlen + lxlen, usize);
    EXPECT_EQ(table_crc32(data), crc) << name << ": CRC-32";
    expected_local = local + 30 + lnlen + lxlen + usize;
    parts.push_back({name, data});
    c += 46 + nlen + xlen + clen;
  }
  EXPECT_EQ(expected_local, dir_offset) << "the directory follows the last entry";
  EXPECT_EQ(c, end);
  return parts;
}

const Part* find_part(const std::vector<Part>& parts, std::string_view name) {
  for (const Part& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

std::string html_of(const Named& n) { return to_html(n.docs, kCss, n.docs.front().title); }

// ---- text helpers ----------------------------------------------------------------------------

TEST(DocumentsText, UpperCasesVietnamese) {
  EXPECT_EQ(upper("Giấy khen của Giám đốc Sở Ngoại vụ"), "GIẤY KHEN CỦA GIÁM ĐỐC SỞ NGOẠI VỤ");
  EXPECT_EQ(upper("phòng quản lý biên giới; ưu tiên, ơn, ĩ, ũ, ă"), "PHÒNG QUẢN LÝ BIÊN GIỚI; ƯU TIÊN, ƠN, Ĩ, Ũ, Ă");
  EXPECT_EQ(upper("Nguye\u0302\u0303n"), "NGUYỄN") << "decomposed input comes out NFC";
  // Every small Vietnamese letter maps to a capital whose lower case is the letter again.
  std::u32string letters = U"aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ";
  for (char32_t c = 0x1EA1; c <= 0x1EF9; c += 2) letters += c;
  for (char32_t c : letters) {
    const std::u32string up = text::decode_utf8(upper(text::encode_utf8(std::u32string(1, c))));
    ASSERT_EQ(up.size(), 1u);
    EXPECT_NE(up[0], c) << std::hex << static_cast<uint32_t>(c);
    EXPECT_EQ(text::simple_lower(up[0]), c) << std::hex << static_cast<uint32_t>(c);
  }
}

std::string joined(const Runs& runs) {
  std::string s;
  for (const Run& r : runs) s += r.text;
  return s;
}

TEST(DocumentsText, PlaceAndDateFollowDecree30) {
  EXPECT_EQ(joined(place_date_runs({"Lạng Sơn", Date{2025, 3, 5}})), "Lạng Sơn, ngày 05 tháng 3 năm 2025");
  EXPECT_EQ(joined(place_date_runs({"Lạng Sơn", Date{2026, 2, 1}})), "Lạng Sơn, ngày 01 tháng 02 năm 2026");
  EXPECT_EQ(joined(place_date_runs({"Lạng Sơn", Date{2025, 10, 30}})), "Lạng Sơn, ngày 30 tháng 10 năm 2025");
  const Runs missing = place_date_runs({"", std::nullopt});
  EXPECT_EQ(joined(missing), "……………, ngày …………… tháng …………… năm ……………");
  for (const hoso::doc::Run& r : missing) EXPECT_TRUE(r.italic);
}

TEST(DocumentsText, SharesAndHashes) {
  EXPECT_EQ(percent(7, 9), "77,8%");
  EXPECT_EQ(percent(2, 3), "66,7%");
  EXPECT_EQ(percent(9, 9), "100%");
  EXPECT_EQ(percent(0, 9), "0%");
  EXPECT_EQ(percent(1, 8), "12,5%");
  EXPECT_EQ(percent(1, 0), std::string(kBlank));
  EXPECT_EQ(short_hash("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"), "9f86 d081 884c 7d65");
  EXPECT_EQ(short_hash(""), std::string(kBlank));
}

TEST(DocumentsText, CleanAndEscape) {
  EXPECT_EQ(escape_markup("<b>Tô & Tèo's \"nhà\"</b>"), "&lt;b&gt;Tô &amp; Tèo&#39;s &quot;nhà&quot;&lt;/b&gt;");
  EXPECT_EQ(clean("a\r\nb\rc\td\x01\x7f" "e\xC2\x85" "f"), "a\nb\nc de" "f");
  EXPECT_EQ(clean("x\xFFy"), "x\xEF\xBF\xBDy") << "invalid UTF-8 becomes U+FFFD";
  EXPECT_EQ(clean("Hoa\u0300ng"), "Hoàng");
  EXPECT_EQ(lines_of("  một \n\n hai\r\n"), (std::vector<std::string>{"một", "hai"}));
}

// ---- zip -------------------------------------------------------------------------------------

TEST(DocumentsZip, Crc32KnownValues) {
  EXPECT_EQ(zip::crc32(""), 0u);
  EXPECT_EQ(zip::crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(table_crc32("123456789"), 0xCBF43926u);
  const std::string vi = "Độc lập - Tự do - Hạnh phúc";
  EXPECT_EQ(zip::crc32(vi), table_crc32(vi));
}

TEST(DocumentsZip, StructureReadsBack) {
  const std::vector<zip::Entry> entries{{"a.txt", "hello"}, {"thư mục/tệp.xml", "<x>Độc lập</x>"}, {"empty", ""}};
  const std::string z = zip::write(entries);
  const std::vector<Part> parts = unzip(z);
  ASSERT_EQ(parts.size(), entries.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(parts[i].name, entries[i].name);
    EXPECT_EQ(parts[i].data, entries[i].data);
  }
  EXPECT_EQ(zip::write(entries), z) << "the same input gives the same bytes";
}

// ---- docx ------------------------------------------------------------------------------------

TEST(DocumentsDocx, PackageIsCompleteAndWellFormed) {
  const Named n = all_documents()[0];
  const std::vector<Part> parts = unzip(to_docx(n.docs));
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
                           "word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml", "docProps/core.xml"}) {
    const Part* p = find_part(parts, name);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_EQ(xml_problem(p->data), "") << name;
    EXPECT_TRUE(text::is_valid_utf8(p->data) && text::is_nfc(p->data)) << name;
  }
  EXPECT_EQ(parts.front().name, "[Content_Types].xml");
  const std::string types = find_part(parts, "[Content_Types].xml")->data;
  for (const Part& p : parts) {
    if (!p.name.ends_with(".rels") && p.name != "[Content_Types].xml") {
      EXPECT_TRUE(contains(types, "PartName=\"/" + p.name + "\"")) << p.name << " has a content type";
    }
  }
  const std::string rels = find_part(parts, "word/_rels/document.xml.rels")->data;
  for (const char* target : {"styles.xml", "settings.xml", "header1.xml", "header2.xml"})
    EXPECT_TRUE(contains(rels, std::string("Target=\"") + target + "\""));

  const std::string body = find_part(parts, "word/document.xml")->data;
  EXPECT_TRUE(contains(body, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")) << "A4 portrait";
  EXPECT_TRUE(contains(body, "w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\"")) << "20/15/20/30 mm";
  EXPECT_TRUE(contains(body, "<w:titlePg/>"));
  EXPECT_TRUE(contains(body, "r:id=\"rIdHeaderFirst\"") && contains(body, "r:id=\"rIdHeaderPage\""));
  EXPECT_TRUE(contains(find_part(parts, "word/header2.xml")->data, " PAGE "));
  EXPECT_FALSE(contains(find_part(parts, "word/header1.xml")->data, "PAGE")) << "no number on page 1";
  EXPECT_TRUE(contains(find_part(parts, "word/styles.xml")->data, "w:ascii=\"Times New Roman\""));
  EXPECT_TRUE(contains(find_part(parts, "docProps/core.xml")->data, "<dc:title>Báo cáo thành tích - Hoàng Thị Lan Hương</dc:title>"));
}

TEST(DocumentsDocx, BundleHasOneSectionPerDocument) {
  const Named n = all_documents()[3];
  const std::string xml = docx_document_xml(n.docs);
  std::size_t sections = 0;
  for (std::size_t p = xml.find("<w:sectPr>"); p != std::string::npos; p = xml.find("<w:sectPr>", p + 1)) ++sections;
  EXPECT_EQ(sections, n.docs.size());
  EXPECT_EQ(xml_problem(xml), "");
}

// ---- escaping through the whole pipeline -----------------------------------------------------

TEST(DocumentsEscaping, MarkupInValuesIsText) {
  Dossier d = individual();
  d.nominee.full_name = "Lò Thị <b>Ánh</b> & \"Ngọc\" 'Bé'";
  d.nominee.position = "Nguye\u0302\u0303n\x01";  // decomposed, with a control character
  const Document doc = achievement_report(d, campaign(), report_template(d));
  const std::string html = to_html(doc, "https://x.example/print.css?a=1&b=\"2\"");
  EXPECT_TRUE(contains(html, "Lò Thị &lt;b&gt;Ánh&lt;/b&gt; &amp; &quot;Ngọc&quot; &#39;Bé&#39;"));
  EXPECT_FALSE(contains(html, "<b>Ánh</b>"));
  EXPECT_TRUE(contains(html, "href=\"https://x.example/print.css?a=1&amp;b=&quot;2&quot;\""));
  EXPECT_TRUE(contains(html, "Nguyễn") && !contains(html, "\x01"));
  EXPECT_TRUE(text::is_nfc(html));
  const std::string xml = docx_document_xml(std::span<const Document>(&doc, 1));
  EXPECT_EQ(xml_problem(xml), "");
  EXPECT_TRUE(contains(xml, "Lò Thị &lt;b&gt;Ánh&lt;/b&gt; &amp; &quot;Ngọc&quot; &#39;Bé&#39;"));
  EXPECT_EQ(xml_problem(find_part(unzip(to_docx(doc)), "docProps/core.xml")->data), "");
}

// ---- content rules ---------------------------------------------------------------------------

TEST(DocumentsContent, HtmlNeedsNoInlineStyle) {
  for (const Named& n : all_documents()) {
    const std::string html = html_of(n);
    EXPECT_FALSE(contains(html, "<style")) << n.name;
    EXPECT_FALSE(contains(html, "style=")) << n.name;
    EXPECT_FALSE(contains(html, "<script")) << n.name;
    EXPECT_TRUE(contains(html, "<link rel=\"stylesheet\" href=\"https://hoso.example/print.css\">")) << n.name;
    EXPECT_TRUE(contains(html, "<html lang=\"vi\">") && contains(html, "<meta charset=\"utf-8\">")) << n.name;
    EXPECT_TRUE(text::is_nfc(html)) << n.name;
  }
}

TEST(DocumentsContent, RequiredEmptyIsBlankOptionalEmptyIsLeftOut) {
  const Dossier d = individual();
  const std::string html = to_html(achievement_report(d, campaign(), report_template(d)), kCss);
  EXPECT_TRUE(contains(html, "<p>- Nơi thường trú: <span class=\"blank\">……………</span></p>")) << "required, empty";
  EXPECT_FALSE(contains(html, "Bí danh")) << "optional, empty";
  EXPECT_FALSE(contains(html, "Trình độ chuyên môn"));
  EXPECT_FALSE(contains(html, "Bài học kinh nghiệm"));
  EXPECT_FALSE(contains(html, "III. ")) << "an optional section with nothing in it";
  EXPECT_TRUE(contains(html, "- Giới tính: Nữ") && contains(html, "- Ngày sinh: 05/02/1988"));
  EXPECT_TRUE(contains(html, "- Công chức / viên chức / người lao động: Công chức"));
  EXPECT_TRUE(contains(visible(html), "Lạng Sơn, ngày 05 tháng 9 năm 2025"));
  EXPECT_TRUE(contains(html, "<p class=\"agency\">SỞ NGOẠI VỤ</p><p class=\"unit\">PHÒNG HỢP TÁC QUỐC TẾ</p>"));
  EXPECT_TRUE(contains(html, "ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ NGOẠI VỤ"));

  const Dossier c = collective();
  const std::string col = to_html(achievement_report(c, campaign(), report_template(c)), kCss);
  EXPECT_TRUE(contains(col, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN"));
  EXPECT_TRUE(contains(col, "<td class=\"c\">20/12/2024</td>"));
  EXPECT_TRUE(contains(col, "<td><span class=\"blank\">……………</span></td>")) << "a required cell, empty";
  EXPECT_TRUE(contains(col, "<p class=\"sign-name\"><span class=\"blank\">……………</span></p>")) << "the unit head";
  EXPECT_TRUE(contains(col, "<p class=\"sign-name\">Lý Văn Minh</p>"));
}

TEST(DocumentsContent, DatesComeFromTheDocumentOrTheCaller) {
  Dossier d = individual();
  const ReportTemplate& t = report_template(d);
  d.report.erase("date");
  EXPECT_TRUE(contains(to_html(achievement_report(d, campaign(), t), kCss),
                       "ngày </i><span class=\"blank\"><i>……………</i></span><i> tháng "))
      << "the report's own date is required";
  EXPECT_TRUE(contains(visible(to_html(achievement_summary(d, campaign(), t, kToday), kCss)),
                       "Lạng Sơn, ngày 06 tháng 10 năm 2025"))
      << "the summary has no date of its own";
  const std::string m = to_html(review_minutes(minutes({d}), campaign(), std::vector<Dossier>{d}), kCss);
  EXPECT_TRUE(contains(visible(m), "Lạng Sơn, ngày 28 tháng 9 năm 2025"));
  EXPECT_TRUE(contains(m, "<td>Hoàng Thị Lan Hương</td><td>Giấy khen của Giám đốc Sở</td><td class=\"c\">7</td>"
                          "<td class=\"c\">1</td><td class=\"c\">77,8%</td>"))
      << "7 of 9 members, not of the 8 present";
}

TEST(DocumentsContent, CouncilDocuments) {
  // What the council's own result (meeting_result) gives for the fixture: the second collective
  // over the quota of 1, one person short of the threshold, a tie for the third place decided by
  // Art. 4 for the woman, and the Chairman's Bằng khen without a quota.
  const CouncilSession s = council();
  const std::string list = to_html(proposal_list(s, campaign()), kCss);
  EXPECT_TRUE(contains(list, "<h2>I. GIẤY KHEN CỦA GIÁM ĐỐC SỞ NGOẠI VỤ</h2>"));
  EXPECT_TRUE(contains(list, "<h2>II. BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN</h2>"));
  for (const char* not_proposed : {"Lộc Văn Tuấn", "Vy Văn Đức", "Trung tâm Dịch vụ đối ngoại"})
    EXPECT_FALSE(contains(list, not_proposed)) << not_proposed;
  EXPECT_TRUE(contains(list, "<td>Đinh Thị Mai</td><td>Kế toán, Văn phòng Sở</td><td class=\"c\">77,8%</td>"));
  EXPECT_TRUE(contains(list, "<td>Hoàng Thị Lan Hương</td><td>Phó Trưởng phòng, Phòng Hợp tác quốc tế</td><td class=\"c\">100%</td>"));
  const std::string cm = visible(to_html(council_minutes(s, campaign()), kCss));
  EXPECT_TRUE(contains(cm, "Số thành viên có mặt 8/9 (yêu cầu: từ 2/3 tổng số thành viên trở lên): cuộc họp đủ điều kiện"));
  EXPECT_TRUE(contains(cm, "lý do: Đi công tác; ý kiến bằng văn bản: Đồng ý với đề nghị của Văn phòng"));
  EXPECT_TRUE(contains(cm, "Không đề nghị"));
  EXPECT_TRUE(contains(cm, "Đinh Thị Mai, Kế toán"));
  EXPECT_TRUE(contains(cm, "Đề nghị(Ưu tiên theo Điều 4: nữ)")) << "the woman the tie-break chose";
  EXPECT_TRUE(contains(cm, "Không đề nghị(Vượt số lượng; cùng số phiếu, ưu tiên theo Điều 4 cho nữ)"))
      << "the man it put behind: his own outcome, not the priority";
  EXPECT_TRUE(contains(cm, "Giấy khen của Giám đốc Sở: 1 tập thể, 3 cá nhân"));
  // Every ballot the minutes show as not proposed is one the rules leave out: below the threshold,
  // over the quota or behind a tie-break (the old golden had 6 of 7 "not proposed" with room left).
  for (const CouncilBallot& b : s.ballots) {
    if (!b.proposed) {
      EXPECT_FALSE(b.note.empty()) << b.nominee;
    }
  }
}

TEST(DocumentsContent, SubmissionsGoToTheAuthorityThatDecides) {
  CouncilSession s = council();
  const Campaign& c = campaign();
  ASSERT_EQ(c.authority("giay-khen-gd-so").decider, Decider::issuer_head);
  ASSERT_EQ(c.authority("bang-khen-ct-ubnd").decider, Decider::parent_head);
  EXPECT_TRUE(c.authority("bang-khen-ct-ubnd").unverified) << "Law 06/2022 Art. 72 was not read in the law's text";

  // The Office to the Director: only his Giấy khen; the Chairman's Bằng khen is named as going up.
  std::string tt = visible(to_html(submission(s, c), kCss));
  EXPECT_TRUE(contains(tt, "SỞ NGOẠI VỤVĂN PHÒNG")) << tt.substr(0, 300);
  EXPECT_TRUE(contains(tt, "Số: ……………/TTr-VP"));
  EXPECT_TRUE(contains(tt, "Lạng Sơn, ngày 05 tháng 11 năm 2025"));
  EXPECT_TRUE(contains(tt, "Kính gửi: Giám đốc Sở Ngoại vụ."));
  EXPECT_TRUE(contains(tt, "- Giấy khen của Giám đốc Sở: 1 tập thể, 3 cá nhân."));
  EXPECT_FALSE(contains(tt, "- Bằng khen của Chủ tịch UBND tỉnh: 1 tập thể, 1 cá nhân."));
  EXPECT_TRUE(contains(tt, "thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn (Bằng khen của Chủ tịch UBND tỉnh: 1 tập thể, 1 cá nhân)"));
  EXPECT_TRUE(contains(tt, "CHÁNH VĂN PHÒNG"));
  s.submission_number = "15";
  EXPECT_TRUE(contains(visible(to_html(submission(s, c), kCss)), "Số: 15/TTr-VP"));
  std::string list = visible(to_html(proposal_list(s, c, Decider::issuer_head), kCss));
  EXPECT_TRUE(contains(list, "(Kèm theo Tờ trình số 15/TTr-VP ngày 05/11/2025 của Văn phòng)"));
  EXPECT_TRUE(contains(list, "Đinh Thị Mai"));
  EXPECT_FALSE(contains(list, "Chu Thị Thảo"));
  EXPECT_FALSE(contains(list, "BẰNG KHEN"));

  // The Department to the Chairman, through the provincial office, with what it forwards.
  tt = visible(to_html(submission_to_parent(s, c), kCss));
  EXPECT_TRUE(contains(tt, "UBND TỈNH LẠNG SƠNSỞ NGOẠI VỤ")) << tt.substr(0, 300);
  EXPECT_TRUE(contains(tt, "Số: 42/TTr-SNgV"));
  EXPECT_TRUE(contains(tt, "Lạng Sơn, ngày 07 tháng 11 năm 2025"));
  EXPECT_TRUE(contains(tt, "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn"));
  EXPECT_TRUE(contains(tt, "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn."));
  EXPECT_TRUE(contains(tt, "(Qua " + c.provincial_office.vi + ")"));
  EXPECT_TRUE(contains(tt, "- Bằng khen của Chủ tịch UBND tỉnh: 1 tập thể, 1 cá nhân."));
  EXPECT_FALSE(contains(tt, "Giấy khen của Giám đốc Sở: 1 tập thể"));
  EXPECT_TRUE(contains(tt, "Báo cáo thành tích, tóm tắt thành tích của 1 tập thể, 1 cá nhân"));
  EXPECT_TRUE(contains(tt, "GIÁM ĐỐC"));
  EXPECT_TRUE(contains(tt, "Trịnh Tuyết Mai"));
  list = visible(to_html(proposal_list(s, c, Decider::parent_head), kCss));
  EXPECT_TRUE(contains(list, "UBND TỈNH LẠNG SƠNSỞ NGOẠI VỤ"));
  EXPECT_TRUE(contains(list, "(Kèm theo Tờ trình số 42/TTr-SNgV ngày 07/11/2025 của Sở Ngoại vụ)"));
  EXPECT_TRUE(contains(list, "Chu Thị Thảo"));
  EXPECT_TRUE(contains(list, "Văn phòng Sở"));
  EXPECT_FALSE(contains(list, "Đinh Thị Mai"));

  // A campaign without an abbreviation prints a blank to fill in, not a made-up one.
  Campaign bare = c;
  bare.issuer_abbreviation.clear();
  EXPECT_TRUE(contains(visible(to_html(submission_to_parent(s, bare), kCss)), "Số: 42/TTr-……………"));
}

TEST(DocumentsContent, DraftDecisionOfTheDirector) {
  const CouncilSession s = council();
  const Campaign& c = campaign();
  ASSERT_GE(c.decision_bases.size(), 3u);
  const std::string qd = visible(to_html(decision(s, c, decision_draft()), kCss));
  EXPECT_TRUE(contains(qd, "UBND TỈNH LẠNG SƠNSỞ NGOẠI VỤ")) << qd.substr(0, 300);
  EXPECT_TRUE(contains(qd, "Số: 120/QĐ-SNgV"));
  EXPECT_TRUE(contains(qd, "Lạng Sơn, ngày 10 tháng 11 năm 2025"));
  EXPECT_TRUE(contains(qd, "Về việc tặng Giấy khen của Giám đốc Sở Ngoại vụ"));
  EXPECT_TRUE(contains(qd, "GIÁM ĐỐC SỞ NGOẠI VỤ"));
  // The bases come from the campaign data, in its order, then the council's session and the proposal.
  std::size_t at = 0;
  for (const LegalBasis& b : c.decision_bases) {
    const std::size_t found = qd.find(b.text.vi, at);
    EXPECT_NE(found, std::string::npos) << b.text.vi;
    at = found == std::string::npos ? at : found;
  }
  EXPECT_LT(at, qd.find("Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng Sở Ngoại vụ ngày 04/11/2025;"));
  EXPECT_TRUE(contains(qd, "Theo đề nghị của Chánh Văn phòng Sở Ngoại vụ."));
  EXPECT_TRUE(contains(qd, "QUYẾT ĐỊNH:"));
  EXPECT_TRUE(contains(qd, "Điều 1. Tặng Giấy khen của Giám đốc Sở Ngoại vụ cho 1 tập thể, 3 cá nhân (có danh sách kèm theo)"));
  EXPECT_TRUE(contains(qd, "Điều 3. Quyết định này có hiệu lực kể từ ngày ký."));
  EXPECT_TRUE(contains(qd, "- Như Điều 3;"));
  EXPECT_FALSE(contains(qd, "Bằng khen")) << "the Chairman decides his own award";
  // What could not be read in its source is marked in the data, not silently presented as checked.
  EXPECT_TRUE(c.decision_bases[1].unverified);
  EXPECT_FALSE(c.decision_bases[0].unverified);

  const std::string list = visible(to_html(decision_list(s, c, decision_draft()), kCss));
  EXPECT_TRUE(contains(list, "Tập thể, cá nhân được khen thưởng"));
  EXPECT_TRUE(contains(list, "(Kèm theo Quyết định số 120/QĐ-SNgV ngày 10/11/2025 của Giám đốc Sở Ngoại vụ)"));
  EXPECT_TRUE(contains(list, "Đinh Thị Mai"));
  EXPECT_FALSE(contains(list, "Chu Thị Thảo"));
  EXPECT_FALSE(contains(list, "Tỷ lệ phiếu"));

  // Edited bases print as edited; a campaign without them still gives a decision.
  Campaign edited = c;
  edited.decision_bases = {{{"Căn cứ Quyết định số 7/QĐ-UBND ngày 02/01/2026 của Ủy ban nhân dân tỉnh;", ""}, false}};
  EXPECT_TRUE(contains(visible(to_html(decision(s, edited, decision_draft()), kCss)), "Căn cứ Quyết định số 7/QĐ-UBND"));
  nlohmann::json j = nlohmann::json::parse(*assets::find("campaigns/32-KH-SNgV.json"));
  j.erase("decision_bases");
  auto old = campaign_from_json("old.json", j);
  ASSERT_TRUE(old.ok());
  EXPECT_TRUE(old->decision_bases.empty());
  EXPECT_TRUE(contains(visible(to_html(decision(s, *old, DecisionDraft{}), kCss)), "Số: ……………/QĐ-SNgV"));
}

TEST(Documents, PaymentListSaysEveryAmountAndTheTotalInWords) {
  const std::string html = visible(to_html(payment_list(payment(), campaign()), kCss));
  for (const char* t : {"DANH SÁCH", "Chi tiền thưởng", "(Kèm theo Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ)",
                        "Hoàng Thị Lan Hương, Chuyên viên", "710.000", "1.410.000", "Tổng cộng", "2.830.000",
                        "Số tiền bằng chữ: Hai triệu tám trăm ba mươi nghìn đồng.", "Ký nhận", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC"})
    EXPECT_TRUE(contains(html, t)) << t;
  // An amount the campaign does not set: a blank to fill in, and no total in words.
  Payment missing = payment();
  missing.rows[2].amount.reset();
  missing.complete = false;
  const std::string m = visible(to_html(payment_list(missing, campaign()), kCss));
  EXPECT_TRUE(contains(m, "Số tiền bằng chữ: ……………"));
  EXPECT_FALSE(contains(m, "2.830.000"));
}

// ---- certificates -----------------------------------------------------------------------------

std::vector<Certificate> certificates_fixture() {
  return {{"Bà Hoàng Thị Lan Hương", "Chuyên viên, Phòng Hợp tác quốc tế",
           "Đã có thành tích xuất sắc trong phong trào thi đua đặc biệt lập thành tích chào mừng Đại hội đảng bộ các cấp, "
           "Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVIII",
           "Quyết định số 120/QĐ-SNgV ngày 20/11/2025", "Lạng Sơn, ngày 20 tháng 11 năm 2025", "GIÁM ĐỐC", "Hoàng Văn Sơn"},
          {"Phòng Lãnh sự", "Sở Ngoại vụ tỉnh Lạng Sơn", "Đã có thành tích xuất sắc", "Quyết định số 120/QĐ-SNgV ngày 20/11/2025",
           "Lạng Sơn, ngày 20 tháng 11 năm 2025", "GIÁM ĐỐC", "Hoàng Văn Sơn"}};
}
const CertificateFrame kFrame{"GIÁM ĐỐC SỞ NGOẠI VỤ", "GIẤY KHEN"};

TEST(Documents, CertificatesOnBlankPaperAndOnStock) {
  const auto certs = certificates_fixture();
  const CertificateLayout l = CertificateLayout::defaults();
  const std::string blank = certificates_html(certs, kFrame, l, false, "print.css");
  EXPECT_EQ(std::count(blank.begin(), blank.end(), '\x01'), 0);
  auto count = [](const std::string& h, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = h.find(what); at != std::string::npos; at = h.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(blank, "<div class=\"certificate\">"), 2u);  // one sheet each
  EXPECT_EQ(count(blank, ">GIẤY KHEN</text>"), 2u);
  EXPECT_TRUE(contains(blank, ">Bà Hoàng Thị Lan Hương</text>"));
  EXPECT_TRUE(contains(blank, ">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text>"));
  EXPECT_FALSE(contains(blank, " style=\""));  // the app's CSP allows no inline style
  // On stock: the awardee's lines only, where the layout says, moved by the offset.
  CertificateLayout moved = l;
  moved.offset_x = 2.5;
  moved.offset_y = -1;
  const std::string stock = certificates_html(certs, kFrame, moved, true, "print.css");
  EXPECT_FALSE(contains(stock, "GIẤY KHEN</text>"));
  EXPECT_FALSE(contains(stock, "CỘNG HÒA"));
  EXPECT_TRUE(contains(stock, "<text x=\"151\" y=\"101\""));  // the name: 148.5 + 2.5, 102 - 1
  EXPECT_TRUE(contains(stock, ">Hoàng Văn Sơn</text>"));
  // The long achievement wraps onto a second line.
  EXPECT_TRUE(contains(stock, ">Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVIII</text>") ||
              contains(stock, "lần thứ XVIII</text>"));
  EXPECT_EQ(count(stock, "Đã có thành tích xuất sắc trong"), 1u);
  const std::string align = certificate_alignment_html(moved, "print.css");
  EXPECT_TRUE(contains(align, "Tên người, tập thể được khen (151; 101 mm)"));
  expect_golden("certificates-blank.html", blank);
  expect_golden("certificates-stock.html", stock);
  expect_golden("certificates-alignment.html", align);
}

TEST(Documents, CertificateLayoutReadsBackAndRefusesOffTheSheet) {
  CertificateLayout l = CertificateLayout::defaults();
  l.offset_x = -3.5;
  l.spots[0].y = 99;
  json_in::Reader r("state.json");
  const CertificateLayout back = certificate_layout_from_json(r, nlohmann::json::parse(to_json(l).dump()), "certificate_layout");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(back, l);
  // A line saved before another existed: the missing one takes its default.
  nlohmann::json partial = to_json(l);
  partial["spots"].erase(partial["spots"].begin() + 1);
  json_in::Reader r2("state.json");
  EXPECT_EQ(certificate_layout_from_json(r2, partial, "certificate_layout").spot("detail")->y, 114);
  CertificateLayout off = l;
  off.spots[2].x = 400;
  ASSERT_TRUE(layout_problem(off).has_value());
  EXPECT_EQ(layout_problem(off)->vi, "Vị trí “Thành tích” phải nằm trên tờ giấy (ngang 0–297 mm, dọc 0–210 mm).");
  off = l;
  off.offset_y = 60;
  EXPECT_TRUE(layout_problem(off).has_value());
  json_in::Reader r3("state.json");
  (void)certificate_layout_from_json(r3, to_json(off), "certificate_layout");
  EXPECT_FALSE(r3.ok());
}

// ---- golden files ----------------------------------------------------------------------------

TEST(DocumentsGolden, HtmlAndDocumentXml) {
  for (const Named& n : all_documents()) {
    expect_golden(n.name + ".html", html_of(n));
    const std::string xml = docx_document_xml(n.docs);
    EXPECT_EQ(xml_problem(xml), "") << n.name;
    expect_golden(n.name + ".document.xml", xml);
  }
}

// ---- files for the end-to-end check ----------------------------------------------------------

TEST(Documents, WritesFilesForEndToEnd) {
  const char* out = env("HOSO_DOCS_OUT");
  if (!out) {
    GTEST_SKIP() << "set HOSO_DOCS_OUT=<dir> to write the documents for tests/e2e/documents.test.mjs";
  }
  const char* css = env("HOSO_DOCS_CSS_URL");
  const std::string dir = std::string(out) + "/";
  nlohmann::json manifest = nlohmann::json::array();
  // What each printed document must show, with its diacritics.
  const std::vector<std::vector<std::string>> expect{
      {"Hoàng Thị Lan Hương", "BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ NGOẠI VỤ"},
      {"Phòng Quản lý biên giới", "BÁO CÁO THÀNH TÍCH", "CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN"},
      {"Hoàng Thị Lan Hương", "DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG", "BIÊN BẢN", "TÓM TẮT THÀNH TÍCH"},
      {"Hoàng Thị Lan Hương", "BIÊN BẢN", "DANH SÁCH"},
      {"TỜ TRÌNH", "Kính gửi: Giám đốc Sở Ngoại vụ.", "TTr-VP", "Đinh Thị Mai", "DANH SÁCH"},
      {"TỜ TRÌNH", "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn.", "42/TTr-SNgV", "UBND TỈNH LẠNG SƠN", "Chu Thị Thảo"},
      {"QUYẾT ĐỊNH", "GIÁM ĐỐC SỞ NGOẠI VỤ", "120/QĐ-SNgV", "Điều 1.", "Đinh Thị Mai"},
      {"DANH SÁCH", "Chi tiền thưởng", "Hoàng Thị Lan Hương", "1.410.000", "2.830.000",
       "Hai triệu tám trăm ba mươi nghìn đồng", "Ký nhận"},
      {"BÁO CÁO", "Kết quả xét, đề nghị khen thưởng", "Thanh tra Sở", "Thiếu chữ ký của thủ trưởng đơn vị.", "120/QĐ-SNgV",
       "CHÁNH VĂN PHÒNG"},
  };
  const std::vector<Named> docs = all_documents();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const Named& n = docs[i];
    write_file(dir + n.name + ".html", to_html(n.docs, css ? css : "print.css", n.docs.front().title));
    write_file(dir + n.name + ".docx", to_docx(n.docs));
    nlohmann::json texts = expect[i];
    texts.push_back("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    texts.push_back("Độc lập - Tự do - Hạnh phúc");
    manifest.push_back({{"name", n.name}, {"documents", n.docs.size()}, {"texts", texts}});
  }
  write_file(dir + "manifest.json", manifest.dump(2));
}

}  // namespace
}  // namespace hoso::doc
