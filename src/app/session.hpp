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

#include "app/message.hpp"
#include "app/platform.hpp"
#include "core/campaigns.hpp"
#include "core/edit.hpp"
#include "core/library.hpp"
#include "core/package.hpp"
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
  awards,     // secretariat: the authorities' decisions
  campaigns,  // secretariat: the campaigns it writes and publishes
};

// The screen's name for tests and logs (hoso.state().screen): "dashboard", "dossier", …
const char* screen_name(Screen screen);

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
  Message message;  // put into words when drawn (strings.hpp: say)
  Millis until = 0;
};

// A campaign file read and checked, waiting for the person's word (the confirmation dialog).
struct PendingCampaign {
  std::string file_name;
  CampaignFile file;
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
  const Settings& settings() const { return ws_.settings; }
  const std::vector<store::BrokenRecord>& broken_records() const { return broken_; }
  // For the app layer only (the screens change the model through the methods below).
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

  const Dossier* dossier(std::string_view id) const { return ws_.dossier(id); }
  // This unit's minutes (or the workspace's first), null until the first change creates them.
  const Minutes* unit_minutes() const;
  // An attachment's bytes, read from the store.
  Outcome<std::string> attachment_bytes(std::string_view sha256);

  // ---- every change the unit's screens make: the one door ----
  // Each one refuses in a read-only tab (another tab owns the workspace): it changes nothing,
  // toasts why and returns that reason. Otherwise it applies the change with an audit entry,
  // marks the record dirty, schedules a save, bumps the revision and returns what it did (false
  // when the value was already there). A dossier is named by the one the screen shows; the
  // change applies to the workspace's copy with that id.
  Outcome<bool> set(const Dossier& d, std::string_view path, const nlohmann::json& value);
  Outcome<bool> set_kind(const Dossier& d, NomineeKind kind);
  Outcome<std::size_t> add_row(const Dossier& d, std::string_view rows_path);  // the new row's index
  Outcome<bool> move_row(const Dossier& d, std::string_view rows_path, std::size_t from, std::size_t to);
  Outcome<bool> remove_row(const Dossier& d, std::string_view rows_path, std::size_t index);
  // The unit's own status steps: draft -> ready (refused while the dossier has errors), ready -> draft.
  Outcome<bool> change_status(const Dossier& d, Status to);
  // Stores the bytes, then lists the file on the dossier; the attachment's name as kept.
  Outcome<std::string> add_attachment(const Dossier& d, std::string_view name, std::string_view mime,
                                      std::string_view bytes);
  Outcome<bool> remove_attachment(const Dossier& d, std::string_view attachment_id);
  // The new dossier's id.
  Outcome<std::string> create_dossier(NomineeKind kind, std::string_view award_form);
  Outcome<std::string> duplicate(const Dossier& source);
  // Removes the dossier; undo_delete() brings it back while the toast offering it is shown.
  Outcome<Done> delete_dossier(std::string_view id);
  bool can_undo_delete() const { return deleted_.has_value(); }
  Outcome<Done> undo_delete();
  // The unit's minutes, created by their first change.
  Outcome<bool> set_minutes(std::string_view path, const nlohmann::json& value);
  Outcome<std::size_t> add_minutes_row(std::string_view rows_path);
  Outcome<bool> remove_minutes_row(std::string_view rows_path, std::size_t index);
  Outcome<bool> remove_vote(std::string_view dossier_id);
  // The settings screen's edited copy; false when nothing differed.
  Outcome<bool> change_settings(const Settings& edited);
  // A record's previous version made current again (a notice about a damaged record), then
  // reloaded and saved.
  Outcome<Done> restore_previous(std::string_view record_name);
  // An unreadable settings or register record, held until now, set aside for a fresh one.
  Outcome<Done> start_over(std::string_view record_name);
  // Whether a record is one of those held while unreadable (the settings, a register's head).
  static bool held_while_unreadable(std::string_view record_name);
  // What the workspace takes on this device (records, attachments, trash, quarantine).
  std::optional<store::Usage> storage_usage();
  // The trash let go for good (removed dossiers, a workspace a restore replaced), when space is
  // short. Quarantined files stay: they may be all that is left of something.
  Outcome<Done> empty_trash();
  // A dossier as a whole-dossier step made it (a return note applied to a copy).
  Outcome<Done> replace_dossier(Dossier d);

  // Writes every dirty record to the store (the platform then syncs to IndexedDB).
  void flush();
  void save_now();
  // Replaces the workspace wholesale (backup restore, developer hook); everything is rewritten.
  Outcome<Done> replace_workspace(Workspace w);
  // Takes a workspace made from this one by a whole-workspace step (an export marks its dossiers
  // exported and advances the history; an import adds and replaces dossiers and minutes): what
  // differs is marked dirty and saved, what is gone goes to the trash, and the person stays where
  // they are.
  Outcome<Done> update_workspace(Workspace w);
  // The unit's export: the package of `dossier_ids` (each ready or exported) with the person to
  // contact, built and verified (core build_package), offered as a download, and the workspace
  // advanced (the dossiers marked exported, the history at this revision), saved at once. Refused
  // in a read-only tab, before anything is built. The result has no workspace (it is the
  // session's now).
  Outcome<BuiltPackage> export_package(std::vector<std::string> dossier_ids, const Contact& contact);
  void reload_from_store();

  std::string new_id();

  // ---- campaigns (core/campaigns.hpp): the built-in ones and the files the person accepted ----
  // Reads a campaign file and checks it as accepting it would; nothing changes. The preview the
  // person confirms shows what it returns.
  Outcome<CampaignFile> read_campaign_file(std::string_view file_name, std::string_view bytes) const;
  // Adds it to the workspace, saved at once, and makes it the active campaign.
  Outcome<Done> accept_campaign(const CampaignFile& file);
  // Adds it to the workspace without making it active or leaving the screen (the secretariat's
  // own published campaign: it holds what it sent, and its next correction is the next version).
  Outcome<Done> hold_campaign(const CampaignFile& file);
  bool switch_campaign(std::string_view id);
  std::vector<CampaignSummary> campaign_summaries();
  CampaignState campaign_state(const Campaign& c);
  // The dossiers and minutes of a closed campaign are read-only (still printable).
  bool campaign_closed(std::string_view campaign_id);  // closed or archived: its work is read-only
  // Closes, archives or reopens (no mark) a campaign in this workspace (core mark_campaign).
  bool mark_campaign(std::string_view id, std::optional<CampaignMark> mark);

  // The secretariat's register and what its screens change (secretariat_session.hpp), read from
  // the store on first use; flush() writes it with the workspace. Only in the full edition
  // (edition.hpp): the unit's edition does not link it.
  Secretariat& secretariat();
  bool has_secretariat() const { return secretariat_ != nullptr; }

  Navigation nav;
  std::optional<PendingCampaign> pending_campaign;
  std::vector<Toast> toasts;
  void toast(Toast::Kind kind, Message message, int seconds = 6);

 private:
  // The reason a read-only tab refuses a change, toasted; nullopt when this tab may write.
  std::optional<DataError> refusal();
  // The same, and a refusal when that campaign is closed (its work is kept as it was sent).
  std::optional<DataError> refusal(std::string_view campaign_id);
  // The same for a change to a dossier's content, and a refusal while it is as it was sent to the
  // secretariat: a stray keystroke must not quietly turn a sent dossier back into a draft. The
  // person reopens it first (change_status to draft, after the editor asks).
  std::optional<DataError> refusal(const Dossier& shown);
  void use_active_campaign();
  Dossier* writable(const Dossier& d);
  Minutes& writable_minutes();
  void touched(const Dossier& d);
  void touched(const Minutes& m);
  // Deletes stored attachments nothing refers to (WorkspaceStore::collect_garbage).
  void collect_garbage();
  void changed();
  void coalesce_audit(std::vector<AuditEntry>& audit);

  Platform& platform_;
  Library builtin_;  // compiled in; library_ adds the workspace's campaigns to it
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
  struct SecretariatDeleter {
    void operator()(Secretariat* sec) const;  // destroy_secretariat (edition.hpp)
  };
  std::unique_ptr<Secretariat, SecretariatDeleter> secretariat_;
};

// A change's result, for a screen with nothing else to do with it: a refusal or a failure is
// toasted (the session toasts its own refusals already: the same words again change nothing).
// True when the change was made.
template <class T>
bool report(Session& s, const Outcome<T>& result) {
  if (!result) s.toast(Toast::Kind::error, Message::error(result.error()));
  return result.ok();
}

}  // namespace hoso::app
