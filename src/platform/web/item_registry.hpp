#pragma once
// hoso.items(): every ImGui item drawn in the last frame with its label, its stable id (the part
// of the label after "##") and its visible rectangle in CSS pixels, collected through ImGui's
// test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) without the proprietary Test Engine.
namespace hoso::web {
void items_begin_frame();
void items_end_frame();
const char* items_json();  // valid until the next call
}  // namespace hoso::web
