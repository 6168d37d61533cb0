#pragma once
// The ImGui backend for the browser (imgui_web.cpp) as the app sees it.
#include <functional>

struct ImFontAtlas;

namespace hoso::web {
// Adds the app's fonts to the atlas at `pixel_size_scale` (UI scale × device pixel ratio).
using FontSetup = std::function<void(ImFontAtlas&, float pixel_size_scale)>;
// Builds the interface for one frame (between NewFrame and Render).
using FrameCallback = std::function<void()>;

void init(FontSetup font_setup, FrameCallback frame_cb);
void request_frame();          // wake the renderer: something changed
void set_ui_scale(float scale);  // the text-size setting; fonts are rebuilt
float ui_scale();
float device_pixel_ratio();

// The canvas changed size (window, on-screen keyboard, rotation) since the last frame: widgets use
// this to keep the field being edited in view.
bool resized_this_frame();
void note_resized();
}  // namespace hoso::web
