#pragma once
// The app's state behind the screens: the library (campaigns, templates), the workspace and its
// store, the findings, where the person is (navigation), and every change the screens make, so
// that each edit is audited, marked for saving and reflected in the findings.
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/platform.hpp"
#include "core/edit.hpp"
#include "core/library.hpp"
#include "core/validation.hpp"
#include "core/workspace.hpp"
#include "store/workspace_store.hpp"

namespace hoso::app {

class Secretariat;

enum class Screen {
  dashboard,
  dossiers,
  dossier,    // the editor of nav.dossier_id
  minutes,
  package_export,
  package_import,
  settings,
  intake,     // secretariat
  registry,   // secretariat
  council,    // secretariat
};

struct Navigation {
  Screen screen = Screen::dashboard;
  std::string dossier_id;    // the dossier open in the editor
  std::string focus_path;    // a finding was chosen: scroll to this widget and focus it
  std::string open_section;  // the editor section to open ("nominee", "report", …)
  int focus_frames = 0;      // frames left to try to reach focus_path
};

// A message shown to the person until dismissed or replaced (errors, confirmations of actions).
struct Toast {
  enum class Kind { info, success, warning, error } kind = Kind::info;
  std::string text;
  Millis until = 0;
};

class Session {
 public:
  explicit Session(Platform& platform);
  ~Session();

  // Loads the built-in library and the stored workspace. Returns false only when the library
  // itself is broken (a build error the tests rule out).
  bool start();

  Platform& platform() { return platform_; }
  const Library& library() const { return library_; }
  const Campaign& campaign() const { return *campaign_; }
  const Workspace& workspace() const { return ws_; }
  Settings& settings() { return ws_.settings; }
  const std::vector<store::BrokenRecord>& broken_records() const { return broken_; }
  store::WorkspaceStore& store() { return store_; }
  bool read_only() const;

  Date today();
  Millis now() { return platform_.now(); }
  EditContext edit_context();

  // Findings of the whole workspace, recomputed when something changed (at most every 250 ms
  // while typing, at once when asked with fresh=true).
  const std::vector<Finding>& findings(bool fresh = false);
  uint64_t revision() const { return revision_; }
  // Changes each time the findings are computed anew (they are throttled while typing).
  uint64_t findings_revision() const { return findings_revision_; }

  // ---- changes (each marks the record dirty, schedules a save and bumps the revision) ----
  Dossier* dossier(std::string_view id) { return ws_.dossier(id); }
  Outcome<bool> set(Dossier& d, std::string_view path, const nlohmann::json& value);
  Outcome<bool> set_kind(Dossier& d, NomineeKind kind);
  Outcome<bool> set(Minutes& m, std::string_view path, const nlohmann::json& value);
  void touched(const Dossier& d);   // after an edit made through edit.hpp directly
  void touched(const Minutes& m);
  void settings_changed();

  Dossier& create_dossier(NomineeKind kind, std::string_view award_form);
  Dossier& duplicate(const Dossier& source);
  // Removes the dossier; undo_delete() brings it back while the toast offering it is shown.
  void delete_dossier(std::string_view id);
  bool can_undo_delete() const { return deleted_.has_value(); }
  void undo_delete();
  Minutes& unit_minutes();  // this unit's minutes, created on first use

  // Writes every dirty record to the store (the platform then syncs to IndexedDB).
  void flush();
  void save_now();
  // Replaces the workspace wholesale (backup restore, developer hook); everything is rewritten.
  void replace_workspace(Workspace w);
  // Takes a workspace made from this one by a whole-workspace step (an export marks its dossiers
  // exported and advances the history; an import adds and replaces dossiers and minutes): what
  // differs is marked dirty and saved, what is gone goes to the trash, and the person stays where
  // they are.
  void update_workspace(Workspace w);
  void reload_from_store();

  std::string new_id();

  // The secretariat's register and what its screens change (secretariat_session.hpp), read from
  // the store on first use; flush() writes it with the workspace. Only in the full edition
  // (edition.hpp): the unit's edition does not link it.
  Secretariat& secretariat();
  bool has_secretariat() const { return secretariat_ != nullptr; }

  Navigation nav;
  std::vector<Toast> toasts;
  void toast(Toast::Kind kind, std::string text, int seconds = 6);

 private:
  // Deletes stored attachments nothing refers to (WorkspaceStore::collect_garbage).
  void collect_garbage();
  void changed();
  void coalesce_audit(std::vector<AuditEntry>& audit);

  Platform& platform_;
  Library library_;
  const Campaign* campaign_ = nullptr;
  Workspace ws_;
  bool garbage_collected_ = false;  // unreferenced blobs deleted this session (see collect_garbage)
  std::vector<store::BrokenRecord> broken_;
  store::WorkspaceStore store_;
  std::vector<Finding> findings_;
  uint64_t revision_ = 1, findings_revision_ = 0;
  Millis findings_time_ = 0;
  std::optional<std::pair<Dossier, size_t>> deleted_;
  std::shared_ptr<Secretariat> secretariat_;  // shared: its deleter lives with the full edition
};

}  // namespace hoso::app
