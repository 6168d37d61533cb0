#include "ui/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

#include "app/session.hpp"
#include "core/share.hpp"
#include "core/date.hpp"
#include "core/soft_wrap.hpp"
#include "core/text.hpp"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/semantics.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"

namespace hoso::ui {

namespace sem = semantics;

FindingIndex::FindingIndex(std::span<const Finding* const> findings) {
  for (const Finding* f : findings) {
    by_path_[f->path].push_back(f);
    (f->severity == Severity::error ? errors_ : warnings_)++;
  }
}

std::span<const Finding* const> FindingIndex::at(std::string_view path) const {
  auto it = by_path_.find(std::string(path));
  if (it == by_path_.end()) return {};
  return it->second;
}

// ---- layout ---------------------------------------------------------------------------------

bool is_phone() { return ImGui::GetIO().DisplaySize.x < kPhoneWidth; }
float em() { return ImGui::GetFontSize(); }

namespace {
bool recording_texts = false;
Keyboard keyboard_now = Keyboard::text;
bool anchor_moved = false;  // keep_in_place_while_typing() scrolled this frame: draw again
std::vector<std::string> texts_building, texts_done;
void seen(const char* text) {
  if (recording_texts) texts_building.emplace_back(text);
}
}  // namespace

void record_texts(bool on) {
  recording_texts = on;
  if (!on) texts_done.clear();
}
void widgets_new_frame() {
  keyboard_now = Keyboard::text;
  anchor_moved = false;
  if (!recording_texts) return;
  texts_done.swap(texts_building);
  texts_building.clear();
}
Keyboard keyboard_wanted() { return keyboard_now; }
const std::vector<std::string>& texts_last_frame() { return texts_done; }

// Text in a table cell of a fixed height: wrapped at its words on up to `max_lines` lines; what
// does not fit ends in "…" after a whole word (never mid-word), and shows whole in a tooltip.
void cell_text(std::string_view text, int max_lines) {
  const float width = ImGui::GetContentRegionAvail().x;
  auto measure = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
  const std::string wrapped = text::soft_wrap(text, width, measure);
  std::vector<std::string> lines;
  for (std::size_t from = 0;;) {
    const std::size_t nl = wrapped.find('\n', from);
    lines.emplace_back(wrapped.substr(from, nl == std::string::npos ? std::string::npos : nl - from));
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  bool cut = lines.size() > static_cast<std::size_t>(std::max(max_lines, 1));
  if (cut) lines.resize(static_cast<std::size_t>(std::max(max_lines, 1)));
  std::string& last = lines.back();
  if (cut || measure(last) > width) {
    cut = true;
    const char* ellipsis = "…";
    auto fits = [&](const std::string& t) { return measure(t) + measure(ellipsis) <= width; };
    // Whole words off the end first; a single word too long loses letters (whole UTF-8 sequences).
    while (!fits(last)) {
      const std::size_t space = last.find_last_of(' ');
      if (space == std::string::npos || space == 0) break;
      last.erase(space);
    }
    while (!last.empty() && !fits(last)) {
      std::size_t end = last.size() - 1;
      while (end > 0 && (static_cast<unsigned char>(last[end]) & 0xC0) == 0x80) --end;
      last.erase(end);
    }
    while (!last.empty() && (last.back() == ' ' || last.back() == ',')) last.pop_back();
    last += ellipsis;
  }
  std::string shown;
  ImGui::BeginGroup();
  for (const std::string& line : lines) {
    ImGui::TextUnformatted(line.c_str());
    if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(text.size()), text.data());
    if (!shown.empty()) shown += ' ';
    shown += line;
  }
  ImGui::EndGroup();
  seen(shown.c_str());
  sem::describe_text(sem::Role::text, text);  // whole, where the screen shows it cut
}

void heading(const char* text) {
  seen(text);
  ImGui::PushFont(fonts.heading);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  sem::describe_text(sem::Role::heading, text, 2);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void subheading(const char* text) {
  seen(text);
  ImGui::PushFont(fonts.bold);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  sem::describe_text(sem::Role::heading, text, 3);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

namespace {
void draw_colored_wrapped(ImU32 color, const char* text) {
  seen(text);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}
}  // namespace

void colored_wrapped(ImU32 color, const char* text) {
  draw_colored_wrapped(color, text);
  sem::describe_text(sem::Role::text, text);
}

void muted(const char* text) { colored_wrapped(palette().muted, text); }

void noted(ImU32 color, const char* text, std::string_view id) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_colored_wrapped(color, text);
  ImGui::ItemAdd(ImRect(pos, ImGui::GetItemRectMax()), ImGui::GetID(id.data(), id.data() + id.size()), nullptr,
                 ImGuiItemFlags_NoNav);
  annotate(text, id);
  sem::describe_last_item(sem::Role::text);
}

void small_muted(const char* text) {
  ImGui::PushFont(fonts.small);
  muted(text);
  ImGui::PopFont();
}

void wrapped(const char* text) {
  seen(text);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  sem::describe_text(sem::Role::text, text);
  ImGui::PopTextWrapPos();
}

void badge(const char* text, ImU32 fg, ImU32 bg, std::string_view id) {
  ImGui::PushFont(fonts.small);
  ImVec2 pad(em() * 0.5f, em() * 0.15f);
  // Wider than the room left (a phone, a long quota line): the text wraps inside the badge
  // rather than running past the screen's edge.
  const float room = std::max(em() * 4, ImGui::GetContentRegionAvail().x - pad.x * 2);
  ImVec2 size = ImGui::CalcTextSize(text);
  const bool wraps = size.x > room;
  if (wraps) size = ImGui::CalcTextSize(text, nullptr, false, room);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 total(size.x + pad.x * 2, size.y + pad.y * 2);
  const float rounding = wraps ? em() * 0.4f : total.y * 0.5f;
  ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + total.x, pos.y + total.y), bg, rounding);
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad.x, pos.y + pad.y), fg, text,
                                      nullptr, wraps ? room : 0.0f);
  if (id.empty()) {
    ImGui::Dummy(total);
    sem::describe_text(sem::Role::text, text);
  } else {
    ImRect bb(pos, ImVec2(pos.x + total.x, pos.y + total.y));
    ImGui::ItemSize(bb);
    ImGui::ItemAdd(bb, ImGui::GetID(id.data(), id.data() + id.size()), nullptr, ImGuiItemFlags_NoNav);
    annotate(text, id);
    sem::describe_last_item(sem::Role::text);
  }
  ImGui::PopFont();
}

bool begin_card(const char* id) {
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em() * 0.9f, em() * 0.75f));
  bool open = ImGui::BeginChild(id, ImVec2(0, 0),
                                ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding,
                                ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
  ImGui::PopStyleVar();
  return open;
}
void end_card() {
  ImGui::EndChild();
  spacer(0.4f);
}

void spacer(float em_height) { ImGui::Dummy(ImVec2(1, em() * em_height)); }

void annotate(const char* label, std::string_view id) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
  ImGuiContext& g = *GImGui;
  if (!g.TestEngineHookItems) return;
  std::string full = label;
  full += "##";
  full += id;
  ImGuiTestEngineHook_ItemInfo(&g, g.LastItemData.ID, full.c_str(), g.LastItemData.StatusFlags);
#else
  (void)label;
  (void)id;
#endif
}

// ---- buttons ---------------------------------------------------------------------------------

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

void same_line_if_fits(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

bool button(const char* label, std::string_view id, ButtonKind kind, float width) {
  const Palette& p = palette();
  int colors = 0;
  auto push = [&](ImGuiCol c, ImU32 v) {
    ImGui::PushStyleColor(c, v);
    ++colors;
  };
  auto shade = [](ImU32 c, float f) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(v.x * f, v.y * f, v.z * f, v.w));
  };
  if (kind == ButtonKind::primary || kind == ButtonKind::danger) {
    ImU32 base = kind == ButtonKind::primary ? p.primary : p.error;
    push(ImGuiCol_Button, base);
    push(ImGuiCol_ButtonHovered, shade(base, 0.9f));
    push(ImGuiCol_ButtonActive, shade(base, 0.8f));
    push(ImGuiCol_Text, p.primary_text);
    push(ImGuiCol_Border, base);
  } else if (kind == ButtonKind::subtle) {
    push(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    push(ImGuiCol_Border, IM_COL32(0, 0, 0, 0));
    push(ImGuiCol_Text, p.primary);
  } else if (kind == ButtonKind::destructive) {
    push(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    push(ImGuiCol_ButtonHovered, p.error_bg);
    push(ImGuiCol_ButtonActive, p.error_bg);
    push(ImGuiCol_Border, p.error);
    push(ImGuiCol_Text, p.error);
  }
  std::string full = label;
  full += "##";
  full += id;
  bool pressed = ImGui::Button(full.c_str(), ImVec2(width, 0));
  ImGui::PopStyleColor(colors);
  return pressed;
}

bool full_width_button(const char* label, std::string_view id, ButtonKind kind) {
  return button(label, id, kind, -FLT_MIN);
}

float touch_row_height() {
  const bool touch = is_phone() || ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen;
  return touch ? 44.0f : 0.0f;
}

bool option(const char* label, bool selected) {
  // A selectable's target reaches half the item spacing above and below its own height.
  const float h = touch_row_height();
  // As tall as its text (an option may take two lines), and a finger high on a touch screen.
  const float text_h = ImGui::CalcTextSize(label, nullptr, true).y;
  const float own = h > 0 ? std::max(text_h, h - ImGui::GetStyle().ItemSpacing.y) : 0.0f;
  return ImGui::Selectable(label, selected, ImGuiSelectableFlags_None, ImVec2(0, own));
}

namespace {
// A drop-down's shown choice, in a box `width` wide: a name longer than the box ends in "…" (the
// list shows it whole), not cut mid-word.
std::string combo_preview(const char* preview, float width) {
  return fit(preview, width - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2);
}
}  // namespace

void filter_combo(std::string_view id, const char* any_label, int& value, const std::vector<std::string>& labels, float width) {
  ImGui::SetNextItemWidth(width);
  const char* preview = value < 0 ? any_label : labels[static_cast<std::size_t>(value)].c_str();
  const std::string imgui_id = "##" + std::string(id);
  const std::string shown = combo_preview(preview, width > 0 ? width : ImGui::GetContentRegionAvail().x);
  const bool open = ImGui::BeginCombo(imgui_id.c_str(), shown.c_str());
  if (open) {
    if (option(any_label, value < 0)) value = -1;
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (option((labels[i] + imgui_id + "=" + std::to_string(i)).c_str(), value == static_cast<int>(i))) value = static_cast<int>(i);
    ImGui::EndCombo();
  }
  annotate(any_label, id);
  sem::describe_last_item(sem::Role::combobox, open ? sem::expanded : 0u, preview);
}

bool wrapped_checkbox(const char* label_and_id, bool* value) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return false;
  ImGuiContext& g = *GImGui;
  const ImGuiStyle& style = g.Style;
  const ImGuiID id = window->GetID(label_and_id);
  const char* label_end = ImGui::FindRenderedTextEnd(label_and_id);
  const float box = ImGui::GetFrameHeight();
  const ImVec2 pos = window->DC.CursorPos;
  const float text_x = pos.x + box + style.ItemInnerSpacing.x;
  const float wrap = std::max(em() * 4, ImGui::GetContentRegionMaxAbs().x - text_x);
  const ImVec2 text = ImGui::CalcTextSize(label_and_id, label_end, false, wrap);
  const ImRect whole(pos, ImVec2(text_x + text.x, pos.y + std::max(box, text.y + style.FramePadding.y * 2)));
  ImGui::ItemSize(whole, style.FramePadding.y);
  if (!ImGui::ItemAdd(whole, id)) return false;
  bool hovered = false, held = false;
  const bool pressed = ImGui::ButtonBehavior(whole, id, &hovered, &held);
  if (pressed) {
    *value = !*value;
    ImGui::MarkItemEdited(id);
  }
  const ImRect square(pos, ImVec2(pos.x + box, pos.y + box));
  ImGui::RenderNavHighlight(whole, id);
  ImGui::RenderFrame(square.Min, square.Max,
                     ImGui::GetColorU32(held && hovered ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                     true, style.FrameRounding);
  if (*value) {
    const float pad = std::max(1.0f, IM_TRUNC(box / 6.0f));
    ImGui::RenderCheckMark(window->DrawList, ImVec2(square.Min.x + pad, square.Min.y + pad), ImGui::GetColorU32(ImGuiCol_CheckMark), box - pad * 2);
  }
  window->DrawList->AddText(g.Font, g.FontSize, ImVec2(text_x, pos.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text),
                            label_and_id, label_end, wrap);
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label_and_id,
                              g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable | (*value ? ImGuiItemStatusFlags_Checked : 0));
  return pressed;
}

bool still_to_fill(const Finding& f) {
  // Not yet done rather than wrong: an empty required field, a vote not recorded, a criterion not
  // yet ticked as met or not yet given its evidence.
  return f.severity == Severity::error && (f.rule == rule::required || f.rule == rule::vote_missing ||
                                           f.rule == rule::criterion_met || f.rule == rule::criterion_evidence);
}

namespace {
std::string visit_scope;
std::set<std::string, std::less<>> visited;  // paths of fields left after being focused
bool checking_all = false;

void enter_scope(std::string_view scope) {
  if (scope == visit_scope) return;
  visit_scope = std::string(scope);
  visited.clear();
  checking_all = false;
}

// The field at `path`, or one inside it (a table's cell for the table's finding), was visited.
bool was_visited(std::string_view path) {
  auto it = visited.lower_bound(path);
  for (; it != visited.end() && it->starts_with(path); ++it)
    if (it->size() == path.size() || (*it)[path.size()] == '[' || (*it)[path.size()] == '.') return true;
  return false;
}

void visit(std::string_view path) {
  if (!path.empty()) visited.emplace(path);
}
}  // namespace

std::vector<const Finding*> findings_at_fields(std::string_view scope, std::span<const Finding* const> all) {
  enter_scope(scope);
  std::vector<const Finding*> out;
  for (const Finding* f : all)
    if (checking_all || !still_to_fill(*f) || was_visited(f->path)) out.push_back(f);
  return out;
}

void check_all_fields(std::string_view scope) {
  enter_scope(scope);
  checking_all = true;
}

void FindingTally::add(const Finding& f) {
  if (f.severity != Severity::error) ++warnings;
  else if (still_to_fill(f)) ++to_fill;
  else ++errors;
}

ImU32 FindingTally::color() const { return errors ? palette().error : palette().warning; }

std::string FindingTally::text() const {
  std::string out;
  auto part = [&](int n, const char* key) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    // Each count holds together on a line ("1 lưu ý" never leaves "ý" alone below): no-break spaces.
    for (char c : trf(key, n)) {
      if (c == ' ') out += "\u00a0";
      else out += c;
    }
  };
  part(to_fill, "findings.to_fill");
  part(errors, "findings.errors");
  part(warnings, "findings.warnings");
  return out;
}

// ---- fields ----------------------------------------------------------------------------------

std::string display_date(std::string_view stored) {
  if (auto d = parse_iso_date(stored)) return to_display(*d);
  return std::string(stored);
}

void field_label(const FieldSpec& spec) {
  if (!spec.label || !*spec.label) return;
  sem::label_for(spec.path, spec.label);
  ImGui::PushFont(fonts.bold);
  const float wrap_width = ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(spec.label);
  ImGui::PopTextWrapPos();
  if (spec.required) {
    // The star after the label's last line. (SameLine would set it after the first line's
    // right edge: out of sight when a narrow cell wrapped the label.)
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize(), scale = size / font->FontSize;
    const char* end = spec.label + std::strlen(spec.label);
    const char* last = spec.label;
    for (const char* line = spec.label; line < end;) {
      last = line;
      const char* next = font->CalcWordWrapPositionA(scale, line, end, wrap_width);
      if (next == line) ++next;  // a word wider than the line: ImGui breaks it anyway
      while (next < end && (*next == ' ' || *next == '\n')) ++next;
      line = next;
    }
    const float last_w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, last, end).x;
    const ImVec2 at(ImGui::GetItemRectMin().x + last_w + em() * 0.25f, ImGui::GetItemRectMax().y - size);
    ImGui::GetWindowDrawList()->AddText(fonts.body, size, at, palette().error, "*");
  }
  ImGui::PopFont();
  if (spec.help && *spec.help) {
    small_muted(spec.help);
  }
}

void field_findings(std::span<const Finding* const> findings) {
  if (findings.empty()) return;
  ImGui::PushFont(fonts.small);
  for (const Finding* f : findings) {
    const bool wrong = f->severity == Severity::error && !still_to_fill(*f);  // as the findings list
    colored_wrapped(wrong ? palette().error : palette().warning, tr(f->message).c_str());
  }
  ImGui::PopFont();
}

namespace {
std::string jumped_path;  // the field a finding's jump landed on, outlined until kJumpHighlightSeconds
double jumped_at = 0;
constexpr double kJumpHighlightSeconds = 2.0;
constexpr double kJumpHighlightFull = 1.4;  // then it fades

// The window that scrolls around the current one (a card is a child window that does not).
ImGuiWindow* scrolling_window() {
  ImGuiWindow* scroller = ImGui::GetCurrentWindow();
  while ((scroller->Flags & ImGuiWindowFlags_ChildWindow) && (scroller->Flags & ImGuiWindowFlags_NoScrollWithMouse) &&
         scroller->ParentWindow)
    scroller = scroller->ParentWindow;
  return scroller;
}
}  // namespace

// The longest start of `text` that fits `width` in the current font, with "…" when cut.
std::string fit(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const char* ellipsis = "…";
  const float room = width - ImGui::CalcTextSize(ellipsis).x;
  // Binary search over the code point boundaries.
  std::vector<size_t> cuts;
  for (size_t i = 1; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cuts.push_back(i);
  size_t lo = 0, hi = cuts.size();  // cuts[0..lo) fit
  while (lo < hi) {
    const size_t mid = (lo + hi + 1) / 2;
    if (ImGui::CalcTextSize(text.c_str(), text.c_str() + cuts[mid - 1]).x <= room) lo = mid;
    else hi = mid - 1;
  }
  std::string out = lo ? text.substr(0, cuts[lo - 1]) : std::string();
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  if (out.size() >= 2 && out.compare(out.size() - 2, 2, "\xC2\xB7") == 0) out.resize(out.size() - 2);  // a dangling "·"
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + ellipsis;
}

void scroll_to_top() { ImGui::SetScrollY(scrolling_window(), 0); }

void next_field_cell() {
  ImGui::TableNextColumn();
  ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0.0f;
}

bool begin_section_jump(std::string_view id) {
  ImGui::SetNextItemWidth(is_phone() ? -FLT_MIN : std::min(ImGui::GetContentRegionAvail().x, em() * 18));
  return ImGui::BeginCombo(("##" + std::string(id)).c_str(), tr("editor.jump"), ImGuiComboFlags_HeightLarge);
}

bool section_jump_option(std::string_view id, const std::string& label, const char* key) {
  const bool chosen = option((label + "##" + std::string(id) + "=" + key).c_str(), false);
  sem::describe_last_item(sem::Role::option);
  return chosen;
}

void end_section_jump(std::string_view id, bool open) {
  if (open) ImGui::EndCombo();
  annotate(tr("editor.jump"), id);
  sem::describe_last_item(sem::Role::combobox, open ? sem::expanded : 0u, tr("editor.jump"));
}

void header_row(std::string_view table_id) {
  // As TableHeadersRow, but ImGui's TableHeader gives its item no label for the item hooks.
  ImGui::PushFont(fonts.bold);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
  for (int column = 0, columns = ImGui::TableGetColumnCount(); column < columns; ++column) {
    if (!ImGui::TableSetColumnIndex(column)) continue;
    const char* name = ImGui::TableGetColumnName(column);
    ImGui::PushID(column);
    ImGui::TableHeader(name);
    ImGui::PopID();
    annotate(name, std::string(table_id) + ".col." + std::to_string(column));
  }
  ImGui::PopFont();
}

void tab_through_table() {
  ImGuiWindow* inner = ImGui::GetCurrentWindow();
  if (!(inner->Flags & ImGuiWindowFlags_ChildWindow) || !inner->ParentWindow) return;
  // What Begin does for a child begun NavFlattened, done after BeginTable's own Begin: the
  // table's rows then share their parent's Tab order (ImGui tabs within one window for navigation).
  // Begin gave the child a focus scope of its own (tabbing stays within one scope); it goes, and
  // End, seeing the flag, pops none.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (inner->Flags & ImGuiWindowFlags_NavFlattened || g.CurrentFocusScopeId != inner->ID) return;
  inner->Flags |= ImGuiWindowFlags_NavFlattened;
  inner->RootWindowForNav = inner->ParentWindow->RootWindowForNav;
  ImGui::PopFocusScope();
  inner->NavRootFocusScopeId = g.CurrentFocusScopeId;
}

void scroll_last_item_to_top() {
  ImGuiWindow* scroller = scrolling_window();
  ImGui::SetScrollFromPosY(scroller, ImGui::GetItemRectMin().y - scroller->Pos.y - em() * 0.5f, 0.0f);
}

void focus_if_target(app::Session& s, std::string_view path) {
  if (s.nav.focus_path.empty() || s.nav.focus_path != path) return;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  // The field sits a quarter down the screen: above a phone's keyboard, which takes the lower half.
  ImGuiWindow* scroller = scrolling_window();
  // Not yet: a card shown for the first time is measured before it is laid out (hidden while it
  // auto-fits, its items submitted but its position not true yet: wait), and a card out of sight
  // is skipped whole (hidden too, its field never submitted, but laid out where it really is:
  // scroll towards it). Only a skipped window skips items, and ImGui skips only once nothing is
  // being measured, so SkipItems is the test for "laid out, out of sight" (Hidden is set in both
  // cases). Try again next frame; the screen gives up after a few frames. Meanwhile say text
  // input is wanted, so a phone keeps drawing frames inside the tap and can still open its
  // keyboard once the field is active.
  if (window->Hidden || window->SkipItems) {
    if (window->SkipItems) ImGui::SetScrollFromPosY(scroller, window->DC.CursorPos.y - scroller->Pos.y, 0.25f);
    ImGui::GetIO().WantTextInput = true;
    s.platform().request_frame();
    return;
  }
  ImGui::SetScrollFromPosY(scroller, window->DC.CursorPos.y - scroller->Pos.y, 0.25f);
  sem::focus_field(path);
  s.nav.focus_path.clear();
  s.nav.focus_frames = 0;
  jumped_path = std::string(path);
  jumped_at = ImGui::GetTime();
}

bool fields_moving() {
  return anchor_moved || (!jumped_path.empty() && ImGui::GetTime() - jumped_at <= kJumpHighlightSeconds);
}

namespace {
// Outlines the item just drawn if it is the field a finding jumped to: full, then fading.
void highlight_if_jumped(std::string_view path) {
  if (jumped_path.empty() || path != jumped_path) return;
  const double age = ImGui::GetTime() - jumped_at;
  if (age > kJumpHighlightSeconds) {
    jumped_path.clear();
    return;
  }
  const float fade = age < kJumpHighlightFull ? 1.0f : static_cast<float>((kJumpHighlightSeconds - age) / (kJumpHighlightSeconds - kJumpHighlightFull));
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(palette().warning);
  c.w *= fade;
  const float pad = em() * 0.25f;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  // Around the field, in the window's padding: outside the content's clip, inside the window's.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  dl->PushClipRect(window->OuterRectClipped.Min, window->OuterRectClipped.Max, false);
  dl->AddRect(ImVec2(min.x - pad, min.y - pad), ImVec2(max.x + pad, max.y + pad), ImGui::ColorConvertFloat4ToU32(c),
              ImGui::GetStyle().FrameRounding + pad, 0, std::max(2.0f, em() * 0.15f));
  dl->PopClipRect();
}
}  // namespace

namespace {

bool viewport_resized = false;

std::string json_to_text(const nlohmann::json& v, InputKind kind) {
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    return kind == InputKind::date ? display_date(s) : s;
  }
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v.get<double>());
    return buf;
  }
  return {};
}

// What the model stores for what was typed: numbers as numbers when they parse, everything else
// as the text itself (validation says what is wrong; nothing typed is lost).
nlohmann::json text_to_json(const std::string& text, InputKind kind) {
  if (kind == InputKind::number || kind == InputKind::integer) {
    std::string t = text::trim(text);
    if (t.empty()) return nullptr;
    long long i = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), i);
    if (ec == std::errc() && p == t.data() + t.size()) return i;
    if (kind == InputKind::number) {
      std::string dotted = t;
      for (char& c : dotted)
        if (c == ',') c = '.';
      char* end = nullptr;
      double d = std::strtod(dotted.c_str(), &end);
      if (end && *end == '\0' && std::isfinite(d)) return d;
    }
  }
  // A time typed as four digits, as dates are typed as eight: "0800" is 08:00.
  if (kind == InputKind::time) {
    const std::string t = text::trim(text);
    if (t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        (t[0] - '0') * 10 + (t[1] - '0') < 24 && t[2] < '6')
      return t.substr(0, 2) + ":" + t.substr(2);
  }
  return text;
}

// Which multi-line field is being edited: set when its wrapped view is clicked, kept until the
// editor has been active and lets go (or never became active within a few frames). ImGui 1.90's
// multi-line editor cannot wrap words, so it edits `display`: the text with the spaces where lines
// wrap turned into line breaks (core/soft_wrap.hpp), the same length as `text`, so the caret and
// selection are the same offsets in both. Its own undo would undo the wrapping, so the field keeps
// an undo of the text itself.
struct MultilineState {
  ImGuiID id = 0;
  bool was_active = false;
  int frames = 0;
  std::string text;     // what the person wrote
  std::string display;  // what ImGui edits and shows
  float wrap_width = 0;
  int caret = 0, selection_start = 0, selection_end = 0;  // as of the last frame
  std::vector<std::string> undo, redo;
  double last_edit = -1;
  int pending = 0;  // 1: undo, 2: redo (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z)
  bool one_paragraph = false;  // InputKind::long_text
  int start_caret = -1;        // where the caret goes when editing starts (a click's place, or the end)
};
MultilineState multiline_state;

// ImGui's multi-line editor is a child window of its own: a Tab pressed in it looked for the next
// field inside that window only, and stayed (a keyboard user could not leave a summary). The
// field lets go of the Tab's frame and the Tab is given to ImGui again for the next one, where it
// moves on from the field in its own window.
int tab_frames_left = 0;  // the frames until the replayed Tab has landed (drawn without waiting)

float text_width(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }

std::string wrapped_for_editing(std::string_view text, float width) { return text::soft_wrap(text, width, text_width); }

void start_editing(MultilineState& st, ImGuiID gid, bool was_active, const std::string& text, float wrap_width) {
  st = MultilineState{};
  st.id = gid;
  st.was_active = was_active;
  st.text = text;
  st.wrap_width = wrap_width;
  st.display = wrapped_for_editing(text, wrap_width);
}

// Runs every frame the editor is active: maps an edit of the display back to the text, applies
// the field's own undo and redo, and wraps the text again (the width may have changed too).
int multiline_callback(ImGuiInputTextCallbackData* data) {
  MultilineState& st = *static_cast<MultilineState*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
    if (st.one_paragraph && (data->EventChar == '\n' || data->EventChar == '\r')) data->EventChar = ' ';
    return 0;
  }
  // ImGui starts a multi-line editor with the caret at the text's start: what was typed went in
  // front of what the field held. It goes where the person clicked, or at the end; what was typed
  // in the very frame the editor started (ImGui put it at the start) is moved there too.
  if (st.start_caret >= 0) {
    const int caret = std::clamp(st.start_caret, 0, static_cast<int>(st.display.size()));
    st.start_caret = -1;
    const std::string_view shown(data->Buf, static_cast<size_t>(data->BufTextLen));
    int after = caret, before = caret;
    if (shown.size() > st.display.size() && shown.ends_with(st.display) &&
        data->CursorPos == static_cast<int>(shown.size() - st.display.size())) {
      const std::string typed(shown.substr(0, shown.size() - st.display.size()));
      data->DeleteChars(0, static_cast<int>(typed.size()));
      data->InsertChars(caret, typed.data(), typed.data() + typed.size());
      after = caret + static_cast<int>(typed.size());
    } else if (shown != st.display) {
      after = data->CursorPos;  // some other edit: leave it as ImGui made it, from the start
      before = 0;
    }
    data->CursorPos = data->SelectionStart = data->SelectionEnd = after;
    st.caret = st.selection_start = st.selection_end = before;
  }
  std::string_view now(data->Buf, static_cast<size_t>(data->BufTextLen));
  std::string text = st.text;
  int caret = data->CursorPos;
  if (now != st.display) {
    // An edit starts at the caret, or at a selection it replaced (a selection is two different ends:
    // with none, ImGui may leave both ends anywhere).
    int from = std::min(st.caret, data->CursorPos);
    if (st.selection_start != st.selection_end) from = std::min({from, st.selection_start, st.selection_end});
    text = text::unwrap_edit(st.text, st.display, now, static_cast<size_t>(from), static_cast<size_t>(data->CursorPos));
    // One undo step per burst of typing: a pause of a second starts the next.
    if (st.undo.empty() || ImGui::GetTime() - st.last_edit > 1.0) st.undo.push_back(st.text);
    if (st.undo.size() > 200) st.undo.erase(st.undo.begin());
    st.redo.clear();
    st.last_edit = ImGui::GetTime();
  } else if (st.pending != 0) {
    auto& from = st.pending == 1 ? st.undo : st.redo;
    auto& to = st.pending == 1 ? st.redo : st.undo;
    if (!from.empty()) {
      to.push_back(text);
      // The caret goes where the texts start to differ.
      const std::string& back = from.back();
      size_t same = 0;
      while (same < back.size() && same < text.size() && back[same] == text[same]) ++same;
      text = back;
      from.pop_back();
      caret = static_cast<int>(std::min(text.size(), same + (back.size() > st.text.size() ? back.size() - st.text.size() : 0)));
      st.last_edit = -1;
    }
  }
  st.pending = 0;
  std::string display = wrapped_for_editing(text, st.wrap_width);
  if (display != now) {
    if (display.size() == now.size() && caret == data->CursorPos) {
      std::copy(display.begin(), display.end(), data->Buf);  // only soft breaks moved: same offsets
      data->BufDirty = true;
    } else {
      data->DeleteChars(0, data->BufTextLen);
      data->InsertChars(0, display.data(), display.data() + display.size());
      data->CursorPos = data->SelectionStart = data->SelectionEnd = std::clamp(caret, 0, data->BufTextLen);
    }
  }
  st.text = std::move(text);
  st.display = std::move(display);
  st.caret = data->CursorPos;
  st.selection_start = data->SelectionStart;
  st.selection_end = data->SelectionEnd;
  return 0;
}

// Copying from the editor copies the text, not the display: a soft break is its space again.
void (*set_clipboard_outside)(void*, const char*) = nullptr;
void set_clipboard_unwrapped(void* user_data, const char* copied) {
  const MultilineState& st = multiline_state;
  const std::string_view c(copied);
  const size_t a = static_cast<size_t>(std::min(st.selection_start, st.selection_end));
  if (st.text.size() == st.display.size() && a + c.size() <= st.display.size() && st.display.compare(a, c.size(), c) == 0) {
    const std::string text = st.text.substr(a, c.size());
    set_clipboard_outside(user_data, text.c_str());
  } else {
    set_clipboard_outside(user_data, copied);
  }
}

// The place in `display` (lines broken by '\n') nearest to `point`, for text drawn from `origin`.
int caret_at(const std::string& display, ImVec2 origin, ImVec2 point, float line_h) {
  const int line = std::max(0, static_cast<int>((point.y - origin.y) / line_h));
  size_t start = 0;
  for (int i = 0; i < line; ++i) {
    const size_t nl = display.find('\n', start);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  size_t end = display.find('\n', start);
  if (end == std::string::npos) end = display.size();
  const float x = point.x - origin.x;
  float before = 0;
  for (size_t i = start; i < end;) {
    size_t next = i + 1;
    while (next < end && (static_cast<unsigned char>(display[next]) & 0xC0) == 0x80) ++next;
    const float w = ImGui::CalcTextSize(display.c_str() + start, display.c_str() + next).x;
    if (x < (before + w) * 0.5f) return static_cast<int>(i);
    before = w;
    i = next;
  }
  return static_cast<int>(end);
}

// Multi-line text, wrapped at word boundaries whether or not it is being edited; a tap or click
// starts editing. The field grows with its text from `lines` to 3 × `lines`, then scrolls.
bool multiline_input(const char* id, std::string& buf, float lines, bool one_paragraph) {
  const ImGuiID gid = ImGui::GetID(id);
  const float line_h = ImGui::GetTextLineHeight();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGuiContext& g = *GImGui;
  ImGuiIO& io = ImGui::GetIO();
  MultilineState& st = multiline_state;
  // Active as a text editor (not merely pressed as the wrapped view, which is the same id).
  const bool editing = st.id == gid || (g.ActiveId == gid && g.InputTextState.ID == gid);
  // The editor's scroll bar is kept clear, so the lines break in the same places in both views.
  const float wrap_w = std::max(width - style.FramePadding.x * 2 - style.ScrollbarSize, em());

  if (editing) {
    if (st.id != gid) {  // reached by Tab or a finding: the caret at the end
      start_editing(st, gid, true, buf, wrap_w);
      st.start_caret = static_cast<int>(st.display.size());
    }
    const bool active = g.ActiveId == gid;
    st.wrap_width = wrap_w;
    st.one_paragraph = one_paragraph;
    if (!active && !st.was_active) {  // not yet taken the caret: follow the model
      st.text = buf;
      st.display = wrapped_for_editing(buf, wrap_w);
    }
    if (active) {
      if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_Z)) st.pending = 1;
      if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_Y) ||
          ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiMod_Shift | ImGuiKey_Z))
        st.pending = 2;
    }
    const float text_h = ImGui::CalcTextSize(st.display.c_str(), st.display.c_str() + st.display.size()).y;
    const float height = std::clamp(text_h, line_h * lines, line_h * lines * 3) + style.FramePadding.y * 2;
    if (st.id == gid && !st.was_active && st.frames == 0) ImGui::SetKeyboardFocusHere();
    std::string shown = st.display;
    set_clipboard_outside = io.SetClipboardTextFn;
    io.SetClipboardTextFn = set_clipboard_unwrapped;
    if (active && ImGui::IsKeyPressed(ImGuiKey_Tab, false) && !io.KeyCtrl && !io.KeyAlt) {
      ImGui::ClearActiveID();
      io.AddKeyEvent(ImGuiKey_Tab, true);
      io.AddKeyEvent(ImGuiKey_Tab, false);
      tab_frames_left = 4;
    }
    // One paragraph: Enter leaves the field (Ctrl+Enter's line break becomes a space).
    const ImGuiInputTextFlags paragraph =
        one_paragraph ? ImGuiInputTextFlags_CtrlEnterForNewLine | ImGuiInputTextFlags_CallbackCharFilter : 0;
    ImGui::InputTextMultiline(id, &shown, ImVec2(-FLT_MIN, height),
                              ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_CallbackEdit |
                                  ImGuiInputTextFlags_NoUndoRedo | paragraph,
                              multiline_callback, &st);
    io.SetClipboardTextFn = set_clipboard_outside;
    // The frame it lets go, ImGui may hand back an edit the callback did not see.
    if (shown != st.display) {
      st.text = text::unwrap_edit(st.text, st.display, shown);
      st.display = shown;
    }
    const bool changed = st.text != buf;
    if (changed) buf = st.text;
    if (ImGui::IsItemActive()) st.was_active = true;
    else if (st.was_active || ++st.frames > 6) st = MultilineState{};
    if (st.id == gid) ImGui::GetIO().WantTextInput = true;
    return changed;
  }

  const std::string display = wrapped_for_editing(buf, wrap_w);
  const float text_h = ImGui::CalcTextSize(display.c_str(), display.c_str() + display.size()).y;
  const float min_h = line_h * lines, max_h = line_h * lines * 3;
  const float height = std::clamp(text_h, min_h, max_h) + style.FramePadding.y * 2;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
  ImGui::ItemSize(bb, style.FramePadding.y);
  // Inputable: Tab stops here, as at any text field (and activates it: editing starts below).
  if (!ImGui::ItemAdd(bb, gid, nullptr, ImGuiItemFlags_Inputable)) return false;
  bool hovered = false, held = false;
  bool pressed = ImGui::ButtonBehavior(bb, gid, &hovered, &held);
  ImGui::RenderNavHighlight(bb, gid);
  ImGui::RenderFrame(bb.Min, bb.Max, ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg), true,
                     style.FrameRounding);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec4 clip(bb.Min.x + 1, bb.Min.y + 1, bb.Max.x - 1, bb.Max.y - 1);
  ImVec2 text_pos(bb.Min.x + style.FramePadding.x, bb.Min.y + style.FramePadding.y);
  dl->AddText(g.Font, g.FontSize, text_pos, ImGui::GetColorU32(ImGuiCol_Text), display.c_str(),
              display.c_str() + display.size(), 0, &clip);
  if (text_h > max_h) {
    const char* more = "…";
    ImVec2 ms = ImGui::CalcTextSize(more);
    dl->AddText(ImVec2(bb.Max.x - style.FramePadding.x - ms.x, bb.Max.y - style.FramePadding.y - ms.y),
                palette().muted, more);
  }
  if (pressed || g.NavActivateId == gid || g.NavActivateDownId == gid) {
    start_editing(st, gid, false, buf, wrap_w);
    // By the pointer: where it is; by the keyboard (Enter, Tab: ButtonBehavior says "pressed" too): the end.
    const bool by_pointer = pressed && g.NavActivateId != gid && bb.Contains(ImGui::GetIO().MousePos);
    st.start_caret = by_pointer ? caret_at(display, text_pos, ImGui::GetIO().MousePos, line_h) : static_cast<int>(st.display.size());
    ImGui::GetIO().WantTextInput = true;
  }
  IMGUI_TEST_ENGINE_ITEM_INFO(gid, id, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Inputable);
  return false;
}

// A field's states and findings for assistive technology (ui/semantics.hpp): required, read-only,
// invalid when a finding is an error, and the findings' text as its description.
void describe_field(sem::Role role, const FieldSpec& spec, std::string_view value,
                    std::span<const Finding* const> findings) {
  std::uint32_t state = (spec.required ? sem::required : 0u) | (spec.read_only ? sem::read_only : 0u);
  std::string description;
  for (const Finding* f : findings) {
    if (f->severity == Severity::error) state |= sem::invalid;
    if (!description.empty()) description += ". ";
    description += tr(f->message);
  }
  sem::describe_last_item(role, state, value, description);
  highlight_if_jumped(spec.path);
}

}  // namespace

void set_viewport_resized(bool resized) { viewport_resized = resized; }

namespace {
// The field being typed in stays where it is on the screen when what is above it changes height
// (a finding fixed by this very typing leaves the list above; a section's tally changes), as a
// browser anchors its scroll (CSS overflow-anchor): otherwise the form moves under the finger.
struct Anchor {
  ImGuiID id = 0;
  float y = 0;       // the field's top on the screen
  float scroll = 0;  // the scroll it was seen at
};
Anchor anchor;

void keep_in_place_while_typing() {
  if (!ImGui::IsItemActive()) {
    if (anchor.id == ImGui::GetItemID()) anchor.id = 0;
    return;
  }
  ImGuiWindow* scroller = scrolling_window();
  const float y = ImGui::GetItemRectMin().y;
  const ImGuiID id = ImGui::GetItemID();
  // Only when the person did not scroll: the page moved on its own. Not at the top of the page
  // (as browsers do not): what appears there — a notice, say — is meant to be seen.
  if (anchor.id == id && scroller->Scroll.y == anchor.scroll && anchor.scroll > 0 && std::abs(y - anchor.y) >= 1.0f) {
    const float to = std::clamp(scroller->Scroll.y + (y - anchor.y), 0.0f, scroller->ScrollMax.y);
    ImGui::SetScrollY(scroller, to);
    anchor.scroll = to;
    anchor_moved = true;
    return;  // anchor.y stays: where the field belongs
  }
  anchor = {id, y, scroller->Scroll.y};
}
}  // namespace

std::optional<nlohmann::json> input_field(const FieldSpec& spec, const nlohmann::json& value,
                                          const FindingIndex& findings) {
  field_label(spec);
  std::string id = "##";
  id += spec.path;
  std::string buf = json_to_text(value, spec.kind);
  bool changed = false;
  ImGuiInputTextFlags flags = spec.read_only ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None;
  if (spec.kind == InputKind::multiline || spec.kind == InputKind::long_text) {
    const bool one_paragraph = spec.kind == InputKind::long_text;
    const float lines = one_paragraph ? 1 : spec.lines;
    if (spec.read_only) {
      ImGui::BeginDisabled();
      multiline_input(id.c_str(), buf, lines, one_paragraph);
      ImGui::EndDisabled();
    } else {
      changed = multiline_input(id.c_str(), buf, lines, one_paragraph);
    }
  } else {
    if (spec.kind == InputKind::date || spec.kind == InputKind::time) {
      ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em() * 10));
    } else if (spec.kind == InputKind::number || spec.kind == InputKind::integer) {
      ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em() * 8));
      if (spec.kind == InputKind::integer) flags |= ImGuiInputTextFlags_CharsDecimal;
      // A number is replaced, not extended: a tap on "0" then "2" gives 2, not "02" (as a
      // spreadsheet cell does).
      flags |= ImGuiInputTextFlags_AutoSelectAll;
    } else {
      ImGui::SetNextItemWidth(-FLT_MIN);
    }
    // An example says the form in any language: "vd. 20/11/2025".
    const char* hint = spec.kind == InputKind::date ? tr("field.date_hint") : spec.kind == InputKind::time ? tr("field.time_hint") : "";
    changed = ImGui::InputTextWithHint(id.c_str(), hint, &buf, flags);
    if (ImGui::IsItemActive()) {
      const bool phone_number = spec.path == "phone" || spec.path.ends_with(".phone");
      const bool email = spec.path == "email" || spec.path.ends_with(".email");
      keyboard_now = spec.kind == InputKind::integer || spec.kind == InputKind::date ? Keyboard::numeric
                     : spec.kind == InputKind::number                                ? Keyboard::decimal
                     : phone_number                                                  ? Keyboard::tel
                     : email                                                         ? Keyboard::email
                                                                                     : Keyboard::text;
    }
  }
  if (ImGui::IsItemDeactivated()) visit(spec.path);
  annotate(spec.label, spec.path);
  describe_field(spec.kind == InputKind::multiline ? sem::Role::multiline : sem::Role::text_field, spec, buf,
                 findings.at(spec.path));
  // The on-screen keyboard just shrank the viewport: bring the field being edited back into view.
  if (viewport_resized && ImGui::IsItemActive()) ImGui::SetScrollHereY(0.4f);
  else keep_in_place_while_typing();
  // The counter shows for long texts, and for short ones only as they near their limit.
  const size_t n = spec.max_length > 0 ? text::length(buf) : 0;
  if (spec.max_length > 0 && (spec.kind == InputKind::multiline || n * 10 > static_cast<size_t>(spec.max_length) * 8)) {
    char counter[64];
    std::snprintf(counter, sizeof counter, "%zu / %d", n, spec.max_length);
    ImGui::PushFont(fonts.small);
    colored_wrapped(static_cast<int>(n) > spec.max_length ? palette().error : palette().muted, counter);
    ImGui::PopFont();
  }
  field_findings(findings.at(spec.path));
  if (!changed) return std::nullopt;
  return text_to_json(buf, spec.kind);
}

bool finding_row(const Finding& f, std::size_t i, ImU32 color) {
  const std::string text = (f.severity == Severity::error ? "• " : "– ") + tr(f.message);
  const std::string id = "finding." + f.path + "." + std::to_string(i);
  // A row wraps its whole message (a selectable would cut it at the edge). Not taller than its
  // text: a fixed finding's row disappears, and a tall row would move the form under the finger.
  const float width = ImGui::GetContentRegionAvail().x;
  const float text_h = ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y;
  // On a touch screen a row is a finger high (44 px with the spacing), as the issue of small
  // targets asks; the list starts folded there, so a fixed row moves no field under the finger.
  const float touch_h = touch_row_height();
  const float row_h = touch_h > 0 ? std::max(text_h, touch_h - ImGui::GetStyle().ItemSpacing.y) : text_h;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool chosen = ImGui::Selectable(("##" + id).c_str(), false, ImGuiSelectableFlags_None, ImVec2(width, row_h));
  annotate(text.c_str(), id);
  ImGui::GetWindowDrawList()->AddText(nullptr, 0, ImVec2(at.x, at.y + (row_h - text_h) * 0.5f), color, text.c_str(),
                                      nullptr, width);
  return chosen;
}

std::optional<bool> checkbox_field(const FieldSpec& spec, bool value, const FindingIndex& findings) {
  std::string id = spec.label;
  id += "##";
  id += spec.path;
  bool v = value;
  bool changed = wrapped_checkbox(id.c_str(), &v);
  if (changed) visit(spec.path);
  describe_field(sem::Role::checkbox, spec, {}, findings.at(spec.path));
  if (spec.help && *spec.help) {
    small_muted(spec.help);
  }
  field_findings(findings.at(spec.path));
  if (!changed || spec.read_only) return std::nullopt;
  return v;
}

std::optional<std::string> choice_field(const FieldSpec& spec, std::string_view value,
                                        std::span<const Option> options, const FindingIndex& findings) {
  field_label(spec);
  std::string id = "##";
  id += spec.path;
  const char* preview = tr("field.choose");
  for (const Option& o : options)
    if (o.id == value) preview = o.label.c_str();
  std::optional<std::string> result;
  ImGui::SetNextItemWidth(-FLT_MIN);
  const std::string shown = combo_preview(preview, ImGui::GetContentRegionAvail().x);
  const bool open = ImGui::BeginCombo(id.c_str(), shown.c_str(), ImGuiComboFlags_HeightLarge);
  if (open) {
    visit(spec.path);  // opened: the clerk has been here
    for (const Option& o : options) {
      std::string item = o.label + "##" + std::string(spec.path) + "=" + o.id;
      if (option(item.c_str(), o.id == value) && !spec.read_only && o.id != value) result = o.id;
      sem::describe_last_item(sem::Role::option, o.id == value ? sem::selected : 0u);
    }
    ImGui::EndCombo();
  }
  annotate(spec.label, spec.path);
  describe_field(sem::Role::combobox, spec, preview, findings.at(spec.path));
  if (open) sem::describe_last_item(sem::Role::combobox, sem::expanded | (spec.required ? sem::required : 0), preview);
  field_findings(findings.at(spec.path));
  return result;
}

void escape_keeps_typed_text() {
  ImGuiContext& g = *GImGui;
  if (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId && ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    ImGui::ClearActiveID();
}

bool tab_leaving_multiline() {
  if (tab_frames_left == 0) return false;
  --tab_frames_left;
  return true;
}

std::string name_or_unnamed(std::string_view name) {
  return name.empty() ? std::string(tr("dossier.unnamed")) : std::string(name);
}

std::string share_text(int votes_for, int members_total) {
  if (members_total <= 0) return "—";
  return std::to_string(votes_for) + "/" + std::to_string(members_total) + " · " + tr(share_percent(votes_for, members_total));
}

void quorum_line(const Meeting& m, const Threshold& quorum, std::string_view id, bool say_short) {
  if (m.members_total <= 0 || m.members_present <= 0) return;
  const bool ok = m.members_present <= m.members_total && has_quorum(m, quorum);
  if (!ok && !say_short) return;
  ImGui::PushFont(fonts.small);
  noted(ok ? palette().success : palette().error,
        trf(ok ? "meeting.quorum_ok" : "meeting.quorum_short",
            {std::to_string(m.members_present), std::to_string(m.members_total), tr(quorum.describe())})
            .c_str(),
        id);
  ImGui::PopFont();
}

void int_field(const char* label_key, std::string_view path, int& value, bool read_only, bool blank_zero,
               bool with_label) {
  FieldSpec spec{path, with_label ? tr(label_key) : "", nullptr, false, 0, InputKind::integer};
  spec.read_only = read_only;
  const nlohmann::json shown = blank_zero && value == 0 ? nlohmann::json() : nlohmann::json(value);
  if (auto v = input_field(spec, shown, {})) {
    if (v->is_null()) value = 0;
    else if (v->is_number_integer()) value = static_cast<int>(std::clamp<long long>(v->get<long long>(), -1000000, 1000000));
  }
  if (!with_label) annotate(tr(label_key), path);
}

}  // namespace hoso::ui
