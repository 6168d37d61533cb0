// Importing a verified package into a unit's workspace: what would happen, then doing it. Pure
// functions of their arguments; the caller stores the result. See package.hpp.
#include <set>
#include <utility>

#include "core/json_in.hpp"
#include "core/package.hpp"

namespace hoso {

using json_in::in_quotes;

namespace {

std::string minutes_label(const Minutes& m) {
  if (auto d = parse_iso_date(m.date)) return to_display(*d);
  return m.date.empty() ? m.id : m.date;
}

// For each incoming item: added, the same as the workspace's copy, or replacing it.
template <class T, class Find, class Label>
std::vector<ItemImport> plan_items(const std::vector<T>& incoming, Find find, Label label, Millis package_time) {
  std::vector<ItemImport> out;
  for (const T& item : incoming) {
    const T* local = find(item.id);
    ItemImport i{item.id, label(item), ItemAction::add, false};
    if (local) {
      i.action = *local == item ? ItemAction::unchanged : ItemAction::replace;
      i.local_changed_after = i.action == ItemAction::replace && local->updated > package_time;
    }
    out.push_back(std::move(i));
  }
  return out;
}

// Puts each incoming item in place of the workspace's copy (or appends it); true if any changed.
template <class T, class Find>
bool put_items(const std::vector<T>& incoming, std::vector<T>& items, Find find) {
  bool changed = false;
  for (const T& item : incoming) {
    T* local = find(item.id);
    if (local && *local == item) continue;
    if (local) *local = item;
    else items.push_back(item);
    changed = true;
  }
  return changed;
}

std::string when(std::optional<Millis> t) {
  return t ? to_display_vietnam(*t) : std::string("?");
}

}  // namespace

Outcome<ImportPlan> plan_import(const Workspace& w, const VerifiedPackage& p) {
  const PackageHeader& h = p.header;
  const bool empty = w.dossiers.empty() && w.minutes.empty();
  if (!empty && w.campaign_id != h.campaign.id)
    return DataError{p.file_name, "campaign.id",
                     {"Gói thuộc kế hoạch " + in_quotes(h.campaign.id) + ", còn dữ liệu đang làm là của kế hoạch " +
                          in_quotes(w.campaign_id) + ".",
                      "The package belongs to the campaign " + in_quotes(h.campaign.id) + ", the workspace to " +
                          in_quotes(w.campaign_id) + "."}};
  if (!w.settings.unit_id.empty() && w.settings.unit_id != h.sender.unit_id)
    return DataError{p.file_name, "sender.unit_id",
                     {"Gói của đơn vị " + in_quotes(h.sender.unit_name) + ", không phải của đơn vị đang làm (" +
                          in_quotes(w.settings.unit_name) + ").",
                      "The package is from the unit " + in_quotes(h.sender.unit_name) + ", not from this workspace's unit (" +
                          in_quotes(w.settings.unit_name) + ")."}};
  ImportPlan plan;
  plan.package_revision = h.revision;
  plan.package_time = h.created;
  const ExportHistory& history = w.exports;
  if (!history.last_package_id.empty() && history.last_package_id == h.id) {
    plan.local_revision = history.last_revision;
    plan.local_time = history.last_time;
    if (history.last_package_hash == h.content_hash) plan.kind = ImportKind::already_imported;
    else if (h.revision > history.last_revision) plan.kind = ImportKind::newer_revision;
    else plan.kind = ImportKind::conflict;
  }
  plan.dossiers = plan_items(p.dossiers, [&](std::string_view id) { return w.dossier(id); },
                             [](const Dossier& d) { return display_name(d.nominee); }, h.created);
  plan.minutes = plan_items(p.minutes, [&](std::string_view id) { return w.find_minutes(id); }, minutes_label, h.created);
  return plan;
}

Outcome<ImportResult> apply_import(const Workspace& w, const VerifiedPackage& p, bool overwrite_conflict) {
  auto plan = plan_import(w, p);
  if (!plan) return plan.error();
  const PackageHeader& h = p.header;
  if (plan->kind == ImportKind::conflict && !overwrite_conflict) {
    const std::string theirs = std::to_string(h.revision), ours = std::to_string(plan->local_revision);
    return DataError{p.file_name, "revision",
                     {"Xung đột: gói này là lần gửi " + theirs + " (lập " + to_display_vietnam(h.created) +
                          ") nhưng khác với lần gửi " + ours + " đã có (" + when(plan->local_time) +
                          ") của cùng gói. Không ghi đè; hãy chọn giữ bản nào.",
                      "Conflict: this package is revision " + theirs + " (made " + to_display_vietnam(h.created) +
                          ") but differs from revision " + ours + " already here (" + when(plan->local_time) +
                          ") of the same package. Nothing is overwritten; choose which to keep."}};
  }
  ImportResult out{w, false, {}};
  if (plan->kind == ImportKind::already_imported) return out;
  Workspace& n = out.workspace;
  if (n.dossiers.empty() && n.minutes.empty() && n.campaign_id != h.campaign.id) {
    n.campaign_id = h.campaign.id;
    out.changed = true;
  }
  if (n.settings.unit_id.empty()) {
    n.settings.unit_id = h.sender.unit_id;
    n.settings.unit_name = h.sender.unit_name;
    out.changed = true;
  }
  // Attachments of the dossiers taken in; before they change, so unchanged ones are not listed.
  std::set<std::string> listed;
  for (const Dossier& d : p.dossiers) {
    if (const Dossier* local = n.dossier(d.id); local && *local == d) continue;
    for (const Attachment& a : d.attachments)
      if (listed.insert(a.sha256).second) out.attachments_to_store.push_back(a.sha256);
  }
  out.changed |= put_items(p.dossiers, n.dossiers, [&](std::string_view id) { return n.dossier(id); });
  out.changed |= put_items(p.minutes, n.minutes, [&](std::string_view id) { return n.find_minutes(id); });
  // The history is the chain the next export continues: only a newer point of it replaces it.
  if (plan->kind == ImportKind::newer_revision || (plan->kind == ImportKind::new_package && n.exports.last_revision == 0)) {
    n.exports = ExportHistory{h.revision, h.id, h.content_hash, h.created};
    out.changed = true;
  }
  return out;
}

}  // namespace hoso
