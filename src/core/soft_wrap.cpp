#include "core/soft_wrap.hpp"

#include <algorithm>

namespace hoso::text {

namespace {

// Lines are built of pieces: a run of spaces and the word after it (the first piece may have no
// spaces, or a paragraph's leading ones). Widths add up piece by piece, so each letter is measured
// once.
void wrap_paragraph(std::string& out, std::size_t begin, std::size_t end, float width, const MeasureText& measure) {
  const std::string_view all(out);
  auto word_end_from = [&](std::size_t i) {
    while (i < end && out[i] == ' ') ++i;
    while (i < end && out[i] != ' ') ++i;
    return i;
  };
  std::size_t i = word_end_from(begin);
  float line_width = measure(all.substr(begin, i - begin));
  while (i < end) {
    const std::size_t piece_end = word_end_from(i);
    std::size_t word = i;
    while (word < piece_end && out[word] == ' ') ++word;
    if (word == piece_end) break;  // trailing spaces: nothing after them to wrap
    const float piece_width = measure(all.substr(i, piece_end - i));
    if (line_width + piece_width > width) {
      out[word - 1] = '\n';
      line_width = measure(all.substr(word, piece_end - word));
    } else {
      line_width += piece_width;
    }
    i = piece_end;
  }
}

}  // namespace

std::string soft_wrap(std::string_view text, float width, const MeasureText& measure) {
  std::string out(text);
  std::size_t begin = 0;
  while (begin <= out.size()) {
    std::size_t end = out.find('\n', begin);
    if (end == std::string::npos) end = out.size();
    wrap_paragraph(out, begin, end, width, measure);
    begin = end + 1;
  }
  return out;
}

std::string unwrap_edit(std::string_view text, std::string_view old_display, std::string_view new_display,
                        std::size_t edit_from, std::size_t edit_to) {
  if (text.size() != old_display.size()) return std::string(new_display);  // no soft breaks known
  const std::size_t shorter = std::min(old_display.size(), new_display.size());
  const std::size_t prefix_limit = std::min(shorter, edit_from);
  std::size_t prefix = 0;
  while (prefix < prefix_limit && old_display[prefix] == new_display[prefix]) ++prefix;
  const std::size_t suffix_limit = std::min(shorter - prefix, new_display.size() - std::min(edit_to, new_display.size()));
  std::size_t suffix = 0;
  while (suffix < suffix_limit &&
         old_display[old_display.size() - 1 - suffix] == new_display[new_display.size() - 1 - suffix])
    ++suffix;
  std::string out;
  out.reserve(new_display.size());
  out.append(text.substr(0, prefix));
  out.append(new_display.substr(prefix, new_display.size() - suffix - prefix));
  out.append(text.substr(text.size() - suffix));
  return out;
}

}  // namespace hoso::text
