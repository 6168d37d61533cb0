#pragma once
// The unit's printable documents, built from the domain: the Form 08 achievement report of a
// dossier, its achievement summary, the unit's review minutes, and the cover sheet of a package.
// Render them with to_html (html.hpp) or to_docx (docx.hpp), alone or as a bundle.
//
// Rules they share: content comes from the dossier, minutes and campaign; an optional value that
// is empty is left out (a whole section when nothing in it is printed); a required value that is
// empty prints as a dotted blank. Where a document has its own date (the report's "date", the
// minutes' "date") that date is printed, blank if missing; otherwise the caller's `date` is used.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/campaign.hpp"
#include "core/documents/document.hpp"
#include "core/dossier.hpp"
#include "core/minutes.hpp"
#include "core/report_template.hpp"

namespace hoso::doc {

// The Form 08 report, drawn from `t` (the report template the dossier names, see
// Library::find_template(d.report_template.id)): each section and field in template order, bound
// fields read from the nominee, the template's place/date/signer fields used for the header and the
// signature blocks (collective: superior unit's head and unit head; individual: unit head and the
// reporting person).
Document achievement_report(const Dossier& d, const Campaign& c, const ReportTemplate& t);

// The achievement summary: the nominee's identity line and the summary text, with the report's
// place and date when set (else `date`) and the same signers as the report.
Document achievement_summary(const Dossier& d, const Campaign& c, const ReportTemplate& report, Date date);

// The unit's review minutes. `dossiers` supplies the names of the nominees voted on (a vote whose
// dossier is not there prints a blank name). Shares are of all members, as the law counts them.
Document review_minutes(const Minutes& m, const Campaign& c, std::span<const Dossier> dossiers);

// What a package holds, for its cover sheet: the paper and the file are matched by the hash.
struct PackageContents {
  std::string unit_name;
  std::string package_id;
  int revision = 0;             // the unit's sending number, 1, 2, …; 0: not printed
  std::string package_sha256;   // the package's content hash (package.hpp, BuiltPackage::content_hash)
  std::vector<const Dossier*> dossiers;
  const Minutes* minutes = nullptr;  // the unit's review minutes, if the package holds them
  Date date;                    // the day the package was made
};
Document package_cover(const PackageContents& p, const Campaign& c);

// The short form of a hash people compare by eye: the first 16 hex digits in groups of four,
// "3f2a 9c01 77be 04d1" (64 bits: no accidental match among a unit's packages).
std::string short_hash(std::string_view hex);

// Shared with council_documents: the award form's name ("Giấy khen của Giám đốc Sở"), its id when
// the campaign does not know it, empty when `id` is empty.
std::string award_name(const Campaign& c, std::string_view id);
// "Tập thể" / "Cá nhân", from the campaign (or these defaults).
std::string kind_name(const Campaign& c, NomineeKind kind);
// The award form's name written out, for titles and headings ("Giấy khen của Giám đốc Sở Ngoại
// vụ"); award_name when the campaign gives no full name.
std::string award_title(const Campaign& c, std::string_view id);
// The left header of a document `issuer` issues (Decree 30/2020, Appendix I): its direct parent
// above it — the campaign's issuer_parent over the issuer itself ("UBND tỉnh Lạng Sơn" over "Sở
// Ngoại vụ"), the issuer over any of its units.
NationalHeader agency_header(const Campaign& c, std::string issuer, PlaceDate place_date, Runs number = {});
// The note under a signer's title: "(Ký, đóng dấu)" for a body with a seal (Campaign::has_seal),
// "(Ký, ghi rõ họ và tên)" for one without (a division signs without a stamp).
std::string signing_note(const Campaign& c, std::string_view body);

}  // namespace hoso::doc
