#!/usr/bin/env bash
# Installs what is missing, builds native and web, and runs every test: native unit tests and the
# core's tests compiled to wasm (ctest), a short fuzz run, the browser end-to-end suite (Chromium),
# and the cross-browser journeys (Chromium, Firefox ESR, WebKitGTK).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
failed=0
# Each section says how long the run has taken so far: the whole must stay under 15 minutes.
section() { printf '\n==== %s (at %dm%02ds) ====\n' "$1" $((SECONDS / 60)) $((SECONDS % 60)); }
section "setup (installs only what is missing)"
"$here/scripts/setup.sh" test || exit 1
section "build: native and web"
"$here/scripts/build.sh" all || exit 1

section "native unit tests (ctest)"
ctest --test-dir build/native --output-on-failure || failed=1
section "core tests in wasm under node (ctest)"
ctest --test-dir build/web --output-on-failure || failed=1
if ls tests/fuzz/*_fuzzer.cpp >/dev/null 2>&1; then
  section "fuzzing (short run)"
  "$here/scripts/fuzz.sh" "${HOSO_FUZZ_SECONDS:-14}" || failed=1
fi
section "size budget"
node tests/tools/check_size.mjs || failed=1
section "strings catalogue"
node tests/tools/check_strings.mjs || failed=1
section "layers (core < store < app < ui < main < platform)"
node tests/tools/check_layers.mjs || failed=1
section "shipped campaigns and templates against their schemas (ajv)"
node tests/tools/validate_data_files.mjs || failed=1
section "browser end-to-end (Chromium)"
# Two files at a time: each has its own server and browser profile, and waits on the app, not the clock.
# The longest files first (measured), so the two workers finish together; then every other file.
e2e=()
for name in secretariat unit_workflow clerk persistence campaigns offline faults accessibility; do e2e+=("tests/e2e/$name.test.mjs"); done
for f in tests/e2e/*.test.mjs; do [[ " ${e2e[*]} " == *" $f "* ]] || e2e+=("$f"); done
node --test --test-concurrency=2 "${e2e[@]}" || failed=1
section "any browser: Chromium, Firefox ESR, WebKitGTK (tests/xbrowser, Firefox and WebKit under xvfb-run)"
node tests/xbrowser/run.mjs || failed=1
section "done"
if [ $failed -ne 0 ]; then echo "hoso tests: FAILED"; else echo "hoso tests: all passed"; fi
exit $failed
