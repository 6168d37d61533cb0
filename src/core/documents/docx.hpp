#pragma once
// Documents as .docx (WordprocessingML in a ZIP), to finish in Word or LibreOffice: the same
// content and layout as the HTML — A4, the Decree 30 margins, Times New Roman, the national header
// as a borderless two-column table, page numbers centred at the top from page 2 (a PAGE field in
// the default header; `titlePg` gives the first page its own, empty, header). Editable text:
// paragraphs, tables and two styles ("Normal" body text, "Table Text"), no text boxes.
#include <span>
#include <string>

#include "core/documents/document.hpp"

namespace hoso::doc {

// The .docx bytes. Several documents become one file with a section each: each starts on a new
// page and numbers its own pages, with no number on its first page.
std::string to_docx(std::span<const Document> docs);
std::string to_docx(const Document& d);

// word/document.xml alone, as to_docx writes it (the golden tests compare it).
std::string docx_document_xml(std::span<const Document> docs);

}  // namespace hoso::doc
