#!/usr/bin/env bash
# Line coverage of src/core/ by the native unit tests (gcov + lcov): builds an instrumented tree
# in build/coverage, runs the core tests, and writes an HTML report to build/coverage/html/.
# Prints the summary and one line CI can read: "coverage: NN.N% of lines in src/core".
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
command -v lcov >/dev/null || { scripts/setup.sh test; }
build=build/coverage
[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHOSO_COVERAGE=ON >/dev/null
cmake --build "$build" -j"${HOSO_JOBS:-2}" --target hoso_core_tests
# Debian's lcov 1.x warns of its own Perl ("Subroutine ... redefined"): noise, filtered out.
lcov() { command lcov "$@" 2> >(grep -v 'redefined at' >&2); }
lcov --quiet --directory "$build" --zerocounters
"$build/hoso_core_tests" --gtest_brief=1 >/dev/null
lcov --quiet --capture --directory "$build" --output-file "$build/all.info" --ignore-errors mismatch,negative 2>/dev/null ||
  lcov --quiet --capture --directory "$build" --output-file "$build/all.info"
lcov --quiet --extract "$build/all.info" "$here/src/core/*" --output-file "$build/core.info"
genhtml --quiet --output-directory "$build/html" "$build/core.info" >/dev/null
summary=$(command lcov --summary "$build/core.info" 2>&1 | grep -v 'redefined at')
echo "$summary"
pct=$(echo "$summary" | sed -n 's/.*lines\.*: *\([0-9.]*\)%.*/\1/p' | head -1)
echo "coverage: ${pct}% of lines in src/core (report: $build/html/index.html)"
