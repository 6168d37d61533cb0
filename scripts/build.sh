#!/usr/bin/env bash
# Builds hoso: `build.sh web` (dist/), `build.sh native` (core, store, tests, benchmarks),
# `build.sh all`. Incremental: a second run only rebuilds what changed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs acorn from there (TOOLCHAIN.md)
what=${1:-all}
jobs=${HOSO_JOBS:-2}

imgui_args=()
[ -n "${IMGUI_DIR:-}" ] && imgui_args=(-DIMGUI_DIR="$IMGUI_DIR")

if [ "$what" = native ] || [ "$what" = all ]; then
  # Unit tests, unoptimised (-O0, no debug info): they run in seconds either way, and compile in
  # half the time. The benchmarks have their own optimised tree (scripts/bench.sh: build/bench).
  [ -f build/native/build.ninja ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG=-O0 >/dev/null
  cmake --build build/native -j"$jobs"
fi
if [ "$what" = web ] || [ "$what" = all ]; then
  if [ ! -f build/web/build.ninja ] || [ ${#imgui_args[@]} -gt 0 ]; then
    emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release "${imgui_args[@]}" >/dev/null
  fi
  cmake --build build/web -j"$jobs" --target dist hoso_core_tests_wasm
fi
