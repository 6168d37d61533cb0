#include "core/synthetic.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/library.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

namespace hoso {

using nlohmann::json;

namespace {

// SplitMix64: tiny, fast and the same everywhere (std:: distributions differ between libraries).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int range(int lo, int hi) {  // inclusive
    return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1000000.0; }
  template <class C>
  const auto& pick(const C& c) {
    return c[static_cast<std::size_t>(next() % std::size(c))];
  }
  std::string uuid() {
    std::array<uint8_t, 16> b{};
    for (auto& x : b) x = static_cast<uint8_t>(next());
    return format_uuid_v4(b);
  }

 private:
  uint64_t s_;
};

constexpr const char* kSurnames[] = {"Nguyễn", "Trần", "Lê",   "Phạm", "Hoàng", "Vũ",   "Đặng",  "Bùi",
                                     "Đỗ",     "Hồ",   "Ngô",  "Dương", "Lý",   "Nông", "Lương", "Vi",
                                     "Lộc",    "Hà",   "Triệu", "Chu"};
constexpr const char* kMiddleMale[] = {"Văn", "Đức", "Minh", "Hữu", "Quốc", "Thanh", "Công", "Xuân"};
constexpr const char* kMiddleFemale[] = {"Thị", "Thu", "Ngọc", "Thanh", "Thị Thu", "Bích", "Minh", "Hồng"};
constexpr const char* kGivenMale[] = {"An",   "Bình", "Cường", "Dũng", "Đức",  "Giang", "Hải",  "Hùng",
                                      "Khánh", "Long", "Minh",  "Nam",  "Phong", "Quang", "Sơn",  "Thắng",
                                      "Tuấn", "Việt", "Vinh",  "Toàn"};
constexpr const char* kGivenFemale[] = {"Anh",  "Châu", "Dung",  "Hà",   "Hạnh", "Hoa",  "Hương", "Lan",
                                        "Linh", "Mai",  "Ngân",  "Nhung", "Oanh", "Phương", "Quyên", "Thảo",
                                        "Trang", "Uyên", "Vân",  "Yến"};
// Communes and wards as they are after the reorganisation of 1 July 2025 (two levels: no district).
constexpr const char* kPlaces[] = {"phường Đông Kinh, tỉnh Lạng Sơn",  "phường Lương Văn Tri, tỉnh Lạng Sơn",
                                   "phường Tam Thanh, tỉnh Lạng Sơn",  "phường Kỳ Lừa, tỉnh Lạng Sơn",
                                   "xã Đồng Đăng, tỉnh Lạng Sơn",      "xã Thất Khê, tỉnh Lạng Sơn",
                                   "xã Na Dương, tỉnh Lạng Sơn",       "xã Bắc Sơn, tỉnh Lạng Sơn",
                                   "xã Hữu Lũng, tỉnh Lạng Sơn",       "xã Văn Quan, tỉnh Lạng Sơn"};
constexpr const char* kPositions[] = {"Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng",
                                      "Kế toán",     "Văn thư",           "Nhân viên",        "Phó Chánh Văn phòng"};
constexpr const char* kQualifications[] = {"Cử nhân Quan hệ quốc tế", "Cử nhân Luật", "Thạc sĩ Quản lý công",
                                           "Cử nhân Ngôn ngữ Trung Quốc", "Cử nhân Kế toán"};
struct Target {
  const char* target;
  const char* result;
};
constexpr Target kTargets[] = {
    {"Hoàn thành 100% nhiệm vụ được giao theo kế hoạch công tác 10 tháng đầu năm 2025",
     "Đã hoàn thành 100% nhiệm vụ, trong đó 30% nhiệm vụ hoàn thành trước thời hạn"},
    {"Tham mưu tổ chức các đoàn công tác đối ngoại của tỉnh",
     "Tham mưu tổ chức 5 đoàn ra, 8 đoàn vào đúng quy định, an toàn, tiết kiệm"},
    {"Đẩy mạnh cải cách hành chính, chuyển đổi số",
     "Xử lý 100% văn bản trên hệ thống quản lý văn bản điện tử, không có hồ sơ trễ hạn"},
    {"Tham gia phong trào \u201CBình dân học vụ số\u201D",
     "Hoàn thành khoá học kỹ năng số cơ bản; hướng dẫn 12 đồng nghiệp sử dụng chữ ký số"},
    {"Phối hợp quản lý biên giới, cửa khẩu",
     "Phối hợp xử lý 15 vụ việc phát sinh trên tuyến biên giới, không để xảy ra điểm nóng"},
    {"Thực hành tiết kiệm, chống lãng phí", "Tiết kiệm 8% kinh phí chi thường xuyên so với dự toán được giao"},
};
constexpr const char* kEvidence[] = {
    "Không vi phạm nội quy, quy chế; được đánh giá hoàn thành tốt nhiệm vụ năm 2024.",
    "Báo cáo kết quả thực hiện nhiệm vụ 10 tháng đầu năm 2025, có xác nhận của lãnh đạo đơn vị.",
    "Sáng kiến được Hội đồng sáng kiến cấp cơ sở công nhận năm 2025.",
    "Biên bản kiểm điểm, đánh giá của chi bộ và đơn vị.",
};
constexpr const char* kMeasures[] = {
    "Chủ động xây dựng kế hoạch chi tiết theo tháng, phân công rõ người, rõ việc, rõ thời hạn; thường xuyên "
    "đôn đốc, kiểm tra tiến độ và kịp thời tháo gỡ vướng mắc.",
    "Ứng dụng công nghệ thông tin trong xử lý công việc; phối hợp chặt chẽ với các sở, ngành và địa phương "
    "biên giới; tăng cường trao đổi nghiệp vụ trong đơn vị.",
};
constexpr const char* kLessons[] = {
    "Bám sát chỉ đạo của lãnh đạo Sở, phát huy tinh thần đoàn kết và chủ động trong công việc.",
    "Coi trọng học tập, nâng cao trình độ chuyên môn và ngoại ngữ; làm việc có kế hoạch.",
};

Date random_date(Rng& rng, Date lo, Date hi) {
  int span = std::max(0, days_between(lo, hi));
  return add_days(lo, rng.range(0, span));
}

std::string person_name(Rng& rng, bool female) {
  std::string s = rng.pick(kSurnames);
  s += ' ';
  s += female ? rng.pick(kMiddleFemale) : rng.pick(kMiddleMale);
  s += ' ';
  s += female ? rng.pick(kGivenFemale) : rng.pick(kGivenMale);
  return s;
}

// Text that fits the field's limits.
std::string fit(std::string s, const FieldLimits& l) {
  while (l.min_length && text::length(s) < static_cast<std::size_t>(*l.min_length)) s += " " + s;
  if (l.max_length && text::length(s) > static_cast<std::size_t>(*l.max_length)) {
    std::u32string cps = text::decode_utf8(s);
    cps.resize(static_cast<std::size_t>(*l.max_length));
    s = text::encode_utf8(cps);
  }
  return s;
}

struct Filler {
  Rng& rng;
  const Campaign& c;
  Date today;

  json value(const Field& f, std::size_t row = 0) {
    switch (f.type) {
      case FieldType::text: return fit(text_for(f.id), f.limits);
      case FieldType::multiline: return fit(paragraph_for(f.id, row), f.limits);
      case FieldType::date: {
        Date hi = std::min(today, c.period.end);
        if (f.limits.date_rule == DateRule::within_campaign_period) return to_iso(random_date(rng, c.period.start, hi));
        if (f.id == "decision_date") return to_iso(random_date(rng, {2018, 1, 1}, {2024, 12, 31}));
        return to_iso(random_date(rng, c.period.start, hi));
      }
      case FieldType::time: return "08:00";
      case FieldType::number: {
        int lo = f.limits.min ? static_cast<int>(*f.limits.min) : 0;
        int hi = f.limits.max ? std::min(static_cast<int>(*f.limits.max), lo + 20) : lo + 20;
        return rng.range(lo, hi);
      }
      case FieldType::choice: return rng.pick(f.limits.options).id;
      case FieldType::yesno: return rng.chance(0.5);
      case FieldType::rows: {
        int lo = f.limits.min_rows ? *f.limits.min_rows : 0;
        int n = f.required ? std::max(lo, rng.range(1, 3)) : std::max(lo, rng.range(0, 2));
        if (f.limits.max_rows) n = std::min(n, *f.limits.max_rows);
        json rows = json::array();
        for (int i = 0; i < n; ++i) {
          json r = json::object();
          const Target& t = rng.pick(kTargets);
          for (const Field& col : f.columns) {
            if (!col.required && rng.chance(0.3)) continue;
            if (col.id == "target") r[col.id] = t.target;
            else if (col.id == "result") r[col.id] = t.result;
            else r[col.id] = value(col, static_cast<std::size_t>(i));
          }
          rows.push_back(std::move(r));
        }
        return rows;
      }
    }
    return nullptr;
  }

  std::string text_for(const std::string& id) {
    if (id == "place") return c.place.empty() ? "Lạng Sơn" : c.place;
    if (id.find("name") != std::string::npos) return person_name(rng, rng.chance(0.5));
    if (id == "form") return rng.chance(0.5) ? "Giấy khen của Giám đốc Sở Ngoại vụ" : "Bằng khen của Chủ tịch UBND tỉnh";
    if (id == "decision_number") return std::to_string(rng.range(10, 999)) + "/QĐ-SNgV";
    if (id == "issuer") return "Sở Ngoại vụ tỉnh Lạng Sơn";
    if (id == "recognition") return "Hội đồng sáng kiến cơ sở, Quyết định số " + std::to_string(rng.range(10, 99)) + "/QĐ-SNgV";
    return "Sáng kiến số hoá hồ sơ đoàn ra, đoàn vào";
  }

  std::string paragraph_for(const std::string& id, std::size_t row) {
    if (id == "measures") return rng.pick(kMeasures);
    if (id == "lessons") return rng.pick(kLessons);
    const Target& t = kTargets[row % std::size(kTargets)];
    return std::string(t.target) + ". " + t.result + ".";
  }
};

void fill_template(Filler& fill, const ReportTemplate& t, NomineeKind kind, json& out) {
  for (const Section& s : t.sections)
    for (const Field& f : s.fields) {
      if (!f.bind.empty() || !f.applies_to(kind)) continue;
      if (!f.required && fill.rng.chance(0.4)) continue;
      json v = fill.value(f);
      if (!(v.is_array() && v.empty())) out[f.id] = std::move(v);
    }
}

}  // namespace

Workspace generate_workspace(const Library& lib, const Campaign& c, const SyntheticOptions& opts) {
  Rng rng(opts.seed);
  const Millis now = whole_seconds(opts.now);
  const Date today = vietnam_date(now);
  Filler fill{rng, c, today};

  Workspace w;
  w.campaign_id = c.id;
  const Unit* home = c.units.empty() ? nullptr : &c.units.front();
  w.settings.unit_id = home ? home->id : "unit";
  w.settings.unit_name = home ? home->name.vi : "Đơn vị";
  w.settings.author = "Nguyễn Thị Hoa";

  std::vector<std::string> categories;
  if (const NomineeKindSpec* k = c.kind_spec(NomineeKind::individual))
    for (const auto& cat : k->categories) categories.push_back(cat.id);
  const bool collectives_ok = c.kind_spec(NomineeKind::collective) != nullptr;
  const bool individuals_ok = c.kind_spec(NomineeKind::individual) != nullptr;

  std::set<std::string> used;  // nominee keys: every generated nominee is distinct
  int collective_count = 0;
  for (int i = 0; i < opts.dossiers; ++i) {
    NomineeKind kind = collectives_ok && (!individuals_ok || rng.chance(opts.collective_share))
                           ? NomineeKind::collective
                           : NomineeKind::individual;
    // Award forms that take this kind; the first (the Director's certificate) most of the time.
    std::vector<const AwardForm*> forms;
    for (const AwardForm& f : c.award_forms)
      if (f.accepts(kind)) forms.push_back(&f);
    const AwardForm* form = forms.empty() ? nullptr : (rng.chance(0.8) ? forms.front() : rng.pick(forms));
    Millis created = now - static_cast<Millis>(rng.range(3600, 30 * 86400)) * 1000;
    Dossier d = new_dossier(lib, c, rng.uuid(), kind, form ? form->id : "", w.settings.author, created);
    Nominee& n = d.nominee;

    if (kind == NomineeKind::collective) {
      ++collective_count;
      const Unit* u = c.units.empty() ? nullptr : &c.units[static_cast<std::size_t>(collective_count - 1) % c.units.size()];
      std::string base = u ? u->name.vi : "Phòng chuyên môn";
      std::size_t round = c.units.empty() ? static_cast<std::size_t>(collective_count) : static_cast<std::size_t>(collective_count - 1) / c.units.size();
      n.name = round == 0 ? base : "Tổ công tác số " + std::to_string(round) + " thuộc " + base;
      n.parent_unit = c.issuer.vi + (c.place.empty() ? "" : " tỉnh " + c.place);
      n.address = "Số " + std::to_string(rng.range(1, 99)) + " đường Hùng Vương, phường Lương Văn Tri, tỉnh Lạng Sơn";
      n.phone = "0205 38" + std::to_string(rng.range(10000, 99999));
      n.email = "donvi" + std::to_string(collective_count) + "@langson.gov.vn";
      n.headcount = rng.range(5, 25);
      n.women = rng.range(0, *n.headcount);
      n.party_members = rng.range(0, *n.headcount);
      n.functions = "Tham mưu, giúp Giám đốc Sở thực hiện chức năng quản lý nhà nước về công tác đối ngoại trong lĩnh vực được giao.";
      used.insert(nominee_key(n));
    } else {
      std::string key;
      do {
        bool female = rng.chance(0.5);
        n.full_name = person_name(rng, female);
        n.gender = female ? "female" : "male";
        n.birth_date = to_iso(random_date(rng, {1966, 1, 1}, {1999, 12, 31}));
        key = nominee_key(n);
      } while (!used.insert(key).second);
      n.home_town = std::string(rng.pick(kPlaces)) + ", tỉnh Lạng Sơn";
      n.residence = std::string(rng.pick(kPlaces)) + ", tỉnh Lạng Sơn";
      n.unit = c.units.empty() ? "Văn phòng Sở" : rng.pick(c.units).name.vi;
      n.position = rng.pick(kPositions);
      n.category = categories.empty() ? "" : rng.pick(categories);
      n.qualifications = rng.pick(kQualifications);
      n.titles = rng.chance(0.2) ? "Thạc sĩ" : "";
    }
    if (form)
      if (const AwardRule* r = form->rule_for(kind))
        for (const Criterion& cr : r->criteria) d.criteria[cr.id] = {true, rng.pick(kEvidence)};
    d.flags.no_complaint_under_verification = true;  // declared, as a finished dossier is
    d.summary = display_name(n) + " luôn gương mẫu chấp hành tốt chủ trương của Đảng, chính sách pháp luật của Nhà nước; " +
                "tích cực tham gia đợt thi đua đặc biệt. " + kTargets[static_cast<std::size_t>(i) % std::size(kTargets)].result + ".";
    if (const ReportTemplate* s = lib.template_for(c, DocumentKind::summary, kind))
      if (const Field* f = s->field("text")) d.summary = fit(d.summary, f->limits);
    if (const ReportTemplate* t = lib.template_for(c, DocumentKind::report, kind)) fill_template(fill, *t, kind, d.report);
    d.updated = std::max(d.created, now - static_cast<Millis>(rng.range(0, 3600)) * 1000);
    w.dossiers.push_back(std::move(d));
  }

  // One meeting that votes on everyone, comfortably above the default threshold and quorum.
  Minutes m = new_minutes(rng.uuid(), w.settings.unit_id, w.settings.unit_name, now);
  m.campaign_id = c.id;
  m.date = to_iso(add_days(today, -3));
  m.time = "08:00";
  m.place = "Phòng họp " + w.settings.unit_name;
  m.chair = person_name(rng, false);
  m.secretary = person_name(rng, true);
  m.members_total = 15;
  m.members_present = 13;
  m.absent = {{person_name(rng, false), "Đi công tác; có ý kiến bằng văn bản đồng ý"},
              {person_name(rng, true), "Nghỉ phép; có ý kiến bằng văn bản đồng ý"}};
  m.agenda = "Xét, đề nghị khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong " + c.name.vi + ".";
  m.conclusion = "Thống nhất đề nghị khen thưởng các trường hợp có kết quả biểu quyết đạt yêu cầu.";
  m.closing_time = "11:30";
  for (const Dossier& d : w.dossiers) {
    int yes = rng.range(10, m.members_present);
    m.votes.push_back({d.id, d.award_form, yes, rng.range(0, m.members_present - yes)});
  }
  if (!w.dossiers.empty()) w.minutes.push_back(std::move(m));
  return w;
}

}  // namespace hoso
