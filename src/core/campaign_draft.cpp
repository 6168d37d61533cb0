#include "core/campaign_draft.hpp"

#include <algorithm>
#include <set>

#include "core/canonical_json.hpp"
#include "core/json_in.hpp"
#include "core/paths.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;

namespace {

// The value the first `count` steps of a path name, or nullptr.
const json* resolve(const json& root, const std::vector<PathStep>& steps, std::size_t count) {
  const json* at = &root;
  for (std::size_t i = 0; i < count; ++i) {
    const PathStep& s = steps[i];
    if (!at->is_object()) return nullptr;
    auto it = at->find(s.key);
    if (it == at->end()) return nullptr;
    at = &*it;
    if (s.index) {
      if (!at->is_array() || *s.index >= at->size()) return nullptr;
      at = &(*at)[*s.index];
    }
  }
  return at;
}
json* resolve(json& root, const std::vector<PathStep>& steps, std::size_t count) {
  return const_cast<json*>(resolve(static_cast<const json&>(root), steps, count));
}

DataError no_such(std::string_view path) {
  return DataError{"", std::string(path),
                   {"Đợt thi đua không có mục " + in_quotes(path) + ".", "The campaign has no item " + in_quotes(path) + "."}};
}

// The array and index a path ending in "[i]" names.
struct Element {
  json* list = nullptr;
  std::size_t index = 0;
};
Outcome<Element> element(json& root, std::string_view path) {
  auto steps = parse_path(path);
  if (!steps || !steps->back().index) return no_such(path);
  PathStep last = steps->back();
  steps->back().index.reset();
  json* list = resolve(root, *steps, steps->size());
  if (!list || !list->is_array() || *last.index >= list->size()) return no_such(path);
  return Element{list, *last.index};
}

std::string str_at(const json& obj, std::string_view key) {
  if (!obj.is_object()) return {};
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

const json& member_or_null(const json& obj, std::string_view key) {
  static const json null;
  if (!obj.is_object()) return null;
  auto it = obj.find(key);
  return it == obj.end() ? null : *it;
}

// Never throws (the web build has no exceptions): a member of another type reads as absent.
int int_at(const json& obj, std::string_view key) {
  const json& v = member_or_null(obj, key);
  return v.is_number_integer() ? v.get<int>() : 0;
}
bool true_at(const json& obj, std::string_view key) {
  const json& v = member_or_null(obj, key);
  return v.is_boolean() && v.get<bool>();
}

std::optional<Date> date_at(const json& obj, std::string_view key) { return parse_iso_date(str_at(obj, key)); }

// A date as the file holds it (ISO), from what the secretariat typed ("02/03/2026"); anything
// else is kept as typed, and the check names it.
json file_date(const json& v) {
  if (!v.is_string() || parse_iso_date(v.get<std::string>())) return v;
  if (auto d = parse_display_date(text::trim(v.get<std::string>()))) return to_iso(*d);
  return v;
}
bool is_date_key(std::string_view key) { return key == "date" || key == "start" || key == "end"; }

bool has_id(std::span<const std::string> taken, std::string_view id) {
  return std::find(taken.begin(), taken.end(), id) != taken.end();
}

// The version publishing would give the draft now.
int next_version(const CampaignDraft& d, const Library& lib) {
  json c = d.content;
  const Campaign* held = lib.campaign(d.id());
  int base = std::max(held ? held->version : 0, d.published_version);
  if (base == 0) return 1;
  c["version"] = base;
  const std::string same_hash = sha256_hex(canonical_dump(c));
  if (same_hash == d.published_hash || (held && held->version == base && held->hash == same_hash)) return base;
  return base + 1;
}

Finding finding(std::string path, Severity s, std::string_view rule, Bilingual message) {
  return Finding{Finding::Owner::campaign, "", std::move(path), s, rule, std::move(message)};
}

std::string rule_label(const json& form, const json& rule) {
  const std::string kind = str_at(rule, "kind");
  return in_quotes(str_at(form, "name_vi")) + (kind == "collective" ? " (tập thể)" : kind == "individual" ? " (cá nhân)" : "");
}
std::string rule_label_en(const json& form, const json& rule) {
  const std::string kind = str_at(rule, "kind");
  return in_quotes(str_at(form, "name_en")) + (kind == "collective" ? " (collectives)" : kind == "individual" ? " (individuals)" : "");
}

}  // namespace

// ---- the draft ------------------------------------------------------------------------------

std::string CampaignDraft::id() const { return str_at(content, "id"); }
std::string CampaignDraft::plan_number() const { return str_at(member_or_null(content, "plan"), "number"); }

bool CampaignDraft::published_as_is() const {
  if (published_version == 0) return false;
  json c = content;
  c["version"] = published_version;
  return sha256_hex(canonical_dump(c)) == published_hash;
}

std::string campaign_id_for(const json& content, std::span<const std::string> taken) {
  std::string base;
  for (char ch : str_at(member_or_null(content, "plan"), "number")) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) base += ch;
    else if (!base.empty() && base.back() != '-') base += '-';
  }
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = "dot-thi-dua";
  if (auto date = date_at(member_or_null(content, "plan"), "date")) base += "-" + std::to_string(date->year);
  std::string id = base;
  for (int n = 2; has_id(taken, id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

const json& draft_value(const CampaignDraft& d, std::string_view path) {
  static const json null;
  auto steps = parse_path(path);
  const json* v = steps ? resolve(d.content, *steps, steps->size()) : nullptr;
  return v ? *v : null;
}

namespace {
// A draft holding `source` as it was published (without its seal).
CampaignDraft draft_of(const json& source, Millis now) {
  CampaignDraft d;
  d.key = "d" + std::to_string(now);
  d.content = source;
  d.content.erase("content_sha256");
  d.based_on = str_at(source, "id") + " v" + std::to_string(int_at(source, "version"));
  d.created = d.changed = now;
  return d;
}
}  // namespace

CampaignDraft duplicate_campaign(const json& source, std::span<const std::string> taken, Millis now) {
  CampaignDraft d = draft_of(source, now);
  d.content["version"] = 1;
  d.content["id"] = campaign_id_for(d.content, taken);
  return d;
}

CampaignDraft blank_campaign(const json& source, std::span<const std::string> taken, Millis now) {
  CampaignDraft d = draft_of(source, now);
  json& c = d.content;
  if (!c.is_object()) return d;
  c["version"] = 1;
  c.erase("kind");
  for (const char* key : {"description_vi", "description_en", "name_vi", "name_en", "theme_vi", "theme_en"})
    if (c.contains(key)) c[key] = "";
  for (const char* ref : {"plan", "parent_plan"})
    if (c.contains(ref) && c[ref].is_object())
      for (const char* key : {"number", "date", "title_vi", "title_en"})
        if (c[ref].contains(key)) c[ref][key] = "";
  c["period"] = json{{"start", ""}, {"end", ""}};
  c["deadline"] = json{{"before", ""}};
  if (c.contains("award_forms") && c["award_forms"].is_array())
    for (json& form : c["award_forms"])
      if (form.contains("rules") && form["rules"].is_array())
        for (json& rule : form["rules"]) {
          rule["criteria"] = json::array();
          rule["quota"] = nullptr;
          for (const char* key : {"preamble_vi", "preamble_en", "quota_note_vi", "quota_note_en"}) rule.erase(key);
        }
  c["id"] = campaign_id_for(c, taken);
  return d;
}

CampaignDraft correct_campaign(const json& source, Millis now) {
  CampaignDraft d = draft_of(source, now);
  d.published_version = int_at(source, "version");
  d.published_hash = sha256_hex(canonical_dump(d.content));
  return d;
}

// ---- changes ----------------------------------------------------------------------------------

Outcome<Done> set_draft_value(CampaignDraft& d, std::string_view path, const json& value) {
  auto steps = parse_path(path);
  if (!steps || path == "id" || path == "version" || path == "format" || path == "format_version") return no_such(path);
  json* parent = resolve(d.content, *steps, steps->size() - 1);
  const PathStep& last = steps->back();
  if (!parent || !parent->is_object()) return no_such(path);
  json* target = nullptr;
  if (last.index) {
    auto it = parent->find(last.key);
    if (it == parent->end() || !it->is_array() || *last.index >= it->size()) return no_such(path);
    target = &(*it)[*last.index];
  }
  json v = value.is_string() ? json(text::nfc(value.get<std::string>())) : value;
  if (is_date_key(last.key)) v = file_date(v);
  // An optional number left empty is null: a quota the plan does not set, no prize set.
  const bool optional_number = last.key == "quota" || last.key == "prize";
  if (optional_number && v.is_string() && text::trim(v.get<std::string>()).empty()) v = nullptr;
  if (target) {
    *target = std::move(v);
  } else {
    (*parent)[last.key] = std::move(v);
  }
  // A draft never published takes its id from its plan number and date.
  if (d.published_version == 0 && (path == "plan.number" || path == "plan.date")) {
    d.content["id"] = campaign_id_for(d.content, {});
  }
  return Done{};
}

Outcome<Done> set_draft_deadline(CampaignDraft& d, const json& date, bool stated_before) {
  if (!d.content.is_object()) return no_such("deadline");
  d.content["deadline"] = json{{stated_before ? "before" : "on_or_before", date.is_string() ? file_date(date) : json("")}};
  return Done{};
}

Outcome<std::string> add_criterion(CampaignDraft& d, std::string_view rule_path) {
  auto steps = parse_path(rule_path);
  json* rule = steps ? resolve(d.content, *steps, steps->size()) : nullptr;
  if (!rule || !rule->is_object()) return no_such(rule_path);
  json& list = (*rule)["criteria"];
  if (!list.is_array()) list = json::array();
  // A fresh id: the prefix its siblings share ("gk_cn_"), then the next free number.
  std::set<std::string> used;
  for (const json& award : member_or_null(d.content, "award_forms"))
    for (const json& r : member_or_null(award, "rules"))
      for (const json& c : member_or_null(r, "criteria")) used.insert(str_at(c, "id"));
  std::string prefix = "tc_";
  if (!list.empty()) {
    std::string first = str_at(list[0], "id");
    auto cut = first.find_last_of('_');
    if (cut != std::string::npos) prefix = first.substr(0, cut + 1);
  }
  std::string id;
  for (std::size_t n = list.size() + 1; id.empty() || used.count(id); ++n) id = prefix + std::to_string(n);
  list.push_back(json{{"id", id}, {"text_vi", ""}, {"text_en", ""}});
  return std::string(rule_path) + ".criteria[" + std::to_string(list.size() - 1) + "]";
}

Outcome<std::string> add_draft_item(CampaignDraft& d, std::string_view list_path, std::string_view kind) {
  constexpr std::string_view criteria = ".criteria", rules = ".rules";
  auto ends_with = [&](std::string_view tail) {
    return list_path.size() > tail.size() && list_path.substr(list_path.size() - tail.size()) == tail;
  };
  if (ends_with(criteria)) return add_criterion(d, list_path.substr(0, list_path.size() - criteria.size()));
  if (list_path == "decision_bases" && d.content.is_object()) {
    json& list = d.content["decision_bases"];
    if (!list.is_array()) list = json::array();
    list.push_back(json{{"text_vi", "Căn cứ "}, {"text_en", "Pursuant to "}});
    return "decision_bases[" + std::to_string(list.size() - 1) + "]";
  }
  const auto nominee = nominee_kind_from_string(kind);
  auto steps = parse_path(list_path);
  json* list = ends_with(rules) && nominee && steps ? resolve(d.content, *steps, steps->size()) : nullptr;
  if (!list || !list->is_array()) return no_such(list_path);
  for (const json& rule : *list)
    if (str_at(rule, "kind") == kind)
      return DataError{"", std::string(list_path),
                       {"Hình thức này đã có đối tượng đó.", "This award form already takes that nominee kind."}};
  json& kinds = d.content["nominee_kinds"];
  if (!kinds.is_array()) kinds = json::array();
  bool known = false;
  for (const json& k : kinds) known = known || str_at(k, "kind") == kind;
  const bool collective = *nominee == NomineeKind::collective;
  if (!known)
    kinds.push_back(json{{"kind", kind},
                         {"name_vi", collective ? "Tập thể" : "Cá nhân"},
                         {"name_en", collective ? "Collective" : "Individual"}});
  list->push_back(json{{"kind", kind}, {"criteria", json::array()}, {"quota", nullptr}});
  return std::string(list_path) + "[" + std::to_string(list->size() - 1) + "]";
}

Outcome<Done> remove_draft_item(CampaignDraft& d, std::string_view path) {
  auto e = element(d.content, path);
  if (!e) return e.error();
  e->list->erase(e->list->begin() + static_cast<std::ptrdiff_t>(e->index));
  return Done{};
}

Outcome<Done> move_draft_item(CampaignDraft& d, std::string_view path, int by) {
  auto e = element(d.content, path);
  if (!e) return e.error();
  const long to = static_cast<long>(e->index) + by;
  if (to < 0 || to >= static_cast<long>(e->list->size())) return no_such(path);
  std::swap((*e->list)[e->index], (*e->list)[static_cast<std::size_t>(to)]);
  return Done{};
}

void set_units_from_lines(CampaignDraft& d, std::string_view lines) {
  const json old = member_or_null(d.content, "units");
  json units = json::array();
  std::set<std::string> ids;
  std::size_t pos = 0;
  while (pos <= lines.size()) {
    std::size_t end = lines.find('\n', pos);
    if (end == std::string_view::npos) end = lines.size();
    std::string_view line = lines.substr(pos, end - pos);
    pos = end + 1;
    line = line.substr(0, line.find('\t'));
    std::string name = text::nfc(text::trim(line));
    if (name.empty()) continue;
    json unit;
    if (old.is_array())
      for (const json& u : old)
        if (text::fold(str_at(u, "name_vi")) == text::fold(name)) unit = u;
    if (unit.is_null() || ids.count(str_at(unit, "id"))) {
      std::string base = text::slug(name);
      if (base.empty()) base = "don-vi";
      std::string id = base;
      for (int n = 2; ids.count(id); ++n) id = base + "-" + std::to_string(n);
      // A unit's name is a proper name: the English interface shows it as written.
      unit = json{{"id", id}, {"name_vi", name}, {"name_en", name}, {"has_seal", false}};
    }
    unit["name_vi"] = name;
    ids.insert(str_at(unit, "id"));
    units.push_back(std::move(unit));
  }
  d.content["units"] = std::move(units);
}

std::string units_as_lines(const CampaignDraft& d) {
  std::string out;
  for (const json& u : member_or_null(d.content, "units")) {
    if (!out.empty()) out += '\n';
    out += str_at(u, "name_vi");
  }
  return out;
}

// ---- the check --------------------------------------------------------------------------------

std::vector<Finding> check_campaign_draft(const CampaignDraft& d, const Library& lib, Date today) {
  std::vector<Finding> out;
  const json& c = d.content;
  auto error = [&](std::string path, std::string_view rule, Bilingual m) {
    out.push_back(finding(std::move(path), Severity::error, rule, std::move(m)));
  };
  if (!c.is_object()) {
    error("", "campaign.format", {"Nội dung đợt thi đua hỏng.", "The campaign's content is damaged."});
    return out;
  }
  const json& plan = member_or_null(c, "plan");
  const std::string number = text::trim(str_at(plan, "number"));
  if (number.empty()) {
    error("plan.number", "campaign.plan_number", {"Chưa nhập số kế hoạch.", "The plan number is missing."});
  } else {
    for (const Campaign& other : lib.campaigns())
      if (other.id != d.id() && text::fold(other.plan.number) == text::fold(number) &&
          (!date_at(plan, "date") || other.plan.date == *date_at(plan, "date")))
        error("plan.number", "campaign.plan_taken",
              {"Số kế hoạch " + in_quotes(number) + " ngày " + to_display(other.plan.date) +
                   " là của đợt thi đua khác: nhập số của kế hoạch mới.",
               "The plan number " + in_quotes(number) + " of " + to_display(other.plan.date) +
                   " belongs to another campaign: type the new plan's number."});
  }
  if (str_at(c, "kind").empty())
    error("kind", "campaign.kind",
          {"Chưa chọn loại đợt thi đua: thường xuyên, theo chuyên đề hay đặc biệt.",
           "The campaign's kind is not chosen: regular, thematic or special."});
  if (text::trim(str_at(c, "name_vi")).empty())
    error("name_vi", "campaign.name", {"Chưa nhập tên phong trào thi đua (nguyên văn kế hoạch).",
                                        "The movement's name (verbatim from the plan) is missing."});
  const json& period = member_or_null(c, "period");
  const auto start = date_at(period, "start"), end = date_at(period, "end");
  if (!start) error("period.start", "campaign.period", {"Chưa nhập ngày bắt đầu đợt thi đua.", "The start of the period is missing."});
  if (!end) error("period.end", "campaign.period", {"Chưa nhập ngày kết thúc đợt thi đua.", "The end of the period is missing."});
  if (start && end && *end < *start)
    error("period.end", "campaign.period", {"Ngày kết thúc trước ngày bắt đầu.", "The end is before the start."});
  const json& dl = member_or_null(c, "deadline");
  const bool before = dl.is_object() && dl.contains("before");
  const auto stated = date_at(dl, before ? "before" : "on_or_before");
  if (!stated) {
    error("deadline", "campaign.deadline", {"Chưa nhập hạn nộp hồ sơ.", "The submission deadline is missing."});
  } else {
    const Deadline deadline{before ? add_days(*stated, -1) : *stated, before};
    if (start && deadline.last_day < *start)
      error("deadline", "campaign.deadline_before_period",
            {"Hạn nộp (" + to_display(*stated) + ") trước ngày bắt đầu đợt thi đua (" + to_display(*start) + ").",
             "The deadline (" + to_display(*stated) + ") is before the period starts (" + to_display(*start) + ")."});
    else if (deadline.is_late(today))
      out.push_back(finding("deadline", Severity::warning, "campaign.deadline_past",
                            {"Hạn nộp (" + to_display(*stated) + ") đã qua: đơn vị sẽ thấy đợt này đã quá hạn.",
                             "The deadline (" + to_display(*stated) + ") has passed: units will see the campaign as late."}));
  }
  const json& forms = member_or_null(c, "award_forms");
  for (std::size_t f = 0; f < forms.size() && forms.is_array(); ++f) {
    const std::string fp = "award_forms[" + std::to_string(f) + "]";
    const json& rules = member_or_null(forms[f], "rules");
    for (std::size_t r = 0; r < rules.size() && rules.is_array(); ++r) {
      const std::string rp = fp + ".rules[" + std::to_string(r) + "]";
      const json& crit = member_or_null(rules[r], "criteria");
      if (!crit.is_array() || crit.empty())
        error(rp + ".criteria", "campaign.no_criteria",
              {rule_label(forms[f], rules[r]) + " chưa có tiêu chuẩn nào.",
               rule_label_en(forms[f], rules[r]) + " has no criteria."});
      for (std::size_t k = 0; k < crit.size() && crit.is_array(); ++k) {
        const std::string kp = rp + ".criteria[" + std::to_string(k) + "]";
        const std::string n = std::to_string(k + 1);
        if (true_at(crit[k], "placeholder"))
          error(kp + ".text_vi", "campaign.placeholder",
                {"Tiêu chuẩn " + n + " của " + rule_label(forms[f], rules[r]) +
                     " là nội dung tạm: nhập nguyên văn từ kế hoạch, hoặc bỏ hình thức khen thưởng này.",
                 "Criterion " + n + " of " + rule_label_en(forms[f], rules[r]) +
                     " is a placeholder: type the plan's verbatim text, or remove this award form."});
        else if (text::trim(str_at(crit[k], "text_vi")).empty())
          error(kp + ".text_vi", "campaign.criterion_empty",
                {"Chưa nhập nội dung tiêu chuẩn " + n + " của " + rule_label(forms[f], rules[r]) + ".",
                 "Criterion " + n + " of " + rule_label_en(forms[f], rules[r]) + " has no text."});
        else if (text::trim(str_at(crit[k], "text_en")).empty())
          error(kp + ".text_en", "campaign.criterion_en",
                {"Chưa có bản tiếng Anh của tiêu chuẩn " + n + " của " + rule_label(forms[f], rules[r]) + ".",
                 "Criterion " + n + " of " + rule_label_en(forms[f], rules[r]) + " has no English text."});
      }
    }
  }
  const json& bases = member_or_null(c, "decision_bases");
  for (std::size_t i = 0; i < bases.size() && bases.is_array(); ++i) {
    // A new basis starts as "Căn cứ ": only the words after it say anything.
    const std::string said = text::fold(text::trim(str_at(bases[i], "text_vi")));
    if (said.empty() || said == "can cu")
      error("decision_bases[" + std::to_string(i) + "].text_vi", "campaign.basis_empty",
            {"Căn cứ " + std::to_string(i + 1) + " của quyết định chưa có nội dung: nhập văn bản được căn cứ, hoặc bỏ dòng này.",
             "Basis " + std::to_string(i + 1) + " of the decision has no text: type the document it cites, or remove it."});
    const std::string en = text::fold(text::trim(str_at(bases[i], "text_en")));
    if (en.empty() || en == "pursuant to")
      out.push_back(finding("decision_bases[" + std::to_string(i) + "].text_en", Severity::warning, "campaign.basis_en",
                            {"Căn cứ " + std::to_string(i + 1) + " chưa có bản tiếng Anh.",
                             "Basis " + std::to_string(i + 1) + " has no English text."}));
  }
  std::set<std::string> unit_names;
  for (const json& u : member_or_null(c, "units"))
    if (!unit_names.insert(text::fold(str_at(u, "name_vi"))).second)
      error("units", "campaign.unit_twice",
            {"Đơn vị " + in_quotes(str_at(u, "name_vi")) + " có tên hai lần trong danh sách.",
             "The unit " + in_quotes(str_at(u, "name_vi")) + " is listed twice."});

  // The reader a unit's app runs, for everything else (and a template that does not fit).
  json trial = c;
  trial["version"] = next_version(d, lib);
  auto parsed = campaign_from_json("", trial);
  auto reported = [&](const std::string& path) {
    return std::any_of(out.begin(), out.end(), [&](const Finding& x) {
      return x.severity == Severity::error && (x.path == path || x.path.rfind(path + ".", 0) == 0 || path.rfind(x.path, 0) == 0);
    });
  };
  if (!parsed) {
    if (!reported(parsed.error().path)) error(parsed.error().path, "campaign.reader", parsed.error().what);
  } else {
    Library with = lib;
    auto added = with.add(std::move(parsed).value());
    if (!added && !reported(added.error().path)) error(added.error().path, "campaign.library", added.error().what);
  }
  return out;
}

Outcome<PublishedCampaign> publish_draft(CampaignDraft& d, const Library& lib, Date today, Millis now) {
  for (const Finding& f : check_campaign_draft(d, lib, today))
    if (f.severity == Severity::error)
      return DataError{"", f.path,
                       {"Chưa phát hành được: " + f.message.vi, "It cannot be published yet: " + f.message.en}};
  json content = d.content;
  content["version"] = next_version(d, lib);
  PublishedCampaign out;
  out.file_name = str_at(content, "id") + "_v" + std::to_string(content["version"].get<int>()) + ".json";
  out.bytes = seal_campaign_file(content);
  // What a unit's app will do with it, here first.
  auto read = read_campaign_file(out.file_name, out.bytes);
  if (!read) return read.error();
  out.file = std::move(read).value();
  d.content = content;
  d.published_version = content["version"].get<int>();
  d.published_hash = out.file.campaign.hash;
  d.published_at = now;
  return out;
}

// ---- the record -------------------------------------------------------------------------------

json draft_to_json(const CampaignDraft& d) {
  return json{{"format", kCampaignDraftFormat},
              {"format_version", kCampaignDraftFormatVersion},
              {"key", d.key},
              {"content", d.content},
              {"based_on", d.based_on},
              {"published_version", d.published_version},
              {"published_hash", d.published_hash},
              {"created", to_iso_instant(d.created)},
              {"changed", to_iso_instant(d.changed)},
              {"published_at", d.published_at ? json(to_iso_instant(d.published_at)) : json(nullptr)}};
}

Outcome<CampaignDraft> draft_from_json(std::string_view name, const json& j) {
  json_in::Reader r(name);
  CampaignDraft d;
  if (!r.format(j, kCampaignDraftFormat, kCampaignDraftFormatVersion)) return r.take_error();
  r.str(j, "", "key", d.key);
  r.str(j, "", "based_on", d.based_on, false);
  r.integer(j, "", "published_version", d.published_version, false);
  r.str(j, "", "published_hash", d.published_hash, false);
  r.instant(j, "", "created", d.created);
  r.instant(j, "", "changed", d.changed);
  r.instant(j, "", "published_at", d.published_at, false);
  const json* content = r.member(j, "", "content", true);
  if (content && r.expect_object(*content, "content")) d.content = *content;
  if (r.ok() && d.key.empty()) r.fail("key", json_in::msg_missing("key"));
  if (!r.ok()) return r.take_error();
  return d;
}

}  // namespace hoso
