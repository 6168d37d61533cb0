#pragma once
// Internal: reading untrusted JSON into typed values. A Reader remembers the first problem with
// its JSON path ("award_forms[0].rules[1].quota") and then ignores further reads, so loaders read
// straight through and check once at the end. Never throws. Strings are NFC-normalised.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/date.hpp"

namespace hoso {
struct AuditEntry;
}

namespace hoso::json_in {

using nlohmann::json;

std::string member_path(std::string_view parent, std::string_view key);  // "a.b" or "b"
std::string index_path(std::string_view parent, std::size_t i);          // "a[3]"

// “x” in Vietnamese quotation marks, for messages.
std::string in_quotes(std::string_view s);

class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  bool ok() const { return !error_; }
  const std::optional<DataError>& error() const { return error_; }
  DataError take_error() const { return *error_; }
  // Records a problem (the first one wins); returns false so callers can `return r.fail(...)`.
  bool fail(std::string path, Bilingual what);

  // The value must be an object / array; false (and recorded) if not.
  bool expect_object(const json& j, std::string_view path);
  bool expect_array(const json& j, std::string_view path);

  // A member of an object: nullptr when absent (recorded if required) or when `obj` is no object.
  const json* member(const json& obj, std::string_view path, std::string_view key, bool required);

  // Typed members. Absent optional members leave `out` unchanged and return true. A JSON null is
  // treated as absent.
  bool str(const json& obj, std::string_view path, std::string_view key, std::string& out,
           bool required = true);
  bool integer(const json& obj, std::string_view path, std::string_view key, int& out,
               bool required = true);
  bool int64(const json& obj, std::string_view path, std::string_view key, int64_t& out,
             bool required = true);
  bool opt_integer(const json& obj, std::string_view path, std::string_view key,
                   std::optional<int>& out);
  bool number(const json& obj, std::string_view path, std::string_view key, double& out,
              bool required = true);
  bool opt_number(const json& obj, std::string_view path, std::string_view key,
                  std::optional<double>& out);
  bool boolean(const json& obj, std::string_view path, std::string_view key, bool& out,
               bool required = true);
  bool date(const json& obj, std::string_view path, std::string_view key, Date& out,
            bool required = true);
  bool instant(const json& obj, std::string_view path, std::string_view key, Millis& out,
               bool required = true);
  // "<stem>_vi" and "<stem>_en". When required, both must be non-empty strings.
  bool bilingual(const json& obj, std::string_view path, std::string_view stem, Bilingual& out,
                 bool required = true);
  // "format" (when given) and "format_version": the file must be of this kind and version.
  bool format(const json& obj, std::string_view expected_format, int expected_version);

  // A value that must be a string (the value itself, not a member).
  bool string_value(const json& v, std::string_view path, std::string& out);

 private:
  std::string file_;
  std::optional<DataError> error_;
};

// The audit trail under "audit" (dossiers and minutes); defined in dossier.cpp.
std::vector<AuditEntry> read_audit(Reader& r, const json& obj);

// Messages shared by loaders.
Bilingual msg_missing(std::string_view key);
Bilingual msg_type(std::string_view expected_vi, std::string_view expected_en);
Bilingual msg_invalid_value(std::string_view value, std::string_view allowed);
Bilingual msg_duplicate_id(std::string_view id);

}  // namespace hoso::json_in
