# Web build (emcmake cmake): Dear ImGui + our platform layer -> dist/ (hoso.js, hoso.wasm, shell).
set(IMGUI_DIR ${CMAKE_SOURCE_DIR}/third_party/imgui CACHE PATH "A Dear ImGui 1.90.x checkout")
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui not found at IMGUI_DIR=${IMGUI_DIR}: run scripts/setup.sh or pass -DIMGUI_DIR=")
endif()
set(HOSO_DIST_DIR ${CMAKE_SOURCE_DIR}/dist CACHE PATH "Where the deployable web app is written")

# No C++ exceptions in the browser: ~8% less wasm (no landing pads in every function). The code
# that reads untrusted input checks types itself and never relies on a throw (the native fuzzers,
# built without exceptions too, hold it to that); a throw left anywhere aborts to the error page.
set(HOSO_WEB_EH -fno-exceptions)
option(HOSO_WEB_DEBUG "Debug web build: -O1, names in stack traces, ImGui and Emscripten assertions" OFF)
if(HOSO_WEB_DEBUG)
  set(HOSO_WEB_OPT -O1 -g2)
  set(HOSO_WEB_COMPILE ${HOSO_WEB_OPT} ${HOSO_WEB_EH})
else()
  set(HOSO_WEB_OPT -Oz -flto)
  set(HOSO_WEB_COMPILE ${HOSO_WEB_OPT} ${HOSO_WEB_EH})
endif()
target_compile_options(hoso_core PRIVATE ${HOSO_WEB_COMPILE})
target_compile_options(hoso_store PRIVATE ${HOSO_WEB_COMPILE})

# imgui_draw.cpp without the built-in font's data (the app always brings its own).
add_custom_command(
  OUTPUT ${GEN}/imgui_draw.cpp
  COMMAND ${HOSO_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/imgui_draw_without_default_font.py
          ${IMGUI_DIR}/imgui_draw.cpp ${GEN}/imgui_draw.cpp
  DEPENDS ${IMGUI_DIR}/imgui_draw.cpp ${CMAKE_SOURCE_DIR}/scripts/imgui_draw_without_default_font.py
  COMMENT "imgui_draw.cpp without the default font")
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${GEN}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
# Test-engine hooks give hoso.items() the rectangle and label of every item; no demo windows shipped.
target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_KEYIO
  IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_DEFAULT_FONT IMGUI_DISABLE_FILE_FUNCTIONS
  IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS)
target_compile_options(imgui PRIVATE ${HOSO_WEB_COMPILE})

# Noto Sans Regular, subset at build time from Debian's fonts-noto-core to what Vietnamese needs:
# ASCII, Latin-1, ă đ ĩ ũ ơ ư, the tone marks, Latin Extended Additional, quotes, dashes,
# ₫; without the layout tables ImGui never reads. Keep in step with kRanges in src/ui/theme.cpp.
# Bold is drawn from it (ui/theme.cpp, embolden): one font file to download, not two.
set(HOSO_FONT_RANGES "U+0020-007E,U+00A0-00FF,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303,U+0309,U+0323,U+1EA0-1EF9,U+2013-2014,U+2018-201D,U+2022,U+2026,U+2039-203A,U+20AB,U+FFFD")
add_custom_command(
  OUTPUT ${GEN}/NotoSans-Regular-vi.ttf
  COMMAND ${HOSO_PYTHON} -m fontTools.subset /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
          --unicodes=${HOSO_FONT_RANGES} --no-hinting --layout-features= --desubroutinize
          --drop-tables+=GDEF,GPOS,GSUB --name-IDs= --output-file=${GEN}/NotoSans-Regular-vi.ttf
  COMMENT "Subsetting NotoSans-Regular")
add_custom_command(
  OUTPUT ${GEN}/embedded_fonts.cpp
  COMMAND ${HOSO_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/embed_assets.py --namespace hoso::fonts
          --file NotoSans-Regular.ttf=${GEN}/NotoSans-Regular-vi.ttf
          ${GEN}/embedded_fonts.cpp
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/embed_assets.py ${GEN}/NotoSans-Regular-vi.ttf
  COMMENT "Embedding fonts")

file(GLOB_RECURSE HOSO_APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp src/ui/*.cpp src/main/*.cpp src/platform/web/*.cpp)
file(GLOB HOSO_WEB_JS CONFIGURE_DEPENDS src/platform/web/*.js)
# Two editions from the same sources (src/app/edition.hpp): "hoso", the unit's, without the
# secretariat's tools (the smaller download most people get), and "hoso-full", with them.
set(HOSO_SECRETARIAT_SOURCES
  ${CMAKE_SOURCE_DIR}/src/app/secretariat_session.cpp ${CMAKE_SOURCE_DIR}/src/app/edition_full.cpp
  ${CMAKE_SOURCE_DIR}/src/ui/secretariat_ui.cpp
  ${CMAKE_SOURCE_DIR}/src/ui/intake_screen.cpp ${CMAKE_SOURCE_DIR}/src/ui/registry_screen.cpp
  ${CMAKE_SOURCE_DIR}/src/ui/council_screen.cpp ${CMAKE_SOURCE_DIR}/src/ui/awards_screen.cpp
  ${CMAKE_SOURCE_DIR}/src/ui/campaigns_screen.cpp
  ${GEN}/embedded_secretariat_strings.cpp)
set(HOSO_UNIT_EDITION_SOURCES ${CMAKE_SOURCE_DIR}/src/main/edition_unit.cpp)
list(REMOVE_ITEM HOSO_APP_SOURCES ${HOSO_SECRETARIAT_SOURCES} ${HOSO_UNIT_EDITION_SOURCES})
# The shared part is compiled once and linked into both.
add_library(hoso_app OBJECT ${HOSO_APP_SOURCES} ${GEN}/embedded_fonts.cpp)
target_link_libraries(hoso_app PUBLIC hoso_store hoso_core imgui)
target_compile_options(hoso_app PRIVATE ${HOSO_WARNINGS} ${HOSO_WEB_COMPILE})
# Every screen includes the session and the core's headers: nlohmann/json once per target.
target_precompile_headers(hoso_app PRIVATE <nlohmann/json.hpp> <string> <vector>)
add_executable(hoso ${HOSO_UNIT_EDITION_SOURCES})
add_executable(hoso-full ${HOSO_SECRETARIAT_SOURCES})
foreach(edition hoso hoso-full)
  set_target_properties(${edition} PROPERTIES SUFFIX ".js")
  target_link_libraries(${edition} PRIVATE hoso_app hoso_store hoso_core imgui)
  target_compile_options(${edition} PRIVATE ${HOSO_WARNINGS} ${HOSO_WEB_COMPILE})
  target_precompile_headers(${edition} PRIVATE <nlohmann/json.hpp> <string> <vector>)
  target_link_options(${edition} PRIVATE ${HOSO_WEB_OPT} ${HOSO_WEB_EH}
    -sENVIRONMENT=web -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sMALLOC=emmalloc -sDYNAMIC_EXECUTION=0
    -sEXIT_RUNTIME=0 -sFILESYSTEM=1 $<IF:$<BOOL:${HOSO_WEB_DEBUG}>,-sASSERTIONS=1,-sASSERTIONS=0> -sSUPPORT_LONGJMP=0 -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free
    # hoso.js.symbols (function index → name, beside the build; not in dist/): the benchmark's
    # size map of the wasm (tests/bench/wasm_size_map.mjs).
    --emit-symbol-map
    -sEXPORTED_RUNTIME_METHODS=FS,UTF8ToString,stringToUTF8,lengthBytesUTF8,addRunDependency,removeRunDependency
    -lidbfs.js
    "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/src/platform/web/pre_core.js"
    "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/src/platform/web/pre_input.js"
    "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/src/platform/web/pre_storage.js"
    "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/src/platform/web/pre_files.js"
    "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/src/platform/web/pre_a11y.js"
    "SHELL:--js-library ${CMAKE_SOURCE_DIR}/src/platform/web/library_hoso.js")
  set_property(TARGET ${edition} APPEND PROPERTY LINK_DEPENDS ${HOSO_WEB_JS})
endforeach()

# dist/: the whole deployable app.
file(GLOB_RECURSE HOSO_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
add_custom_target(dist ALL
  COMMAND ${HOSO_PYTHON} ${CMAKE_SOURCE_DIR}/scripts/package_dist.py
          --build ${CMAKE_BINARY_DIR} --source ${CMAKE_SOURCE_DIR} --out ${HOSO_DIST_DIR}
  DEPENDS hoso hoso-full ${HOSO_WEB_FILES} ${CMAKE_SOURCE_DIR}/scripts/package_dist.py
  COMMENT "Writing dist/")

# The core's unit tests compiled to wasm and run under node: same code, the browser's arithmetic.
enable_testing()
add_library(gtest_wasm STATIC /usr/src/googletest/googletest/src/gtest-all.cc /usr/src/googletest/googletest/src/gtest_main.cc)
target_include_directories(gtest_wasm SYSTEM PUBLIC /usr/src/googletest/googletest/include PRIVATE /usr/src/googletest/googletest)
target_compile_definitions(gtest_wasm PUBLIC GTEST_HAS_PTHREAD=0)
target_compile_options(gtest_wasm PRIVATE -O1 ${HOSO_WEB_EH})
file(GLOB HOSO_CORE_TESTS CONFIGURE_DEPENDS tests/unit/core/*.cpp)
add_executable(hoso_core_tests_wasm ${HOSO_CORE_TESTS} ${GEN}/unicode_nfc_tests.inc)
target_include_directories(hoso_core_tests_wasm PRIVATE ${GEN})
# The repository's package.json says "type": "module"; Emscripten's node output is CommonJS.
file(WRITE ${CMAKE_BINARY_DIR}/package.json "{\"type\": \"commonjs\"}\n")
set_target_properties(hoso_core_tests_wasm PROPERTIES SUFFIX ".js")
target_link_libraries(hoso_core_tests_wasm PRIVATE hoso_core gtest_wasm)
target_compile_options(hoso_core_tests_wasm PRIVATE -O0 ${HOSO_WEB_EH})
target_precompile_headers(hoso_core_tests_wasm PRIVATE <nlohmann/json.hpp> <gtest/gtest.h> <string> <vector>)
target_compile_definitions(hoso_core_tests_wasm PRIVATE HOSO_SOURCE_DIR="${CMAKE_SOURCE_DIR}" HOSO_WASM_TEST=1)
target_link_options(hoso_core_tests_wasm PRIVATE -O1 ${HOSO_WEB_EH} -sENVIRONMENT=node -sNODERAWFS=1
  -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1)
add_test(NAME core_wasm COMMAND node --no-experimental-fetch ${CMAKE_BINARY_DIR}/hoso_core_tests_wasm.js)
