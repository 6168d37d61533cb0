#pragma once
// The campaigns and templates the app knows: the built-in ones compiled from assets/, plus any a
// user imports. Loading never throws and never leaves a half-loaded campaign: a file is read whole
// into a value, checked, and only then added.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"
#include "core/report_template.hpp"

namespace hoso {

// Parsing one file. `file_name` only labels errors ("32-KH-SNgV.json"). The hash is SHA-256 of
// the canonical JSON of the file's content, so white space and key order do not change it.
Outcome<Campaign> load_campaign(std::string_view file_name, std::string_view text);
Outcome<ReportTemplate> load_template(std::string_view file_name, std::string_view text);
// The same from JSON already parsed (e.g. a campaign embedded in a package).
// Campaign and template files are small; anything bigger is not one of them.
inline constexpr std::size_t kCampaignFileMaxBytes = std::size_t{4} << 20;
Outcome<Campaign> campaign_from_json(std::string_view file_name, const nlohmann::json& j);
Outcome<ReportTemplate> template_from_json(std::string_view file_name, const nlohmann::json& j);

class Library {
 public:
  const std::vector<Campaign>& campaigns() const { return campaigns_; }
  const std::vector<ReportTemplate>& templates() const { return templates_; }

  const Campaign* campaign(std::string_view id) const;
  const ReportTemplate* find_template(std::string_view id) const;
  // The template a campaign names for this document and nominee kind; nullptr if missing.
  const ReportTemplate* template_for(const Campaign& c, DocumentKind doc, NomineeKind kind) const;

  // Adding: a template or campaign with a new id is added; a higher version of a known id replaces
  // it; the same version with the same hash is accepted and changes nothing; anything else (an
  // older version, or the same version with other content) is refused. A campaign must name only
  // templates the library holds, of the right document and nominee kind.
  Outcome<Done> add(ReportTemplate t);
  Outcome<Done> add(Campaign c);

  // A user's file: parse, check, add. Errors name the file.
  Outcome<Done> import_campaign(std::string_view file_name, std::string_view text);
  Outcome<Done> import_template(std::string_view file_name, std::string_view text);

 private:
  std::vector<Campaign> campaigns_;
  std::vector<ReportTemplate> templates_;
};

// Every template and campaign compiled into the program (assets/templates, assets/campaigns).
// Fails only if a shipped file is broken, which the tests rule out.
Outcome<Library> load_builtin_library();

}  // namespace hoso
