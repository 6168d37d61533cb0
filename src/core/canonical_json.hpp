#pragma once
// Canonical JSON (the bytes that hashes are taken over) and a careful parser for JSON that comes
// from outside (imported packages, files on disk). Nothing here throws to the caller.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace hoso {

// The canonical text of a value: object keys sorted by their bytes (UTF-8 byte order = code point
// order), every string and key in NFC (invalid UTF-8 becomes U+FFFD), no insignificant white
// space, integers as integers, strings escaped as nlohmann::json::dump does (", \, \b \f \n \r \t,
// other control characters as \u00xx, everything else as raw UTF-8). Deeply nested values are
// written without recursion.
//
// Floating-point numbers are not used in our formats (amounts and counts are integers, dates are
// strings). If one appears it is written as nlohmann::json::dump writes it: deterministic for a
// given double, but not a cross-language canonical form such as RFC 8785's.
//
// If two keys of one object become equal under NFC, both members are written (ordered by their
// original bytes): canonical_dump cannot refuse, so run normalize_nfc_in_place (which reports such
// collisions) or parse_untrusted_json (which refuses them) first.
std::string canonical_dump(const nlohmann::json& j);

// A problem found in JSON: where it is and what is wrong, in Vietnamese and English.
struct JsonError {
  // A JSON path in the style of core/paths.hpp ("nominee.full_name", "report.targets[2]"; empty
  // for the document itself) or "byte N" (0-based offset into the input) for text-level problems.
  std::string json_path_or_offset;
  std::string message_vi;
  std::string message_en;
};

// Replaces every string and key by its NFC form, in place, without recursion. Keys that would
// become equal to another key of the same object cannot be merged: they are left unchanged and
// reported (one error per collision). Returns the collisions (empty when all went well).
std::vector<JsonError> normalize_nfc_in_place(nlohmann::json& j);

struct ParseLimits {
  std::size_t max_bytes = std::size_t{64} << 20;         // the whole input
  int max_depth = 64;                                    // nested arrays/objects; [] is depth 1
  std::size_t max_string_bytes = std::size_t{48} << 20;  // one string or key, after unescaping
};

struct ParseResult {
  nlohmann::json value;            // the document when ok()
  std::optional<JsonError> error;  // why it was refused otherwise
  bool ok() const { return !error.has_value(); }
};

// Parses JSON from outside. Refuses, with a message naming the byte offset or JSON path: input
// longer than max_bytes; invalid UTF-8; nesting deeper than max_depth (found by an iterative scan
// before parsing, so 100,000 '[' are refused quickly); a string or key longer than
// max_string_bytes; two keys of one object that are equal after NFC; syntax errors; anything after
// the value. A UTF-8 byte order mark at the start is ignored. Strings are returned as they are in
// the input (not normalised).
ParseResult parse_untrusted_json(std::string_view bytes, const ParseLimits& limits);

}  // namespace hoso
