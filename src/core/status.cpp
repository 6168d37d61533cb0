#include "core/status.hpp"

#include <string>

namespace hoso {

namespace {
constexpr std::string_view kNames[] = {"draft",    "ready",    "exported", "received",   "eligible",
                                       "returned", "proposed", "awarded",  "not_awarded"};

struct Edge {
  Status from, to;
  Role role;
};
// The whole state machine. Anything not listed is refused.
constexpr Edge kEdges[] = {
    {Status::draft, Status::ready, Role::unit},
    {Status::ready, Status::draft, Role::unit},
    {Status::ready, Status::exported, Role::unit},
    {Status::exported, Status::draft, Role::unit},
    {Status::exported, Status::received, Role::secretariat},
    {Status::received, Status::eligible, Role::secretariat},
    {Status::received, Status::returned, Role::secretariat},
    {Status::eligible, Status::proposed, Role::secretariat},
    {Status::eligible, Status::returned, Role::secretariat},
    {Status::eligible, Status::received, Role::secretariat},
    {Status::returned, Status::received, Role::secretariat},
    {Status::proposed, Status::awarded, Role::secretariat},
    {Status::proposed, Status::not_awarded, Role::secretariat},
    {Status::proposed, Status::eligible, Role::secretariat},
    {Status::awarded, Status::proposed, Role::secretariat},
    {Status::not_awarded, Status::proposed, Role::secretariat},
};
}  // namespace

std::string_view to_string(Status s) { return kNames[static_cast<int>(s)]; }

std::optional<Status> status_from_string(std::string_view s) {
  for (Status st : kAllStatuses)
    if (to_string(st) == s) return st;
  return std::nullopt;
}

Bilingual status_label(Status s) {
  switch (s) {
    case Status::draft: return {"Nháp", "Draft"};
    case Status::ready: return {"Sẵn sàng", "Ready"};
    case Status::exported: return {"Đã gửi", "Sent"};
    case Status::received: return {"Đã nhận", "Received"};
    case Status::eligible: return {"Hợp lệ", "Eligible"};
    case Status::returned: return {"Trả lại", "Returned"};
    case Status::proposed: return {"Hội đồng đề nghị", "Proposed by the council"};
    case Status::awarded: return {"Được khen thưởng", "Awarded"};
    case Status::not_awarded: return {"Không được khen thưởng", "Not awarded"};
  }
  return {};
}

bool is_unit_status(Status s) {
  return s == Status::draft || s == Status::ready || s == Status::exported;
}

bool is_live(Status s) { return s != Status::returned && s != Status::not_awarded; }

std::string_view to_string(Role r) { return r == Role::unit ? "unit" : "secretariat"; }

std::optional<Role> role_from_string(std::string_view s) {
  if (s == "unit") return Role::unit;
  if (s == "secretariat") return Role::secretariat;
  return std::nullopt;
}

std::optional<Bilingual> refuse_transition(Status from, Status to, Role role) {
  const Bilingual f = status_label(from), t = status_label(to);
  if (from == to)
    return Bilingual{"Hồ sơ đã ở trạng thái “" + f.vi + "”.", "The dossier is already “" + f.en + "”."};
  for (const Edge& e : kEdges) {
    if (e.from != from || e.to != to) continue;
    if (e.role == role) return std::nullopt;
    if (e.role == Role::secretariat)
      return Bilingual{"Chỉ Văn phòng Sở (bộ phận thường trực) mới chuyển hồ sơ từ “" + f.vi + "” sang “" + t.vi + "”.",
                       "Only the secretariat moves a dossier from “" + f.en + "” to “" + t.en + "”."};
    return Bilingual{"Chỉ đơn vị lập hồ sơ mới chuyển hồ sơ từ “" + f.vi + "” sang “" + t.vi + "”.",
                     "Only the unit that prepares the dossier moves it from “" + f.en + "” to “" + t.en + "”."};
  }
  return Bilingual{"Không thể chuyển hồ sơ từ “" + f.vi + "” sang “" + t.vi + "”.",
                   "A dossier cannot go from “" + f.en + "” to “" + t.en + "”."};
}

}  // namespace hoso
