# Native build: unit tests (GoogleTest via ctest), benchmarks (Google Benchmark), fuzzers (clang).
enable_testing()
find_package(GTest REQUIRED)
find_package(Threads REQUIRED)

if(HOSO_FUZZ)
  # libFuzzer targets: configure a separate build dir with CXX=clang++-14 -DHOSO_FUZZ=ON.
  file(GLOB HOSO_FUZZERS CONFIGURE_DEPENDS tests/fuzz/*_fuzzer.cpp)
  foreach(src ${HOSO_FUZZERS})
    get_filename_component(name ${src} NAME_WE)
    add_executable(${name} ${src})
    target_link_libraries(${name} PRIVATE hoso_store hoso_core)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined -gline-tables-only -O1 -fno-exceptions)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  endforeach()
  # Without exceptions, as in the browser (cmake/web.cmake): a throw left on a path that reads
  # untrusted input aborts, and the fuzzer reports it.
  target_compile_options(hoso_core PRIVATE -fsanitize=fuzzer-no-link,address,undefined -gline-tables-only -fno-exceptions)
  target_compile_options(hoso_store PRIVATE -fsanitize=fuzzer-no-link,address,undefined -gline-tables-only -fno-exceptions)
  return()
endif()

file(GLOB HOSO_CORE_TESTS CONFIGURE_DEPENDS tests/unit/core/*.cpp)
add_executable(hoso_core_tests ${HOSO_CORE_TESTS} ${GEN}/unicode_nfc_tests.inc)
target_include_directories(hoso_core_tests PRIVATE ${GEN})
target_link_libraries(hoso_core_tests PRIVATE hoso_core GTest::gtest_main Threads::Threads)
target_compile_options(hoso_core_tests PRIVATE ${HOSO_WARNINGS})
target_compile_definitions(hoso_core_tests PRIVATE HOSO_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_precompile_headers(hoso_core_tests PRIVATE <nlohmann/json.hpp> <gtest/gtest.h> <string> <vector>)
add_test(NAME core_native COMMAND hoso_core_tests)

file(GLOB HOSO_STORE_TESTS CONFIGURE_DEPENDS tests/unit/store/*.cpp)
if(HOSO_STORE_TESTS)
  add_executable(hoso_store_tests ${HOSO_STORE_TESTS})
  target_link_libraries(hoso_store_tests PRIVATE hoso_store GTest::gtest_main Threads::Threads)
  target_compile_options(hoso_store_tests PRIVATE ${HOSO_WARNINGS})
  target_compile_definitions(hoso_store_tests PRIVATE HOSO_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  add_test(NAME store_native COMMAND hoso_store_tests)
endif()

# The app layer (src/app/: the session behind the screens, no ImGui) as the full edition (with the
# secretariat, app/edition_full.cpp), tested natively against a fake platform (tests/unit/app/).
file(GLOB HOSO_APP_LOGIC_SOURCES CONFIGURE_DEPENDS src/app/*.cpp)
add_library(hoso_app_logic STATIC ${HOSO_APP_LOGIC_SOURCES} ${GEN}/embedded_secretariat_strings.cpp)
target_link_libraries(hoso_app_logic PUBLIC hoso_store)
target_compile_options(hoso_app_logic PRIVATE ${HOSO_WARNINGS})
target_precompile_headers(hoso_app_logic PRIVATE <nlohmann/json.hpp> <string> <vector>)

file(GLOB HOSO_APP_TESTS CONFIGURE_DEPENDS tests/unit/app/*.cpp)
if(HOSO_APP_TESTS)
  add_executable(hoso_app_tests ${HOSO_APP_TESTS})
  target_link_libraries(hoso_app_tests PRIVATE hoso_app_logic GTest::gtest_main Threads::Threads)
  target_compile_options(hoso_app_tests PRIVATE ${HOSO_WARNINGS})
  target_precompile_headers(hoso_app_tests PRIVATE <nlohmann/json.hpp> <gtest/gtest.h> <string> <vector>)
  add_test(NAME app_native COMMAND hoso_app_tests)
endif()

find_package(benchmark QUIET)
file(GLOB HOSO_BENCH_SOURCES CONFIGURE_DEPENDS tests/bench/*.cpp)
if(benchmark_FOUND AND HOSO_BENCH_SOURCES)
  # Not in the default build (the test command's); scripts/bench.sh builds it in an optimised tree.
  add_executable(hoso_bench EXCLUDE_FROM_ALL ${HOSO_BENCH_SOURCES})
  target_link_libraries(hoso_bench PRIVATE hoso_store benchmark::benchmark Threads::Threads)
  target_compile_options(hoso_bench PRIVATE ${HOSO_WARNINGS})
endif()
