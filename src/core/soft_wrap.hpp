#pragma once
// Word wrap for text being edited. The editor edits a "display" copy of the text in which a space
// where a line wraps is replaced by a line break (a soft break). A soft break takes the same one
// byte as the space it stands for, so byte offsets — the caret, the selection, an input method's
// preview — are the same in the text and in its display, and an edit of the display maps back to
// the text by splicing. Vietnamese is written with a space between every syllable, so breaking
// only at spaces wraps every line but an overlong single word (a long address), which stays whole.
#include <functional>
#include <string>
#include <string_view>

namespace hoso::text {

// How wide a piece of text is when drawn (any unit; the same as `width`).
using MeasureText = std::function<float(std::string_view)>;

// `text` with the spaces where lines wrap at `width` turned into '\n'. Lines are filled greedily;
// a line breaks at the last space of a run of spaces (the spaces before stay on the line, where
// they are invisible), never at a paragraph's leading spaces, and a word wider than `width` stays
// whole on its own line. Same length as `text`; the line breaks already in `text` are kept.
std::string soft_wrap(std::string_view text, float width, const MeasureText& measure);

// The text after an edit of its display: `text` and `old_display` are the same length and differ
// only where the display has soft breaks; `new_display` is `old_display` after one edit (typing,
// deleting, pasting, replacing a selection). What the edit inserted is taken as typed — a line
// break in it is a real one — and everything outside the edit keeps its spaces. Where a typed
// character equals its neighbour (Enter before a soft break, a space after one) the bytes alone
// cannot tell where the edit was; the caret can: the edit did not start after `edit_from` (the
// lesser of the caret and selection before it and the caret after it) and did not end, in the
// new display, before `edit_to` (the caret after it).
std::string unwrap_edit(std::string_view text, std::string_view old_display, std::string_view new_display,
                        std::size_t edit_from = std::string_view::npos, std::size_t edit_to = 0);

}  // namespace hoso::text
