#include "core/documents/html.hpp"

#include <array>
#include <variant>

namespace hoso::doc {

namespace {

// Fixed texts of the national header (Decree 30/2020, Appendix I).
constexpr std::string_view kNation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
constexpr std::string_view kMotto = "Độc lập - Tự do - Hạnh phúc";

void text(std::string& out, std::string_view s) {
  const std::string e = escape_markup(clean(s));
  for (char c : e) {
    if (c == '\n') out += "<br>";
    else out += c;
  }
}

// Adjacent runs with the same formatting share their tags, so the markup stays minimal.
void runs(std::string& out, const Runs& rs) {
  const Run* cur = nullptr;
  auto close = [&] {
    if (!cur) return;
    if (cur->italic) out += "</i>";
    if (cur->bold) out += "</b>";
    if (cur->blank) out += "</span>";
  };
  for (const Run& r : rs) {
    if (r.text.empty()) continue;
    if (!cur || r.blank != cur->blank || r.bold != cur->bold || r.italic != cur->italic) {
      close();
      if (r.blank) out += "<span class=\"blank\">";
      if (r.bold) out += "<b>";
      if (r.italic) out += "<i>";
    }
    cur = &r;
    text(out, r.text);
  }
  close();
}

const char* align_class(Align a) {
  switch (a) {
    case Align::left: return "l";
    case Align::center: return "c";
    case Align::right: return "r";
    case Align::justify: break;
  }
  return "";
}

// <p class="..."> with the alignment, "ni" (no first-line indent) and "keep" (stay with what
// follows) as needed.
void open_p(std::string& out, Align a, bool indent, bool keep) {
  std::string cls = align_class(a);
  auto add = [&cls](const char* c) { cls += cls.empty() ? c : std::string(" ") + c; };
  if (!indent) add("ni");
  if (keep) add("keep");
  out += cls.empty() ? "<p>" : "<p class=\"" + cls + "\">";
}

void render(std::string& out, const NationalHeader& h) {
  out += "<table class=\"nh\"><tr><td class=\"nh-l\">";
  if (!h.parent.empty()) {
    out += "<p class=\"agency\">";
    text(out, upper(h.parent));
    out += "</p>";
  }
  out += "<p class=\"unit\">";
  runs(out, h.issuer.empty() ? Runs{blank()} : Runs{plain(upper(h.issuer))});
  out += "</p></td><td class=\"nh-r\"><p class=\"nation\">";
  out += kNation;
  out += "</p><p class=\"motto\"><span>";
  out += kMotto;
  out += "</span></p></td></tr>\n<tr><td class=\"nh-l\">";
  if (!h.number.empty()) {
    out += "<p class=\"number\">";
    runs(out, h.number);
    out += "</p>";
  }
  out += "</td><td class=\"nh-r\"><p class=\"place-date\">";
  runs(out, place_date_runs(h.place_date));
  out += "</p></td></tr></table>\n";
}

void render(std::string& out, const Title& t) {
  out += "<div class=\"title\">\n";
  for (const Runs& line : t.lines) {
    out += "<p>";
    runs(out, line);
    out += "</p>\n";
  }
  out += "</div>\n";
}

void render(std::string& out, const Heading& h) {
  out += "<h2>";
  text(out, h.text);
  out += "</h2>\n";
}

void render(std::string& out, const Paragraph& p, bool keep = false) {
  open_p(out, p.align, p.indent, keep);
  runs(out, p.runs);
  out += "</p>\n";
}

void render(std::string& out, const Table& t) {
  out += "<table class=\"grid\"><colgroup>";
  // A width attribute, not a style: the page's Content-Security-Policy allows no inline style.
  for (int w : t.widths) out += "<col width=\"" + std::to_string(w) + "%\">";
  out += "</colgroup>\n<thead><tr>";
  for (const std::string& h : t.header) {
    out += "<th>";
    text(out, h);
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      // Cells are left-aligned by default; only centred or right-aligned ones need a class.
      const Align a = i < t.align.size() ? t.align[i] : Align::left;
      const char* cls = a == Align::left ? "" : align_class(a);
      out += *cls ? std::string("<td class=\"") + cls + "\">" : std::string("<td>");
      runs(out, row[i]);
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
}

// Two rows, so both names line up whatever the titles' lengths: titles and notes, then the names
// below the room left to sign and stamp.
void render(std::string& out, const Signatures& s) {
  const std::array<const Signer*, 2> cols{s.recipients.empty() && s.signers.size() > 1 ? &s.signers.front() : nullptr,
                                          s.signers.empty() ? nullptr : &s.signers.back()};
  out += "<table class=\"sign\"><tr>";
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const Signer* x = cols[i];
    out += "<td>";
    if (i == 0 && !s.recipients.empty()) {
      out += "<p class=\"recipients-title\">Nơi nhận:</p>";
      for (const std::string& r : s.recipients) {
        out += "<p class=\"recipient\">";
        text(out, r);
        out += "</p>";
      }
    }
    if (x) {
      out += "<p class=\"sign-title\">";
      text(out, x->title);
      out += "</p>";
      if (!x->note.empty()) {
        out += "<p class=\"sign-note\">";
        text(out, x->note);
        out += "</p>";
      }
    }
    out += "</td>";
  }
  out += "</tr>\n<tr class=\"names\">";
  for (const Signer* x : cols) {
    out += "<td><p class=\"sign-name\">";
    if (x) runs(out, x->name);
    out += "</p></td>";
  }
  out += "</tr></table>\n";
}

void article(std::string& out, const Document& d) {
  out += "<article class=\"doc\">\n";
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    // The paragraph before the signatures goes with them: a page of signatures alone is no good.
    const bool before_signatures = i + 1 < d.blocks.size() && std::holds_alternative<Signatures>(d.blocks[i + 1]);
    if (const auto* p = std::get_if<Paragraph>(&d.blocks[i]); p && before_signatures) render(out, *p, true);
    else std::visit([&](const auto& x) { render(out, x); }, d.blocks[i]);
  }
  out += "</article>\n";
}

}  // namespace

std::string to_html(std::span<const Document> docs, std::string_view css_url, std::string_view title) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  text(out, title);
  out += "</title>\n<link rel=\"stylesheet\" href=\"";
  text(out, css_url);
  out += "\">\n</head>\n<body>\n";
  for (const Document& d : docs) article(out, d);
  out += "</body>\n</html>\n";
  return out;
}

std::string to_html(const Document& d, std::string_view css_url) {
  return to_html(std::span<const Document>(&d, 1), css_url, d.title);
}

}  // namespace hoso::doc
