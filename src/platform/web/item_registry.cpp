#include "platform/web/item_registry.hpp"

#include <emscripten/emscripten.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web/imgui_web.hpp"

namespace hoso::web {
namespace {

struct Item {
  ImGuiID id;
  ImRect rect;      // visible part, clipped to the window
  std::string label;
  ImGuiItemStatusFlags flags = 0;
  bool active = false;
};

std::vector<Item> building, last_frame;
std::unordered_map<ImGuiID, size_t> index_of;  // into `building`
std::string json;
bool resized_pending = false, resized_now = false;

void append_json_string(std::string& out, const std::string& s) {
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

}  // namespace

void items_begin_frame() {
  building.clear();
  index_of.clear();
  resized_now = resized_pending;
  resized_pending = false;
}
void items_end_frame() { last_frame.swap(building); }

bool resized_this_frame() { return resized_now; }
void note_resized() { resized_pending = true; }

const char* items_json() {
  json.clear();
  json += '[';
  bool first = true;
  for (const Item& it : last_frame) {
    if (it.label.empty()) continue;
    std::string_view label = it.label;
    std::string_view id;
    if (auto p = label.find("###"); p != std::string_view::npos) {
      id = label.substr(p + 3);
      label = label.substr(0, p);
    } else if (auto q = label.find("##"); q != std::string_view::npos) {
      id = label.substr(q + 2);
      label = label.substr(0, q);
    }
    if (!first) json += ',';
    first = false;
    char nums[160];
    snprintf(nums, sizeof nums, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"active\":%s,\"checked\":%s}",
             it.rect.Min.x, it.rect.Min.y, it.rect.GetWidth(), it.rect.GetHeight(), it.active ? "true" : "false",
             (it.flags & ImGuiItemStatusFlags_Checked) ? "true" : "false");
    json += "{\"id\":";
    append_json_string(json, std::string(id));
    json += ",\"label\":";
    append_json_string(json, std::string(label));
    json += nums;
  }
  json += ']';
  return json.c_str();
}

}  // namespace hoso::web

using namespace hoso::web;

// ImGui calls these for every item when g.TestEngineHookItems is set (see imgui_web.cpp).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
  ImGuiWindow* window = ctx->CurrentWindow;
  if (!window || !bb.Overlaps(window->ClipRect)) return;  // not drawn this frame
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
  building.push_back(Item{id, visible, {}, 0, ctx->ActiveId == id});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  auto it = index_of.find(id);
  if (it == index_of.end() || !label) return;
  Item& item = building[it->second];
  item.label = label;
  item.flags = flags;
  item.active = item.active || ctx->ActiveId == id;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

extern "C" EMSCRIPTEN_KEEPALIVE const char* hoso_items_json() { return items_json(); }
