#pragma once
// What assistive technology needs to know about the items the widgets draw, beyond what ImGui's
// item status flags tell (checkable, checked, openable, opened, inputable): the role where ImGui
// cannot tell a button from a tab or an option, states such as required or invalid, a field's
// value and its findings, and the text that is drawn but is not an item (headings, paragraphs,
// the save state). The web platform's item registry implements these (item_registry.cpp) and
// keeps the accessible DOM mirror (pre_a11y.js) from them; they cost a few copies per frame and
// nothing while no frame is drawn.
#include <cstdint>
#include <string_view>

namespace hoso::ui::semantics {

enum class Role : std::uint8_t {
  automatic = 0,  // from ImGui's flags: checkbox, text field, disclosure, else button
  button, text_field, multiline, checkbox, radio, combobox, option, tab, heading, cell, link, text,
  status,         // text that changes on its own and is announced (save state, toasts, counts)
};

enum State : std::uint32_t {
  checked = 1u << 0,
  selected = 1u << 1,
  expanded = 1u << 2,
  collapsed = 1u << 3,
  disabled = 1u << 4,
  read_only = 1u << 5,
  required = 1u << 6,
  invalid = 1u << 7,
  current = 1u << 8,   // the current page in a navigation
};

// Describes the item just drawn (ImGui's last item). `value`: a field's text; `description`:
// what is said about it (its findings), read after its name.
void describe_last_item(Role role, std::uint32_t state = 0, std::string_view value = {},
                        std::string_view description = {});
// The field `path` ("##path" in the current ID scope) is named by `label`, drawn apart from it
// (two fields side by side: labels in one row, inputs in the next).
void label_for(std::string_view path, std::string_view label);
// Text drawn in the last item rectangle that is not an ImGui item (a heading of `level` 1-3, a
// paragraph, a status). The rectangle is ImGui's last item rectangle.
void describe_text(Role role, std::string_view text, int level = 0);
// Gives the field `path` ("##path" in the current ID scope) the keyboard focus and starts editing
// it, when it is drawn next in this frame. (ImGui 1.90's SetKeyboardFocusHere() counts items in
// the focus scope, which NavFlattened child windows share, and missed the field.)
void focus_field(std::string_view path);
// The window being drawn is a landmark: the main content or the navigation. Call after Begin.
enum class Landmark : std::uint8_t { none, main, navigation };
void mark_landmark(Landmark landmark);

}  // namespace hoso::ui::semantics
