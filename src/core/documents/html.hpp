#pragma once
// Documents as HTML pages to print or save as PDF from the browser. The app opens them in a new
// tab from a blob: URL, which inherits the app's Content-Security-Policy (style-src 'self'), so
// the page has no <style> element and no style= attribute: its look comes from the print
// stylesheet the app publishes (assets/print/print.css, served as dist/print.css), linked by the
// absolute URL the caller passes, and from the semantic classes used here.
#include <span>
#include <string>
#include <string_view>

#include "core/documents/document.hpp"

namespace hoso::doc {

// One self-contained page: <!DOCTYPE html>, lang="vi", UTF-8, the stylesheet link, one
// <article class="doc">. `css_url` is the absolute URL of print.css (e.g.
// "https://example.org/hoso/print.css").
std::string to_html(const Document& d, std::string_view css_url);
// A bundle: every document in its own <article>, each starting on a new page. `title` names the
// tab. Page numbers run on through the bundle (see docs/DOCUMENTS.md).
std::string to_html(std::span<const Document> docs, std::string_view css_url, std::string_view title);

}  // namespace hoso::doc
