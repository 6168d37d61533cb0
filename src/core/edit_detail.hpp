#pragma once
// Internal to edit.cpp and minutes_edit.cpp, not API (the API is edit.hpp): what dossier and
// minutes edits share, so that both refuse, coerce and audit alike.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/date.hpp"
#include "core/dossier.hpp"
#include "core/edit.hpp"
#include "core/report_template.hpp"

namespace hoso::edit_detail {

inline DataError refuse(std::string_view path, Bilingual what) {
  return DataError{"", std::string(path), std::move(what)};
}

DataError unknown_path(std::string_view path);

struct Change {
  std::string path;
  nlohmann::json old_value, new_value;
};

inline void record(std::vector<AuditEntry>& audit, const EditContext& ctx, Millis t, Change c) {
  audit.push_back({t, ctx.author, std::move(c.path), std::move(c.old_value), std::move(c.new_value)});
}

// What the UI gives for a field of `type`, in the stored form. Null means "clear". Text stays as
// typed (NFC); dates become ISO when valid; numbers typed as text become numbers when they parse
// and are otherwise kept as typed, for validation to flag.
Outcome<nlohmann::json> coerce(FieldType type, const nlohmann::json& v, std::string_view path);

}  // namespace hoso::edit_detail
