#include "platform/web/item_registry.hpp"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web/imgui_web.hpp"
#include "ui/semantics.hpp"

namespace sem = hoso::ui::semantics;

namespace hoso::web {
namespace {

// One thing drawn in the last frame: an ImGui item (id != 0) or a piece of text (id == 0).
struct Item {
  ImGuiID id = 0;
  ImRect rect;      // visible part, clipped to the window
  std::string label;
  ImGuiItemStatusFlags flags = 0;
  bool active = false;
  // What assistive technology needs (ui/semantics.hpp).
  sem::Role role = sem::Role::automatic;
  std::uint32_t state = 0;
  int level = 0;                 // headings
  std::string value, description;
  ImGuiID dialog = 0;            // the modal window it is in
  ImGuiID popup = 0;             // the (non-modal) popup it is in: a combo box's list
  sem::Landmark landmark = sem::Landmark::none;
  ImGuiID table = 0;              // a data table (one with a header row); layout tables are not
  int row = -1, column = -1;
  bool header_row = false;
  bool cut = false;  // runs past its window's right edge (a layout too wide for the screen)
  ImGuiWindow* window = nullptr;

  bool same(const Item& o) const {
    return id == o.id && label == o.label && flags == o.flags && active == o.active && role == o.role &&
           state == o.state && level == o.level && value == o.value && description == o.description &&
           dialog == o.dialog && popup == o.popup && landmark == o.landmark && table == o.table && row == o.row &&
           column == o.column && header_row == o.header_row && cut == o.cut && rect.Min.x == o.rect.Min.x && rect.Min.y == o.rect.Min.y &&
           rect.Max.x == o.rect.Max.x && rect.Max.y == o.rect.Max.y;
  }
};

std::vector<Item> building, last_frame;
std::unordered_map<ImGuiID, size_t> index_of;  // into `building`
std::unordered_map<ImGuiID, sem::Landmark> landmarks;  // window id -> landmark, this frame
std::unordered_map<ImGuiID, std::string> labels_apart;  // field id -> label drawn apart, this frame
std::string json;
bool resized_pending = false, resized_now = false;
// The mirror's view: a generation that moves only when what it shows changed, and the focus.
unsigned generation = 0;
ImGuiID focused_now = 0, focused_before = 0;
ImGuiID focus_request = 0;  // assistive technology focused this item: give it ImGui's focus
bool activate_request = false;  // and start editing it (focus_field)
bool nav_item_drawn = false;    // the item with the keyboard focus was submitted this frame
int nav_item_gone_frames = 0;
// Where the item with the keyboard focus was last submitted: its window and that window's scroll.
// A list's clipper leaves out rows scrolled away; those are not gone.
ImGuiID nav_item_seen = 0;
ImGuiWindow* nav_item_window = nullptr;
ImVec2 nav_item_scroll;

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

// "Label##id" -> the label people read and the stable id.
void split_label(std::string_view full, std::string_view& label, std::string_view& id) {
  label = full;
  id = {};
  if (auto p = label.find("###"); p != std::string_view::npos) {
    id = label.substr(p + 3);
    label = label.substr(0, p);
  } else if (auto q = label.find("##"); q != std::string_view::npos) {
    id = label.substr(q + 2);
    label = label.substr(0, q);
  }
}

// Where an item sits: its modal dialog or popup, its landmark, its table cell.
void place(Item& item, ImGuiContext& g, ImGuiWindow* window) {
  item.window = window;
  ImGuiWindow* root = window->RootWindow;
  if (root && (root->Flags & ImGuiWindowFlags_Modal)) item.dialog = root->ID;
  else if (root && (root->Flags & ImGuiWindowFlags_Popup)) item.popup = root->ID;
  for (ImGuiWindow* w = window; w; w = w->ParentWindow) {
    auto it = landmarks.find(w->ID);
    if (it != landmarks.end()) {
      item.landmark = it->second;
      break;
    }
  }
  // Only tables with a header row are data tables; the two-column ones lay out a form.
  if (ImGuiTable* t = g.CurrentTable; t && t->InnerWindow == window && t->IsInsideRow && t->IsUsingHeaders) {
    item.table = t->ID;
    item.header_row = (t->RowFlags & ImGuiTableRowFlags_Headers) != 0;
    item.row = t->CurrentRow;
    item.column = t->CurrentColumn;
  }
}

const char* role_name(const Item& it) {
  switch (it.role) {
    case sem::Role::button: return "button";
    case sem::Role::text_field: return "textbox";
    case sem::Role::multiline: return "multiline";
    case sem::Role::checkbox: return "checkbox";
    case sem::Role::radio: return "radio";
    case sem::Role::combobox: return "combobox";
    case sem::Role::option: return "option";
    case sem::Role::tab: return "tab";
    case sem::Role::heading: return "heading";
    case sem::Role::cell: return "cell";
    case sem::Role::link: return "link";
    case sem::Role::text: return "text";
    case sem::Role::status: return "status";
    case sem::Role::automatic: break;
  }
  if (it.header_row) return "columnheader";  // TableHeadersRow's items
  // What ImGui's flags tell.
  if (it.flags & ImGuiItemStatusFlags_Checkable) return "checkbox";
  if (it.flags & ImGuiItemStatusFlags_Inputable) return "textbox";
  if (it.flags & ImGuiItemStatusFlags_Openable) return "disclosure";  // a collapsing header
  if (it.popup) return "option";
  return "button";
}

std::uint32_t state_of(const Item& it) {
  std::uint32_t s = it.state;
  if (it.flags & ImGuiItemStatusFlags_Checked) s |= it.role == sem::Role::option ? sem::selected : sem::checked;
  if (it.flags & ImGuiItemStatusFlags_Openable)
    s |= (it.flags & ImGuiItemStatusFlags_Opened) ? sem::expanded : sem::collapsed;
  return s;
}

}  // namespace

void items_begin_frame() {
  building.clear();
  index_of.clear();
  landmarks.clear();
  labels_apart.clear();
  resized_now = resized_pending;
  resized_pending = false;
}

void items_end_frame() {
  ImGuiContext& g = *GImGui;
  // The focus the mirror follows: the field being edited, else the keyboard's (not a mouse click's).
  focused_now = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId ? g.ActiveId
                : !g.NavDisableHighlight ? g.NavId : 0;
  bool changed = building.size() != last_frame.size() || focused_now != focused_before;
  for (size_t i = 0; !changed && i < building.size(); ++i) changed = !building[i].same(last_frame[i]);
  if (changed) ++generation;
  focused_before = focused_now;
  // The item with the keyboard focus is gone (a button that did its work and was replaced by
  // another): ImGui's Tab counts on from it and would find nothing, so Tab went nowhere. With the
  // focus ring hidden, the next Tab starts at the first control of the window, as ImGui does for
  // a window's first Tab. Two frames: an item may be missing for one while a popup closes.
  const bool scrolled_away = nav_item_seen == g.NavId && nav_item_window &&
                             (nav_item_window->Scroll.x != nav_item_scroll.x || nav_item_window->Scroll.y != nav_item_scroll.y);
  const bool gone = g.NavId != 0 && !nav_item_drawn && !scrolled_away && g.ActiveId == 0 && !g.NavDisableHighlight &&
                    g.NavWindow && g.NavWindow->Active;
  nav_item_gone_frames = gone ? nav_item_gone_frames + 1 : 0;
  if (nav_item_gone_frames >= 2) {
    g.NavDisableHighlight = true;
    nav_item_gone_frames = 0;
  }
  nav_item_drawn = false;
  last_frame.swap(building);
  // Not drawn (scrolled away, screen changed): nothing to focus.
  focus_request = 0;
  activate_request = false;
}

bool resized_this_frame() { return resized_now; }
void note_resized() { resized_pending = true; }

const char* items_json() {
  json.clear();
  json += '[';
  bool first = true;
  for (const Item& it : last_frame) {
    if (it.label.empty() || it.id == 0) continue;
    std::string_view label, id;
    split_label(it.label, label, id);
    if (!first) json += ',';
    first = false;
    char nums[160];
    snprintf(nums, sizeof nums, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"active\":%s,\"checked\":%s",
             it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(), it.rect.GetHeight(), it.active ? "true" : "false",
             (it.flags & ImGuiItemStatusFlags_Checked) ? "true" : "false");
    json += "{\"id\":";
    append_json_string(json, id);
    json += ",\"label\":";
    append_json_string(json, label);
    json += nums;
    json += ",\"role\":\"";
    json += role_name(it);
    json += '"';
    if (it.cut) json += ",\"cut\":true";
    if (!it.value.empty()) {  // what a field shows (as it is drawn, before the model has it)
      json += ",\"value\":";
      append_json_string(json, it.value);
    }
    json += '}';
  }
  json += ']';
  return json.c_str();
}

// The mirror's view of the last frame (pre_a11y.js): every item and text with its role, name,
// state, value and place, and which one has the focus. Asked for only when the generation moved.
const char* a11y_json() {
  json.clear();
  char buf[256];
  snprintf(buf, sizeof buf, "{\"gen\":%u,\"focus\":%u,\"items\":[", generation, focused_now);
  json += buf;
  bool first = true;
  unsigned text_n = 0;
  for (const Item& it : last_frame) {
    if (it.label.empty() && it.id != 0) continue;  // an item without a name (a card, a spacer)
    std::string_view label, id;
    if (it.id != 0) split_label(it.label, label, id);
    else label = it.label;
    if (!first) json += ',';
    first = false;
    // The key the DOM element keeps across frames: the ImGui id, or the text's place in order.
    if (it.id != 0) snprintf(buf, sizeof buf, "{\"k\":\"i%u\",\"n\":%u", it.id, it.id);
    else snprintf(buf, sizeof buf, "{\"k\":\"t%u\",\"n\":0", text_n++);
    json += buf;
    snprintf(buf, sizeof buf,
             ",\"r\":\"%s\",\"s\":%u,\"l\":%d,\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"dlg\":%u,\"pop\":%u,"
             "\"lm\":%d,\"tb\":%u,\"row\":%d,\"col\":%d,\"hdr\":%d",
             role_name(it), state_of(it), it.level, it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(),
             it.rect.GetHeight(), it.dialog, it.popup, static_cast<int>(it.landmark), it.table, it.row, it.column, it.header_row ? 1 : 0);
    json += buf;
    json += ",\"id\":";
    append_json_string(json, id);
    json += ",\"label\":";
    append_json_string(json, label);
    if (!it.value.empty()) {
      json += ",\"v\":";
      append_json_string(json, it.value);
    }
    if (!it.description.empty()) {
      json += ",\"d\":";
      append_json_string(json, it.description);
    }
    json += '}';
  }
  json += "]}";
  return json.c_str();
}

}  // namespace hoso::web

using namespace hoso::web;

namespace hoso::ui::semantics {

void describe_last_item(Role role, std::uint32_t state, std::string_view value, std::string_view description) {
  ImGuiContext& g = *GImGui;
  auto it = index_of.find(g.LastItemData.ID);
  if (it == index_of.end()) return;  // not drawn (clipped)
  Item& item = building[it->second];
  item.role = role;
  item.state |= state;
  item.value.assign(value);
  item.description.assign(description);
}

void describe_text(Role role, std::string_view text, int level) {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* window = g.CurrentWindow;
  if (!window || window->Hidden || text.empty()) return;
  ImRect bb = g.LastItemData.Rect;
  if (!bb.Overlaps(window->ClipRect)) return;
  bb.ClipWith(window->ClipRect);
  Item item;
  item.rect = bb;
  item.label.assign(text);
  item.role = role;
  item.level = level;
  place(item, g, window);
  building.push_back(std::move(item));
}

void label_for(std::string_view path, std::string_view label) {
  if (label.empty()) return;
  std::string id = "##";
  id += path;
  labels_apart[ImGui::GetID(id.c_str())].assign(label);
}

void focus_field(std::string_view path) {
  std::string id = "##";
  id += path;
  focus_request = ImGui::GetID(id.c_str());
  activate_request = true;
}

void mark_landmark(Landmark landmark) {
  if (ImGuiWindow* window = GImGui->CurrentWindow) landmarks[window->ID] = landmark;
}

}  // namespace hoso::ui::semantics

// ImGui calls these for every item when g.TestEngineHookItems is set (see imgui_web.cpp).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* data) {
  ImGuiWindow* window = ctx->CurrentWindow;
  if (id == ctx->NavId && window) {
    nav_item_drawn = true;
    nav_item_seen = id;
    nav_item_window = window;
    nav_item_scroll = window->Scroll;
  }
  if (!window) return;
  // Assistive technology (or the app, focus_field) moved the focus here: so does ImGui, with its
  // focus ring showing; a field asked for by the app also starts editing (the widget reads
  // NavActivateId right after ItemAdd).
  if (focus_request == id && data && !(data->InFlags & ImGuiItemFlags_NoNav)) {
    ImGui::FocusWindow(window);
    ImGui::SetFocusID(id, window);
    ctx->NavDisableHighlight = false;
    ctx->NavDisableMouseHover = true;
    if (activate_request) {
      ctx->NavActivateId = id;
      ctx->NavActivateFlags = ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState;
    }
    focus_request = 0;
    activate_request = false;
  }
  if (!bb.Overlaps(window->ClipRect)) return;  // not drawn this frame
  // Nor is anything in a hidden window: a window (a dialog, a card) appearing is laid out once
  // unseen to measure its size, with its items submitted, and ImGui does not let the pointer
  // reach a window that was hidden in the last frame. Reporting its items then would let a
  // click aimed at them fall through (a restore confirmed in that frame did nothing).
  if (window->Hidden) return;
  if (ImGui::FindWindowByID(id)) return;  // windows register themselves too; only items count
  ImRect visible = bb;
  visible.ClipWith(window->ClipRect);
  auto it = index_of.find(id);
  if (it != index_of.end()) {
    building[it->second].rect = visible;
    return;
  }
  index_of.emplace(id, building.size());
  Item item;
  item.id = id;
  item.rect = visible;
  item.active = ctx->ActiveId == id;
  // (On purpose, a framed header reaches half the window's padding past its content, and a
  // selectable half the spacing between items.)
  const float slack = window->WindowPadding.x * 0.5f + ctx->Style.ItemSpacing.x * 0.5f + 1;
  item.cut = bb.Max.x > window->ClipRect.Max.x + slack && !window->ScrollbarX;
  if (data && (data->InFlags & ImGuiItemFlags_Disabled)) item.state |= sem::disabled;
  place(item, *ctx, window);
  building.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  auto it = index_of.find(id);
  if (it == index_of.end() || !label) return;
  Item& item = building[it->second];
  item.label = label;
  // A field whose label was drawn apart from it ("##path" alone) takes that label.
  if (label[0] == '#' && label[1] == '#' && !labels_apart.empty())
    if (auto named = labels_apart.find(id); named != labels_apart.end()) item.label = named->second + item.label;
  item.flags = flags;
  item.active = item.active || ctx->ActiveId == id;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* hoso_items_json() { return items_json(); }
EMSCRIPTEN_KEEPALIVE unsigned hoso_a11y_generation() { return generation; }
EMSCRIPTEN_KEEPALIVE const char* hoso_a11y_json() { return a11y_json(); }
// Assistive technology focused the mirror element of item `id`: ImGui focuses it next frame.
EMSCRIPTEN_KEEPALIVE void hoso_a11y_focus(unsigned id) {
  focus_request = id;
  request_frame();
}
}
