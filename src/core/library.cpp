#include "core/library.hpp"

#include "core/assets.hpp"
#include "core/canonical_json.hpp"
#include "core/json_in.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;

namespace {

constexpr ParseLimits kDataFileLimits{kCampaignFileMaxBytes, 32, std::size_t{1} << 20};

Outcome<json> parse_file(std::string_view file_name, std::string_view text) {
  ParseResult p = parse_untrusted_json(text, kDataFileLimits);
  if (!p.ok())
    return DataError{std::string(file_name), p.error->json_path_or_offset,
                     {"Tệp JSON không đọc được: " + p.error->message_vi,
                      "The JSON file cannot be read: " + p.error->message_en}};
  return std::move(p.value);
}

DataError conflict(std::string_view what_vi, std::string_view what_en, std::string_view id, int have,
                   int got) {
  std::string h = std::to_string(have), g = std::to_string(got);
  if (got == have)
    return {"", "version",
            {std::string(what_vi) + " " + in_quotes(id) + " phiên bản " + g +
                 " đã có với nội dung khác; hãy tăng số phiên bản.",
             std::string(what_en) + " " + in_quotes(id) + " version " + g +
                 " is already loaded with other content; raise the version number."}};
  return {"", "version",
          {std::string(what_vi) + " " + in_quotes(id) + " phiên bản " + g + " cũ hơn phiên bản " + h +
               " đang dùng.",
           std::string(what_en) + " " + in_quotes(id) + " version " + g +
               " is older than the loaded version " + h + "."}};
}

// Adds or replaces by id under the versioning rule in library.hpp.
template <class T>
Outcome<Done> add_versioned(std::vector<T>& items, T item, std::string_view what_vi,
                            std::string_view what_en) {
  for (auto& existing : items) {
    if (existing.id != item.id) continue;
    if (existing.version == item.version && existing.hash == item.hash) return Done{};
    if (item.version <= existing.version)
      return conflict(what_vi, what_en, item.id, existing.version, item.version);
    existing = std::move(item);
    return Done{};
  }
  items.push_back(std::move(item));
  return Done{};
}

}  // namespace

Outcome<Campaign> load_campaign(std::string_view file_name, std::string_view text) {
  auto j = parse_file(file_name, text);
  if (!j) return j.error();
  return campaign_from_json(file_name, *j);
}

Outcome<ReportTemplate> load_template(std::string_view file_name, std::string_view text) {
  auto j = parse_file(file_name, text);
  if (!j) return j.error();
  return template_from_json(file_name, *j);
}

const Campaign* Library::campaign(std::string_view id) const {
  for (const auto& c : campaigns_)
    if (c.id == id) return &c;
  return nullptr;
}

const ReportTemplate* Library::find_template(std::string_view id) const {
  for (const auto& t : templates_)
    if (t.id == id) return &t;
  return nullptr;
}

const ReportTemplate* Library::template_for(const Campaign& c, DocumentKind doc,
                                            NomineeKind kind) const {
  const DocumentSpec* spec = c.document(doc);
  return spec ? find_template(spec->template_for(kind)) : nullptr;
}

Outcome<Done> Library::add(ReportTemplate t) {
  return add_versioned(templates_, std::move(t), "Mẫu", "Template");
}

Outcome<Done> Library::add(Campaign c) {
  // A campaign may name only templates we hold, for the right document and nominee kind, so a
  // dossier under it can always be rendered and checked.
  for (std::size_t i = 0; i < c.documents.size(); ++i) {
    const DocumentSpec& d = c.documents[i];
    for (NomineeKind k : {NomineeKind::collective, NomineeKind::individual}) {
      if (!c.kind_spec(k)) continue;
      const std::string& tid = d.template_for(k);
      std::string path = "documents[" + std::to_string(i) + "].template_" + std::string(to_string(k));
      const ReportTemplate* t = find_template(tid);
      if (!t)
        return DataError{"", path,
                         {"Không có mẫu " + in_quotes(tid) + "; hãy nạp mẫu trước khi nạp đợt thi đua.",
                          "There is no template " + in_quotes(tid) + "; load it before the campaign."}};
      if (t->document != d.kind || !t->accepts(k))
        return DataError{"", path,
                         {"Mẫu " + in_quotes(tid) + " không dùng được cho tài liệu " +
                              in_quotes(to_string(d.kind)) + " của " + in_quotes(to_string(k)) + ".",
                          "The template " + in_quotes(tid) + " does not fit the document " +
                              in_quotes(to_string(d.kind)) + " for " + in_quotes(to_string(k)) + "."}};
    }
  }
  return add_versioned(campaigns_, std::move(c), "Đợt thi đua", "Campaign");
}

namespace {
Outcome<Done> with_file(Outcome<Done> r, std::string_view file_name) {
  if (r) return r;
  DataError e = r.error();
  e.file = std::string(file_name);
  return e;
}
}  // namespace

Outcome<Done> Library::import_campaign(std::string_view file_name, std::string_view text) {
  auto c = load_campaign(file_name, text);
  if (!c) return c.error();
  return with_file(add(std::move(c).value()), file_name);
}

Outcome<Done> Library::import_template(std::string_view file_name, std::string_view text) {
  auto t = load_template(file_name, text);
  if (!t) return t.error();
  return with_file(add(std::move(t).value()), file_name);
}

Outcome<Library> load_builtin_library() {
  Library lib;
  // Templates first: campaigns refer to them.
  for (std::string_view dir : {"templates/", "campaigns/"}) {
    for (const auto& a : assets::all()) {
      if (!a.name.starts_with(dir)) continue;
      Outcome<Done> r = dir == "templates/" ? lib.import_template(a.name, a.bytes)
                                            : lib.import_campaign(a.name, a.bytes);
      if (!r) return r.error();
    }
  }
  return lib;
}

}  // namespace hoso
