#pragma once
// Printing and Word from the screens: a document the core builds (src/core/documents) opens as a
// page in a new tab, ready for the browser's Print or Save as PDF, or downloads as a .docx to
// finish in Word. Each pair of buttons is one tap from where the person is; the documents are
// built only when a button is pressed. Widget ids: "<id>.html" and "<id>.docx".
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/council_documents.hpp"
#include "core/documents/document.hpp"
#include "core/dossier.hpp"
#include "core/minutes.hpp"

namespace hoso::app {
class Session;
}

namespace hoso::ui {

using BuildDocuments = std::function<std::vector<doc::Document>()>;

// The page in a new tab (several documents: one page, each on its own sheets), or the .docx (one
// section each). `file_stem` is ASCII ("bao-cao-thanh-tich_nguyen-van-a"); the tab's page links
// print.css next to the app.
void open_printable(app::Session& s, std::span<const doc::Document> docs, std::string_view file_stem);
void download_word(app::Session& s, std::span<const doc::Document> docs, std::string_view file_stem);
// A page made as HTML already (the certificates), in a new tab the same way.
void open_printable_html(app::Session& s, const std::string& html, std::string_view file_stem);
// The link to print.css next to the app, for pages made here.
std::string print_css_url(app::Session& s);

// "In / Lưu PDF" and "Tải Word (.docx)" side by side. With a label, it is shown before them when
// there is room, above them otherwise.
void print_buttons(app::Session& s, std::string_view id, std::string_view file_stem, const BuildDocuments& build,
                   const char* label = nullptr);

// The screens' buttons.
// Dossier editor: its Form 08 report ("print.report") and its summary ("print.summary").
void dossier_print_buttons(app::Session& s, const Dossier& d);
// Review minutes ("print.minutes"); null prints the empty form with the unit's name.
void minutes_print_buttons(app::Session& s, const Minutes* m);
// A package the unit made or received, as one bundle ("print.bundle"): its cover sheet, the report
// and summary of each dossier, then the minutes. The package is read back from its file, so the
// paper shows exactly what the file holds.
void package_print_buttons(app::Session& s, std::string_view file_name, std::string_view package_text);
// Council: its minutes ("print.council_minutes"), the proposal list ("print.proposal_list") and
// the draft Tờ trình ("print.submission"), from what the council screen fills.
void council_print_buttons(app::Session& s, const doc::CouncilSession& session);

}  // namespace hoso::ui
