#pragma once
// The building blocks every screen uses: headings, buttons, and fields bound to a JSON path.
// A field shows its label above it (readable on a phone), its help, the findings for its path
// beside it, and uses the path as its ImGui ID ("##nominee.full_name"), so tests and the findings
// panel can reach it.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/meeting.hpp"
#include "core/report_template.hpp"
#include "core/validation.hpp"
#include "imgui.h"

namespace hoso::app {
class Session;
}

namespace hoso::ui {

// Findings of one owner by path, for showing them beside their fields.
class FindingIndex {
 public:
  FindingIndex() = default;
  explicit FindingIndex(std::span<const Finding* const> findings);
  std::span<const Finding* const> at(std::string_view path) const;
  int errors() const { return errors_; }
  int warnings() const { return warnings_; }

 private:
  std::unordered_map<std::string, std::vector<const Finding*>> by_path_;
  int errors_ = 0, warnings_ = 0;
};

// How many findings, in the words the clerk reads everywhere: empty required fields are "to fill
// in", not errors; a count of nothing is not said ("2 lỗi", not "2 lỗi, 0 lưu ý").
// An error that is only something not done yet (an empty required field, a vote not recorded):
// shown in amber as "to fill in", not in red as a wrong value.
bool still_to_fill(const Finding& f);
struct FindingTally {
  int to_fill = 0, errors = 0, warnings = 0;
  void add(const Finding& f);
  bool empty() const { return to_fill + errors + warnings == 0; }
  ImU32 color() const;  // red for a wrong value, amber for what is only missing or worth a look
  std::string text() const;
};

// ---- layout ---------------------------------------------------------------------------------
bool is_phone();          // narrow screen: one column, bottom navigation
float em();               // the current body font size in CSS px (1 em)
// Developer hook for tests (hoso.dev.texts()): while recording, the plain texts the widgets
// below drew in the last frame (hoso.items() holds only interactive items and noted lines).
void record_texts(bool on);
const std::vector<std::string>& texts_last_frame();
void widgets_new_frame();  // the platform calls it before each frame

// The on-screen keyboard the field being edited needs (the web platform sets the text agent's
// inputmode from it): digits for whole numbers and dates, a decimal pad, a phone pad.
enum class Keyboard { text, numeric, decimal, tel, email };
Keyboard keyboard_wanted();

void heading(const char* text);
// Text in a table cell of a fixed height: at most `max_lines` lines, cut after a whole word with
// "…" (the whole text in a tooltip).
void cell_text(std::string_view text, int max_lines = 2);
void subheading(const char* text);
void muted(const char* text);         // wrapped, muted colour
void small_muted(const char* text);   // the same in the small font: help and secondary lines
inline void small_muted(const std::string& text) { small_muted(text.c_str()); }
void wrapped(const char* text);
void colored_wrapped(ImU32 color, const char* text);
// colored_wrapped that hoso.items() reports as `id`, its whole text the label (a report line,
// an outcome tests and assistive tools read).
void noted(ImU32 color, const char* text, std::string_view id);
// A pill of text; with an id it is an item hoso.items() reports.
void badge(const char* text, ImU32 fg, ImU32 bg, std::string_view id = {});
bool begin_card(const char* id);      // a white rounded panel that grows with its content
void end_card();
void spacer(float em_height = 0.5f);
// Sets a human label on the item just drawn, for hoso.items() (the widget itself uses "##path").
void annotate(const char* label, std::string_view id);

// ---- buttons ---------------------------------------------------------------------------------
// destructive: an action that removes (red outline and text), before its confirmation (danger).
enum class ButtonKind { normal, primary, danger, subtle, destructive };
// label is what people read; id is the stable ImGui ID ("action.new_dossier").
bool button(const char* label, std::string_view id, ButtonKind kind = ButtonKind::normal, float width = 0);
// The width a button of `label` takes, and a row of buttons that goes on to the next line when the
// next one would run past the edge (a phone's narrow screen).
float button_width(const char* label);
void same_line_if_fits(float width);
bool full_width_button(const char* label, std::string_view id, ButtonKind kind = ButtonKind::primary);
// One choice in a drop-down list: a finger's height (44 px) on a phone.
bool option(const char* label, bool selected);
// The smallest height of a row a finger taps, in CSS px (0 off a phone).
float touch_row_height();
// A filter's drop-down: value -1 is "any" (any_label), else an index into labels. Named (any_label)
// with its value and expanded state for hoso.items() and assistive tools; options "label##id=i".
void filter_combo(std::string_view id, const char* any_label, int& value, const std::vector<std::string>& labels, float width);
// ImGui::Checkbox ("label##id") whose label wraps at the content's edge instead of running off a
// phone's screen; the label and the box are one target.
bool wrapped_checkbox(const char* label_and_id, bool* value);

// ---- fields ----------------------------------------------------------------------------------
// long_text: one paragraph (an address, a position) wrapped on screen as it is typed, so a
// phone shows it whole; Enter leaves the field, a line break pasted becomes a space.
enum class InputKind { text, long_text, multiline, date, time, number, integer };

struct FieldSpec {
  std::string_view path;        // the model path and the widget ID
  const char* label = "";
  const char* help = nullptr;   // shown under the label
  bool required = false;
  int max_length = 0;           // shows a live counter "123 / 3000"
  InputKind kind = InputKind::text;
  float lines = 6;              // multiline: visible lines
  bool read_only = false;
};

// A text-like field: `value` is the model's current value (string, number or null). Returns the
// new value to store when the person changed it this frame.
std::optional<nlohmann::json> input_field(const FieldSpec& spec, const nlohmann::json& value,
                                          const FindingIndex& findings);
// Yes/no as a checkbox with the label beside it.
std::optional<bool> checkbox_field(const FieldSpec& spec, bool value, const FindingIndex& findings);
// One option among several (shown as a combo box).
struct Option {
  std::string id;
  std::string label;
};
std::optional<std::string> choice_field(const FieldSpec& spec, std::string_view value,
                                        std::span<const Option> options, const FindingIndex& findings);

// Which findings show at their fields. A wrong value shows at once; something only still to fill
// (still_to_fill) shows once its field has been visited (left after being edited or focused) or
// the clerk asked to check (opened the list of what is missing). `scope` is the dossier or
// minutes being edited: another scope starts over.
std::vector<const Finding*> findings_at_fields(std::string_view scope, std::span<const Finding* const> all);
void check_all_fields(std::string_view scope);

// One row of a list of findings ("• message"), the whole message wrapped, a finger high on a touch
// screen; id "finding.<path>.<i>". True when chosen (the screen goes to the field).
bool finding_row(const Finding& f, std::size_t i, ImU32 color);

// The label, required marker and help of a field (used by the field functions, and by screens
// that lay out something custom under a label).
void field_label(const FieldSpec& spec);
// The findings for one path, in their colours.
void field_findings(std::span<const Finding* const> findings);

// When a finding was chosen: scroll to and focus the widget for `path` if it is the target. Call
// just before drawing the widget.
void focus_if_target(app::Session& s, std::string_view path);
// The field a finding jumped to is outlined for a moment, so the eye finds where it landed; the
// field being typed in is kept in place when what is above it changes height. A screen with
// fields keeps frames coming while either is under way.
bool fields_moving();
// Scroll the window that scrolls (not a card inside it): to its top; so the last item drawn is
// at the top of the screen.
void scroll_to_top();
// The longest start of `text` that fits `width` in the current font, with "…" when cut.
std::string fit(const std::string& text, float width);
// The next cell of a table of labelled fields, its label starting at the cell's top: a table
// aligns a row's text to the baseline of what the cells before it drew, and an input's text sits
// lower than a label's top (the second label of a pair stood half a line lower).
void next_field_cell();
// True for the frames after a Tab (Shift+Tab) left a multi-line field: draw them at once, the
// focus lands on the next field in a frame or two.
bool tab_leaving_multiline();
// Call before any widget: Escape in a text field leaves the field and keeps what was typed.
// (ImGui's Escape reverts the edit to the text the field had when it was entered, and every
// key is already applied and saved, so the revert would undo and save away what was typed.)
void escape_keeps_typed_text();
void scroll_last_item_to_top();
// "Đến mục…": a long form's sections in a list, one tap away. Each option's id is
// "<id>=<key>" and its text label(i), made while the list is open (it may wrap to the list's
// width); the index of the section chosen this frame, or -1. A template, not a std::function: the
// dossier editor draws it in the unit's first visit, which has no room for a callback's machinery.
bool begin_section_jump(std::string_view id);
bool section_jump_option(std::string_view id, const std::string& label, const char* key);
void end_section_jump(std::string_view id, bool open);
template <class Label>
int section_jump(std::string_view id, std::span<const char* const> keys, Label label) {
  const bool open = begin_section_jump(id);
  int chosen = -1;
  for (std::size_t i = 0; open && i < keys.size(); ++i)
    if (section_jump_option(id, label(i), keys[i])) chosen = static_cast<int>(i);
  end_section_jump(id, open);
  return chosen;
}
// Right after BeginTable of a table that scrolls (ImGuiTableFlags_ScrollY: its rows sit in a child
// window of their own, which Tab would skip): its rows join the Tab order of the window around it.
void tab_through_table();
// A data table's header row (ImGui::TableHeadersRow in bold), each header named for hoso.items()
// and the accessible mirror, which reads each cell with its column's name: `table_id` + ".col.N".
void header_row(std::string_view table_id);

// The app tells the widgets when the viewport changed size this frame (an on-screen keyboard
// opened), so the field being edited scrolls back into view.
void set_viewport_resized(bool resized);

// A whole number bound to `value` (its label from the catalogue key, its item named `path`):
// 0 shows empty (nothing typed yet) where `blank_zero`; what is not a whole number leaves the
// value as it was. Without the label drawn (a table's column says it), the item still has it.
void int_field(const char* label_key, std::string_view path, int& value, bool read_only, bool blank_zero = true,
               bool with_label = true);

// A name as people read it, or "(chưa có tên)" while it is empty (a nominee not yet named).
std::string name_or_unnamed(std::string_view name);
// "13/16 · 81,3%": the votes for, of all members, and their share as documents print it
// (core/share.hpp); "—" without a total. The unit's minutes and the council's ballots alike.
std::string share_text(int votes_for, int members_total);

// The quorum under a meeting's counts, as one small line named `id`: "Có mặt 7/9 thành viên: đủ
// điều kiện họp (…)" in green; when short, what is missing in red, or nothing where the screen
// says so elsewhere (`say_short` false: the unit's minutes list it among their findings). Nothing
// before both counts are typed.
void quorum_line(const Meeting& m, const Threshold& quorum, std::string_view id, bool say_short);

// A dd/mm/yyyy rendering of a stored date (ISO when valid, else as typed).
std::string display_date(std::string_view stored);

}  // namespace hoso::ui
