#include "core/documents/docx.hpp"

#include <array>
#include <optional>
#include <variant>

#include "core/documents/zip.hpp"

namespace hoso::doc {

namespace {

// Lengths in twips (1/20 pt; 1 mm = 56.7 twips); font sizes in half-points. print.css holds the
// same values for the HTML (docs/DOCUMENTS.md lists them side by side).
constexpr int kPageWidth = 11906, kPageHeight = 16838;  // A4
constexpr int kMarginTop = 1134, kMarginBottom = 1134;  // 20 mm
constexpr int kMarginLeft = 1701, kMarginRight = 850;   // 30 mm, 15 mm
constexpr int kHeaderDistance = 567;                    // page number 10 mm from the top edge
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;  // 9355
constexpr int kHeaderLeft = 3650, kHeaderRight = kTextWidth - kHeaderLeft;  // 39% | 61%
// The motto's rule spans the motto: "Độc lập - Tự do - Hạnh phúc" in 13 pt bold Times New Roman
// is about 3,180 twips wide, so the right column is indented to a little more than that. The
// unit's rule is a third of the left column.
constexpr int kMottoIndent = 1200;
constexpr int kUnitRuleIndent = kHeaderLeft / 3;
constexpr int kSignSpace = 1560;  // room to sign and stamp above the name (78 pt)

constexpr std::string_view kNation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
constexpr std::string_view kMotto = "Độc lập - Tự do - Hạnh phúc";

constexpr std::string_view kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string num(int v) { return std::to_string(v); }

// Paragraph properties beyond the style's, written in the schema's order.
struct PPr {
  std::string_view style;            // empty: Normal
  bool keep_next = false;
  std::string_view border;           // a <w:pBdr> element
  int before = -1;                   // spacing before; -1: the style's
  int line_exact = 0;                // exact line height; 0: the style's
  int side_indent = 0;               // left and right indent
  bool indent = true;                // keep the style's first-line indent
  std::optional<Align> align;        // empty: the style's
  std::string_view section;          // a <w:sectPr> ending a section here
};

const char* jc(Align a) {
  switch (a) {
    case Align::left: return "left";
    case Align::center: return "center";
    case Align::right: return "right";
    case Align::justify: break;
  }
  return "both";
}

void open_p(std::string& out, const PPr& p) {
  out += "<w:p>";
  std::string pr;
  if (!p.style.empty()) pr += "<w:pStyle w:val=\"" + std::string(p.style) + "\"/>";
  if (p.keep_next) pr += "<w:keepNext/>";
  pr += p.border;
  if (p.before >= 0 || p.line_exact > 0) {
    pr += "<w:spacing";
    if (p.before >= 0) pr += " w:before=\"" + num(p.before) + "\"";
    if (p.line_exact > 0) pr += " w:line=\"" + num(p.line_exact) + "\" w:lineRule=\"exact\"";
    pr += "/>";
  }
  if (p.side_indent > 0)
    pr += "<w:ind w:left=\"" + num(p.side_indent) + "\" w:right=\"" + num(p.side_indent) + "\" w:firstLine=\"0\"/>";
  else if (!p.indent)
    pr += "<w:ind w:firstLine=\"0\"/>";
  if (p.align) pr += "<w:jc w:val=\"" + std::string(jc(*p.align)) + "\"/>";
  pr += p.section;
  if (!pr.empty()) out += "<w:pPr>" + pr + "</w:pPr>";
}

// Run formatting on top of the run's own: `size` in half-points (0: the style's).
struct RPr {
  bool bold = false;
  bool italic = false;
  int size = 0;
};

void text(std::string& out, std::string_view s) {
  const std::string e = escape_markup(clean(s));
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = e.find('\n', start);
    out += "<w:t xml:space=\"preserve\">";
    out.append(e, start, nl == std::string::npos ? std::string::npos : nl - start);
    out += "</w:t>";
    if (nl == std::string::npos) break;
    out += "<w:br/>";
    start = nl + 1;
  }
}

void run(std::string& out, const Run& r, RPr f = {}) {
  out += "<w:r>";
  const bool b = r.bold || f.bold, i = r.italic || f.italic;
  if (b || i || f.size) {
    out += "<w:rPr>";
    if (b) out += "<w:b/>";
    if (i) out += "<w:i/>";
    if (f.size) out += "<w:sz w:val=\"" + num(f.size) + "\"/>";
    out += "</w:rPr>";
  }
  text(out, r.text);
  out += "</w:r>";
}

void para(std::string& out, const PPr& p, const Runs& rs, RPr f = {}) {
  open_p(out, p);
  // Adjacent runs with the same formatting become one, so the XML stays small.
  for (std::size_t i = 0; i < rs.size();) {
    Run merged = rs[i];
    for (++i; i < rs.size() && rs[i].bold == merged.bold && rs[i].italic == merged.italic; ++i) merged.text += rs[i].text;
    if (!merged.text.empty()) run(out, merged, f);
  }
  out += "</w:p>\n";  // one paragraph a line keeps the golden files reviewable
}

// A table with fixed column widths; `borders` draws the grid.
void open_table(std::string& out, const std::vector<int>& widths, bool borders) {
  out += "<w:tbl><w:tblPr><w:tblW w:w=\"" + num(kTextWidth) + "\" w:type=\"dxa\"/>";
  if (borders) {
    out += "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
      out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>";
    out += "</w:tblBorders>";
  }
  out += "<w:tblLayout w:type=\"fixed\"/>";
  // Grids pad their cells by 2 pt and 4 pt; the header and signature tables not at all, so their
  // columns are as wide as the HTML's and the unit's name wraps in the same place.
  const char* v = borders ? "40" : "0";
  const char* h = borders ? "80" : "0";
  out += std::string("<w:tblCellMar><w:top w:w=\"") + v + "\" w:type=\"dxa\"/><w:left w:w=\"" + h +
         "\" w:type=\"dxa\"/><w:bottom w:w=\"" + v + "\" w:type=\"dxa\"/><w:right w:w=\"" + h +
         "\" w:type=\"dxa\"/></w:tblCellMar>";
  out += "</w:tblPr><w:tblGrid>";
  for (int w : widths) out += "<w:gridCol w:w=\"" + num(w) + "\"/>";
  out += "</w:tblGrid>\n";
}

void open_row(std::string& out, bool header) {
  out += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
}

void open_cell(std::string& out, int width) {
  out += "<w:tc><w:tcPr><w:tcW w:w=\"" + num(width) + "\" w:type=\"dxa\"/></w:tcPr>";
}

constexpr std::string_view kCell = "TableText";

PPr centered_cell(int before = -1) {
  PPr p;
  p.style = kCell;
  p.align = Align::center;
  p.before = before;
  return p;
}

void render(std::string& out, const NationalHeader& h) {
  open_table(out, {kHeaderLeft, kHeaderRight}, false);
  open_row(out, false);
  open_cell(out, kHeaderLeft);
  if (!h.parent.empty()) para(out, centered_cell(), {plain(upper(h.parent))}, {});
  para(out, centered_cell(), h.issuer.empty() ? Runs{blank()} : Runs{plain(upper(h.issuer))}, {true});
  PPr rule = centered_cell(40);
  rule.border = "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>";
  rule.line_exact = 120;
  rule.side_indent = kUnitRuleIndent;
  para(out, rule, {});
  out += "</w:tc>";
  open_cell(out, kHeaderRight);
  para(out, centered_cell(), {plain(std::string(kNation))}, {true, false, 24});
  PPr motto = centered_cell();
  motto.border = "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>";
  motto.side_indent = kMottoIndent;
  para(out, motto, {plain(std::string(kMotto))}, {true});
  out += "</w:tc></w:tr>";
  open_row(out, false);
  open_cell(out, kHeaderLeft);
  para(out, centered_cell(120), h.number);
  out += "</w:tc>";
  open_cell(out, kHeaderRight);
  para(out, centered_cell(120), place_date_runs(h.place_date), {false, true, 28});
  out += "</w:tc></w:tr></w:tbl>\n";
}

void render(std::string& out, const Title& t) {
  PPr p;
  p.keep_next = true;
  p.indent = false;
  p.align = Align::center;
  p.before = 360;  // 18 pt below the header
  for (const Runs& line : t.lines) {
    para(out, p, line, {true});
    p.before = 0;
  }
}

void render(std::string& out, const Heading& h) {
  PPr p;
  p.keep_next = true;
  para(out, p, {bold(h.text)});
}

void render(std::string& out, const Paragraph& x, bool keep_next = false) {
  PPr p;
  p.keep_next = keep_next;
  p.indent = x.indent;
  if (x.align != Align::justify) p.align = x.align;
  para(out, p, x.runs);
}

std::vector<int> twips(const std::vector<int>& percents) {
  int sum = 0;
  for (int w : percents) sum += w;
  std::vector<int> out;
  int used = 0;
  for (std::size_t i = 0; i < percents.size(); ++i) {
    // The last column takes what rounding left, so the grid spans the text width exactly.
    const int w = i + 1 == percents.size() ? kTextWidth - used : kTextWidth * percents[i] / (sum ? sum : 1);
    out.push_back(w);
    used += w;
  }
  return out;
}

// Word has no margin above a table, and merges two tables that touch: an empty paragraph of the
// height of the HTML's margin goes before each table, kept with it.
void spacer(std::string& out, int height) {
  PPr p;
  p.keep_next = true;
  p.before = 0;
  p.line_exact = height;
  para(out, p, {});
}

void render(std::string& out, const Table& t) {
  spacer(out, 120);  // 6 pt, as .grid's margin-top
  const std::vector<int> widths = twips(t.widths);
  open_table(out, widths, true);
  open_row(out, true);
  for (std::size_t i = 0; i < widths.size(); ++i) {
    open_cell(out, widths[i]);
    para(out, centered_cell(), {plain(i < t.header.size() ? t.header[i] : std::string())}, {true});
    out += "</w:tc>";
  }
  out += "</w:tr>";
  for (const auto& row : t.rows) {
    open_row(out, false);
    for (std::size_t i = 0; i < widths.size(); ++i) {
      open_cell(out, widths[i]);
      PPr p;
      p.style = kCell;
      if (i < t.align.size() && t.align[i] != Align::justify) p.align = t.align[i];
      para(out, p, i < row.size() ? row[i] : Runs{});
      out += "</w:tc>";
    }
    out += "</w:tr>";
  }
  out += "</w:tbl>\n";
}

// Two rows, so both names line up whatever the titles' lengths (as in the HTML).
void render(std::string& out, const Signatures& s) {
  const std::array<const Signer*, 2> cols{s.recipients.empty() && s.signers.size() > 1 ? &s.signers.front() : nullptr,
                                          s.signers.empty() ? nullptr : &s.signers.back()};
  spacer(out, 240);  // 12 pt, as .sign's margin-top
  const int half = kTextWidth / 2;
  const std::array<int, 2> widths{half, kTextWidth - half};
  open_table(out, {widths[0], widths[1]}, false);
  open_row(out, false);
  for (std::size_t i = 0; i < cols.size(); ++i) {
    open_cell(out, widths[i]);
    bool empty = true;
    if (i == 0 && !s.recipients.empty()) {
      PPr p;
      p.style = kCell;
      p.keep_next = true;
      para(out, p, {plain("Nơi nhận:")}, {true, true, 24});
      for (const std::string& r : s.recipients) para(out, p, {plain(r)}, {false, false, 22});
      empty = false;
    }
    if (const Signer* x = cols[i]) {
      PPr p = centered_cell();
      p.keep_next = true;  // the titles stay with the names below them
      para(out, p, {plain(x->title)}, {true, false, 28});
      if (!x->note.empty()) para(out, p, {plain(x->note)}, {false, true, 28});
      empty = false;
    }
    if (empty) out += "<w:p/>";  // a cell holds at least one paragraph
    out += "</w:tc>";
  }
  out += "</w:tr>";
  open_row(out, false);
  for (std::size_t i = 0; i < cols.size(); ++i) {
    open_cell(out, widths[i]);
    para(out, centered_cell(kSignSpace), cols[i] ? cols[i]->name : Runs{}, {true, false, 28});
    out += "</w:tc>";
  }
  out += "</w:tr></w:tbl>\n";
}

std::string section_properties() {
  return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeaderPage\"/>"
         "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>"
         "<w:pgSz w:w=\"" + num(kPageWidth) + "\" w:h=\"" + num(kPageHeight) + "\"/>"
         "<w:pgMar w:top=\"" + num(kMarginTop) + "\" w:right=\"" + num(kMarginRight) +
         "\" w:bottom=\"" + num(kMarginBottom) + "\" w:left=\"" + num(kMarginLeft) +
         "\" w:header=\"" + num(kHeaderDistance) + "\" w:footer=\"" + num(kHeaderDistance) +
         "\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>";
}

std::string ns_attrs() {
  return " xmlns:w=\"" + std::string(kNsW) + "\" xmlns:r=\"" + std::string(kNsR) + "\"";
}

std::string styles_xml() {
  return std::string(kXmlDecl) + "<w:styles" + ns_attrs() + ">"
         "<w:docDefaults><w:rPrDefault><w:rPr>"
         "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
         "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/>"
         "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
         "</w:pPr></w:pPrDefault></w:docDefaults>"
         // Body text: justified, first-line indent 1 cm, 6 pt before, 1.15 lines.
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
         "<w:pPr><w:widowControl/><w:spacing w:before=\"120\" w:after=\"0\" w:line=\"276\" w:lineRule=\"auto\"/>"
         "<w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
         "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
         "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
         "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>"
         "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
         "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
         "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style></w:styles>";
}

std::string settings_xml() {
  return std::string(kXmlDecl) + "<w:settings" + ns_attrs() + ">"
         "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
         "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
         "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
         "</w:compat></w:settings>";
}

// The default header shows the page number; the first page's header (titlePg) is empty.
std::string header_xml(bool page_number) {
  std::string out = std::string(kXmlDecl) + "<w:hdr" + ns_attrs() + "><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>";
  if (page_number)
    out += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
           "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  return out + "</w:p></w:hdr>";
}

std::string rel(std::string_view id, std::string_view type, std::string_view target) {
  return "<Relationship Id=\"" + std::string(id) + "\" Type=\"" + std::string(type) + "\" Target=\"" +
         std::string(target) + "\"/>";
}

constexpr std::string_view kRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view kOfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string content_types_xml() {
  constexpr std::string_view wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  auto over = [&](std::string_view part, std::string_view type) {
    return "<Override PartName=\"" + std::string(part) + "\" ContentType=\"" + std::string(wml) +
           std::string(type) + "+xml\"/>";
  };
  return std::string(kXmlDecl) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
         over("/word/document.xml", "document.main") + over("/word/styles.xml", "styles") +
         over("/word/settings.xml", "settings") + over("/word/header1.xml", "header") +
         over("/word/header2.xml", "header") +
         "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "</Types>";
}

std::string core_xml(std::string_view title) {
  return std::string(kXmlDecl) +
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
         escape_markup(clean(title)) + "</dc:title><dc:creator>hoso</dc:creator><dc:language>vi-VN</dc:language>"
         "</cp:coreProperties>";
}

}  // namespace

std::string docx_document_xml(std::span<const Document> docs) {
  std::string out = std::string(kXmlDecl) + "<w:document" + ns_attrs() + "><w:body>";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const std::vector<Block>& blocks = docs[i].blocks;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      // The paragraph before the signatures goes with them: a page of signatures alone is no good.
      const bool before_signatures = k + 1 < blocks.size() && std::holds_alternative<Signatures>(blocks[k + 1]);
      if (const auto* p = std::get_if<Paragraph>(&blocks[k]); p && before_signatures) render(out, *p, true);
      else std::visit([&](const auto& x) { render(out, x); }, blocks[k]);
    }
    // A tiny closing paragraph: Word wants one after a final table, and in a bundle it carries
    // the section break, so each document starts a page and numbers its own pages.
    PPr end;
    end.before = 0;
    end.line_exact = 20;
    const std::string sect = section_properties();
    if (i + 1 < docs.size()) end.section = sect;
    para(out, end, {});
  }
  out += section_properties() + "</w:body></w:document>";
  return out;
}

std::string to_docx(std::span<const Document> docs) {
  const std::string title = docs.empty() ? std::string() : docs.front().title;
  const std::array<zip::Entry, 9> parts{{
      {"[Content_Types].xml", content_types_xml()},
      {"_rels/.rels", std::string(kXmlDecl) + "<Relationships xmlns=\"" + std::string(kRelNs) + "\">" +
                          rel("rIdDocument", std::string(kOfficeRel) + "officeDocument", "word/document.xml") +
                          rel("rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                              "docProps/core.xml") +
                          "</Relationships>"},
      {"word/document.xml", docx_document_xml(docs)},
      {"word/_rels/document.xml.rels",
       std::string(kXmlDecl) + "<Relationships xmlns=\"" + std::string(kRelNs) + "\">" +
           rel("rIdStyles", std::string(kOfficeRel) + "styles", "styles.xml") +
           rel("rIdSettings", std::string(kOfficeRel) + "settings", "settings.xml") +
           rel("rIdHeaderFirst", std::string(kOfficeRel) + "header", "header1.xml") +
           rel("rIdHeaderPage", std::string(kOfficeRel) + "header", "header2.xml") + "</Relationships>"},
      {"word/styles.xml", styles_xml()},
      {"word/settings.xml", settings_xml()},
      {"word/header1.xml", header_xml(false)},
      {"word/header2.xml", header_xml(true)},
      {"docProps/core.xml", core_xml(title)},
  }};
  return zip::write(parts);
}

std::string to_docx(const Document& d) { return to_docx(std::span<const Document>(&d, 1)); }

}  // namespace hoso::doc
