#pragma once
// What store functions return: a value, or an error that says what went wrong, in which file, in
// Vietnamese and English, plus a kind the app can act on (a conflict asks the user; an I/O error
// offers a retry). Nothing in the store throws to its caller.
#include <string>
#include <utility>
#include <variant>

#include "core/bilingual.hpp"

namespace hoso::store {

enum class ErrorKind {
  invalid_name,    // a record or blob name the store does not accept
  invalid_data,    // data that cannot be written (not an object, bad UTF-8, too large)
  not_found,       // no such record, blob or previous version
  damaged,         // a file that does not parse or has a bad envelope
  too_new,         // written by a newer version of hoso: left alone, never overwritten
  conflict,        // sequence guard: someone wrote a newer version since we read it
  empty_over_data, // an empty state would replace a non-empty one
  blob_mismatch,   // a blob name already holds different bytes
  io,              // the file system refused (quota, permissions, a folder in the way…)
  simulated_crash, // a test's write hook stopped the write (see RecordStore::set_write_hook)
  backup_invalid,  // a backup file that fails verification
  plan_stale,      // the workspace changed between verify_backup and apply_backup
  held_unreadable, // a settings/register record that did not load: not overwritten until the person decides
};

struct Error {
  ErrorKind kind = ErrorKind::io;
  DataError detail;  // file (the record or blob name), JSON path when there is one, and what
  std::string describe(Language lang) const { return detail.describe(lang); }
};

template <class T>
using Result = Expected<T, Error>;

// What a store step that has nothing to return (a removal, a blob written) gives back. Not
// hoso::Status, a dossier's status.
using Completed = Result<Done>;

inline Error make_error(ErrorKind kind, std::string file, std::string vi, std::string en,
                        std::string path = {}) {
  return Error{kind, DataError{std::move(file), std::move(path), Bilingual{std::move(vi), std::move(en)}}};
}

}  // namespace hoso::store
