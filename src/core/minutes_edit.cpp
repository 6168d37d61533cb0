// Editing minutes (see edit.hpp); the dossier edits are in edit.cpp.
#include "core/edit.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/dossier.hpp"
#include "core/edit_detail.hpp"
#include "core/minutes.hpp"
#include "core/paths.hpp"
#include "core/report_template.hpp"

namespace hoso {

using namespace edit_detail;  // this file's half of the edits (edit_detail.hpp)
using nlohmann::json;

namespace {

// Records a change to the minutes.
void commit(Minutes& m, const EditContext& ctx, Change c) {
  Millis t = whole_seconds(ctx.now);
  record(m.audit, ctx, t, std::move(c));
  m.updated = t;
}

std::string* minutes_text(Minutes& m, std::string_view id) {
  if (id == "unit_name") return &m.unit_name;
  if (id == "date") return &m.date;
  if (id == "time") return &m.time;
  if (id == "place") return &m.place;
  if (id == "chair") return &m.chair;
  if (id == "secretary") return &m.secretary;
  if (id == "agenda") return &m.agenda;
  if (id == "conclusion") return &m.conclusion;
  if (id == "closing_time") return &m.closing_time;
  return nullptr;
}

// A count: a whole number from 0; null or "" is 0.
Outcome<int> count_value(const json& value, std::string_view path) {
  auto v = coerce(FieldType::number, value, path);
  if (!v) return v.error();
  if (v->is_null()) return 0;
  double x = v->is_number() ? v->get<double>() : -1.5;
  if (!v->is_number() || x != static_cast<double>(static_cast<int>(x)) || x < 0 || x > 1e6)
    return refuse(path, {"Cần nhập một số nguyên không âm.", "Enter a whole number, 0 or more."});
  return static_cast<int>(x);
}

Outcome<bool> set_minutes_string(Minutes& m, std::string& slot, std::string_view path, const json& value,
                                 FieldType type, const EditContext& ctx) {
  auto v = coerce(type, value, path);
  if (!v) return v.error();
  std::string next = v->is_null() ? std::string() : v->get<std::string>();
  if (next == slot) return false;
  Change c{std::string(path), slot, next};
  slot = std::move(next);
  commit(m, ctx, std::move(c));
  return true;
}

Outcome<bool> set_minutes_int(Minutes& m, int& slot, std::string_view path, const json& value,
                              const EditContext& ctx) {
  auto v = count_value(value, path);
  if (!v) return v.error();
  if (*v == slot) return false;
  Change c{std::string(path), slot, *v};
  slot = *v;
  commit(m, ctx, std::move(c));
  return true;
}

}  // namespace

Outcome<bool> set_field(Minutes& m, std::string_view path, const json& value, const EditContext& ctx) {
  auto parsed = parse_path(path);
  if (!parsed || (*parsed)[0].key != "minutes" || (*parsed)[0].index || parsed->size() < 2)
    return unknown_path(path);
  const auto& s = *parsed;
  const std::string& id = s[1].key;
  if (s.size() == 2 && !s[1].index) {
    if (id == "members_total") return set_minutes_int(m, m.members_total, path, value, ctx);
    if (id == "members_present") return set_minutes_int(m, m.members_present, path, value, ctx);
    if (std::string* t = minutes_text(m, id)) {
      FieldType type = id == "date" ? FieldType::date
                       : (id == "time" || id == "closing_time") ? FieldType::time
                                                                : FieldType::text;
      return set_minutes_string(m, *t, path, value, type, ctx);
    }
    return unknown_path(path);
  }
  if (id == "absent" && s.size() == 3 && s[1].index && !s[2].index) {
    if (*s[1].index >= m.absent.size()) return unknown_path(path);
    AbsentMember& a = m.absent[*s[1].index];
    if (s[2].key == "name") return set_minutes_string(m, a.name, path, value, FieldType::text, ctx);
    if (s[2].key == "reason") return set_minutes_string(m, a.reason, path, value, FieldType::text, ctx);
    if (s[2].key == "opinion") return set_minutes_string(m, a.opinion, path, value, FieldType::text, ctx);
    return unknown_path(path);
  }
  if (id == "votes" && s.size() == 4 && !s[1].index && !s[2].index && !s[3].index) {
    const std::string& dossier_id = s[2].key;
    const std::string& member = s[3].key;
    if (member != "for" && member != "against" && member != "award_form") return unknown_path(path);
    Vote* v = m.vote_for(dossier_id);
    Vote scratch{dossier_id, "", 0, 0};
    Vote& target = v ? *v : scratch;
    Outcome<bool> r = member == "award_form"
                          ? set_minutes_string(m, target.award_form, path, value, FieldType::text, ctx)
                          : set_minutes_int(m, member == "for" ? target.votes_for : target.votes_against,
                                            path, value, ctx);
    if (r && *r && !v) m.votes.push_back(std::move(scratch));
    return r;
  }
  return unknown_path(path);
}

Outcome<std::size_t> add_row(Minutes& m, std::string_view rows_path, const EditContext& ctx) {
  if (rows_path != "minutes.absent") return unknown_path(rows_path);
  m.absent.push_back({});
  std::size_t i = m.absent.size() - 1;
  commit(m, ctx, {row_path(rows_path, i), nullptr, json::object()});
  return i;
}

Outcome<bool> remove_row(Minutes& m, std::string_view rows_path, std::size_t index,
                         const EditContext& ctx) {
  if (rows_path != "minutes.absent") return unknown_path(rows_path);
  if (index >= m.absent.size())
    return refuse(rows_path, {"Không có dòng " + std::to_string(index + 1) + ".", "There is no row " + std::to_string(index + 1) + "."});
  json old = {{"name", m.absent[index].name}, {"reason", m.absent[index].reason}, {"opinion", m.absent[index].opinion}};
  m.absent.erase(m.absent.begin() + static_cast<std::ptrdiff_t>(index));
  commit(m, ctx, {row_path(rows_path, index), std::move(old), nullptr});
  return true;
}

Outcome<bool> remove_vote(Minutes& m, std::string_view dossier_id, const EditContext& ctx) {
  auto it = std::find_if(m.votes.begin(), m.votes.end(), [&](const Vote& v) { return v.dossier_id == dossier_id; });
  if (it == m.votes.end()) return false;
  json old = {{"award_form", it->award_form}, {"for", it->votes_for}, {"against", it->votes_against}};
  m.votes.erase(it);
  commit(m, ctx, {"minutes.votes." + std::string(dossier_id), std::move(old), nullptr});
  return true;
}

}  // namespace hoso
