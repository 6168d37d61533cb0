// Importing submission packages into this workspace: choose files (several at once) or drop them
// on the page; each is checked, then shows what it would change (new, a newer revision, already
// here, or a conflict with both revisions' dates) and waits for the person's word. The list is
// also the report: every file imported, skipped or refused, and why. The work is in
// package_actions.cpp; this draws it.
#include <string>

#include "app/package_actions.hpp"
#include "app/session.hpp"
#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {

using app::ImportFile;
namespace {

constexpr std::size_t kListedItems = 10;

std::string n(int v) { return std::to_string(v); }

std::string file_id(const ImportFile& f, std::string_view part = {}) {
  std::string id = "import.file." + n(f.seq);
  if (!part.empty()) (id += '.') += part;
  return id;
}

// One line per dossier the import replaces: people see whose work changes, and where work done
// here after the package was made would be lost.
void replaced_items(const std::vector<ItemImport>& items) {
  const Palette& p = palette();
  std::size_t shown = 0, replaced = 0;
  for (const ItemImport& i : items) {
    if (i.action != ItemAction::replace) continue;
    if (++replaced > kListedItems) continue;
    ++shown;
    std::string line = "• " + name_or_unnamed(i.label);
    if (i.local_changed_after) line += " — " + std::string(tr("import.changed_here"));
    colored_wrapped(i.local_changed_after ? p.warning : ImGui::GetColorU32(ImGuiCol_Text), line.c_str());
  }
  if (replaced > shown) muted(trf("findings.more", static_cast<long long>(replaced - shown)).c_str());
}

int count(const std::vector<ItemImport>& items, ItemAction a) {
  int c = 0;
  for (const ItemImport& i : items) c += i.action == a;
  return c;
}

void waiting(app::Session& s, const ImportFile& f) {
  const Palette& p = palette();
  const PackageHeader& h = f.package->header;
  const ImportPlan& plan = f.plan;
  ImGui::PushFont(fonts.small);
  muted(trf("import.package_line", {h.sender.unit_name, n(h.revision), to_display_vietnam(h.created)}).c_str());
  std::string contact = h.contact.name;
  for (const std::string* part : {&h.contact.phone, &h.contact.email})
    if (!part->empty()) contact += " · " + *part;
  muted(trf("import.contact", {contact}).c_str());
  ImGui::PopFont();
  spacer(0.2f);

  const std::string local_time = plan.local_time ? to_display_vietnam(*plan.local_time) : std::string("?");
  switch (plan.kind) {
    case ImportKind::new_package: noted(p.primary, tr("import.kind_new"), file_id(f)); break;
    case ImportKind::newer_revision:
      noted(p.primary, trf("import.kind_newer", {n(plan.package_revision), n(plan.local_revision)}).c_str(), file_id(f));
      break;
    case ImportKind::conflict:
      noted(p.error,
            trf("import.kind_conflict", {n(plan.package_revision), to_display_vietnam(plan.package_time),
                                         n(plan.local_revision), local_time})
                .c_str(),
            file_id(f));
      break;
    case ImportKind::already_imported: break;  // skipped when planned
  }
  const int add = count(plan.dossiers, ItemAction::add), replace = count(plan.dossiers, ItemAction::replace),
            same = count(plan.dossiers, ItemAction::unchanged);
  if (add) wrapped(trf("import.will_add", add).c_str());
  if (replace) {
    wrapped(trf("import.will_replace", replace).c_str());
    replaced_items(plan.dossiers);
  }
  if (same) muted(trf("import.unchanged", same).c_str());
  if (count(plan.minutes, ItemAction::add) + count(plan.minutes, ItemAction::replace) > 0) wrapped(tr("import.will_take_minutes"));
  for (const DataError& w : f.package->warnings) {
    ImGui::PushFont(fonts.small);
    colored_wrapped(p.warning, w.describe(language()).c_str());
    ImGui::PopFont();
  }
  spacer(0.3f);

  // The person's word. A conflict has no default: keep what is here, or take the file's content.
  const int seq = f.seq;
  ImGui::BeginDisabled(s.read_only());
  if (plan.kind == ImportKind::conflict) {
    if (button(tr("import.keep_local"), file_id(f, "keep"), ButtonKind::primary)) app::decline_import(seq, ImportFile::Skip::kept_local);
    if (!is_phone()) ImGui::SameLine();
    if (button(tr("import.overwrite"), file_id(f, "overwrite"), ButtonKind::danger)) app::accept_import(s, seq, true);
  } else {
    if (button(tr("import.accept"), file_id(f, "accept"), ButtonKind::primary)) app::accept_import(s, seq);
    ImGui::SameLine();
    if (button(tr("import.decline"), file_id(f, "decline"))) app::decline_import(seq, ImportFile::Skip::declined);
  }
  ImGui::EndDisabled();
}

void file_card(app::Session& s, const ImportFile& f) {
  const Palette& p = palette();
  begin_card(("##" + file_id(f, "card")).c_str());
  subheading(f.name.c_str());
  switch (f.state) {
    case ImportFile::State::waiting: waiting(s, f); break;
    case ImportFile::State::imported:
      noted(p.success, trf("import.imported", {n(f.added), n(f.replaced), n(f.minutes)}).c_str(), file_id(f));
      break;
    case ImportFile::State::skipped: {
      const char* key = f.skip == ImportFile::Skip::already_imported ? "import.already_imported"
                        : f.skip == ImportFile::Skip::kept_local     ? "import.kept_local"
                                                                     : "import.declined";
      noted(p.muted, tr(key), file_id(f));
      break;
    }
    case ImportFile::State::refused: {
      const std::string why = f.why_key ? trf(f.why_key, {f.name}) : tr(f.why);
      noted(p.error, trf("import.refused", {why}).c_str(), file_id(f));
      break;
    }
  }
  end_card();
}

}  // namespace

void import_screen(app::Session& s) {
  app::refresh_import_plans(s);
  // A unit reaches this screen from "Gửi hồ sơ"; the secretariat has it in its navigation.
  if (s.workspace().settings.role == Role::unit && button(tr("import.back"), "import.back", ButtonKind::subtle)) {
    s.nav.screen = app::Screen::package_export;
    return;
  }
  heading(tr("import.title"));
  muted(tr("import.help"));
  spacer(0.3f);
  ImGui::BeginDisabled(s.read_only());
  if (button(tr("import.choose"), "import.choose", ButtonKind::primary)) app::choose_package_files(s);
  ImGui::EndDisabled();
  small_muted(tr(is_phone() ? "import.limits" : "import.limits_drop"));
  spacer(0.5f);

  bool finished = false;
  for (const ImportFile& f : app::import_files()) {
    file_card(s, f);
    finished |= f.state != ImportFile::State::waiting;
  }
  if (finished && button(tr("import.clear"), "import.clear", ButtonKind::subtle)) app::clear_finished_imports();
}

}  // namespace hoso::ui
