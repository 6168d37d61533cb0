// The unit's package import: verify, plan, wait for the person's word, apply. See package_actions.hpp.
#include "app/package_actions.hpp"

#include <algorithm>

#include "app/session.hpp"

namespace hoso::app {
namespace {

std::vector<ImportFile> files;
int next_seq = 1;

Bilingual both(const DataError& e) { return {e.describe(Language::vi), e.describe(Language::en)}; }
// A refusal of the plan is about this workspace, not the file's data: its words only, without the
// file (the card's title) or the field's internal name.
Bilingual plain(const DataError& e) { return {e.what.in(Language::vi), e.what.in(Language::en)}; }

ImportFile* find(int seq) {
  auto it = std::find_if(files.begin(), files.end(), [&](const ImportFile& f) { return f.seq == seq; });
  return it == files.end() ? nullptr : &*it;
}

void refuse(ImportFile& f, Bilingual why) {
  f.state = ImportFile::State::refused;
  f.why = std::move(why);
  f.package.reset();  // its bytes are not needed any more
}

void skip(ImportFile& f, ImportFile::Skip why) {
  f.state = ImportFile::State::skipped;
  f.skip = why;
  f.package.reset();
}

// Plans `f` against the workspace as it is now; a package already there is skipped at once.
void plan(Session& s, ImportFile& f) {
  auto p = plan_import(s.workspace(), *f.package);
  if (!p) return refuse(f, plain(p.error()));
  f.plan = std::move(*p);
  f.planned_at = s.revision();
  if (f.plan.kind == ImportKind::already_imported) skip(f, ImportFile::Skip::already_imported);
}

int count(const std::vector<ItemImport>& items, ItemAction a) {
  return static_cast<int>(std::count_if(items.begin(), items.end(), [&](const ItemImport& i) { return i.action == a; }));
}

}  // namespace

const std::vector<ImportFile>& import_files() { return files; }

void choose_package_files(Session& s) {
  s.platform().pick_files(FilePurpose::package, ".json,application/json", true);
}

void on_package_file(Session& s, std::string_view name, std::string_view bytes, int index, int count) {
  (void)count;
  if (index == 0) clear_finished_imports();  // the report shows this batch (and what still waits)
  s.nav.screen = Screen::package_import;
  ImportFile& f = files.emplace_back();
  f.seq = next_seq++;
  f.name = std::string(name);
  if (s.read_only()) {
    refuse(f, {});
    f.why_key = "import.read_only";
    return;
  }
  auto v = verify_package(s.library(), name, bytes);
  if (!v) return refuse(f, both(v.error()));
  f.package = std::move(*v);
  plan(s, f);
  s.platform().request_frame();
}

void refresh_import_plans(Session& s) {
  for (ImportFile& f : files)
    if (f.state == ImportFile::State::waiting && f.package && f.planned_at != s.revision()) plan(s, f);
}

void accept_import(Session& s, int seq, bool overwrite_conflict) {
  ImportFile* f = find(seq);
  if (!f || f->state != ImportFile::State::waiting || !f->package) return;
  if (s.read_only()) return;
  if (f->planned_at != s.revision()) {  // what the person saw must be what happens
    plan(s, *f);
    return;
  }
  auto r = apply_import(s.workspace(), *f->package, overwrite_conflict);
  if (!r) return refuse(*f, both(r.error()));
  if (!r->changed) return skip(*f, ImportFile::Skip::already_imported);
  // The bytes first: a dossier never names a blob the store does not hold. A blob stored before
  // a later one fails is named by nothing and collected as garbage.
  for (const std::string& sha : r->attachments_to_store) {
    const PackageAttachment* a = f->package->attachment(sha);
    if (!a) continue;  // verify_package found every dossier's attachment in the package
    auto stored = s.store().put_attachment(sha, a->bytes);
    if (!stored)
      return refuse(*f, {f->name + ", " + a->name + ": " + stored.error().describe(Language::vi),
                         f->name + ", " + a->name + ": " + stored.error().describe(Language::en)});
  }
  // A read-only tab refuses: the file says why instead of reading as imported.
  if (auto updated = s.update_workspace(std::move(r->workspace)); !updated) return refuse(*f, updated.error().what);
  f->added = count(f->plan.dossiers, ItemAction::add);
  f->replaced = count(f->plan.dossiers, ItemAction::replace);
  f->minutes = static_cast<int>(f->plan.minutes.size()) - count(f->plan.minutes, ItemAction::unchanged);
  f->state = ImportFile::State::imported;
  f->package.reset();
  s.save_now();
}

void decline_import(int seq, ImportFile::Skip why) {
  if (ImportFile* f = find(seq); f && f->state == ImportFile::State::waiting) skip(*f, why);
}

void clear_finished_imports() {
  std::erase_if(files, [](const ImportFile& f) { return f.state != ImportFile::State::waiting; });
}

}  // namespace hoso::app
