#!/usr/bin/env bash
# Builds every libFuzzer target (tests/fuzz/*_fuzzer.cpp) with Debian's clang 14, ASan and UBSan in
# build/fuzz, and runs them for SECONDS in all (default 60 per target; split evenly between the
# targets, at least 2 s each) on a temporary copy of each one's seed corpus
# (tests/fuzz/corpus/<name>/): new inputs never land in the repository. Any crash, sanitizer
# report, leak or timeout fails the run; its input is kept under build/fuzz/findings/<fuzzer>/.
# Prints one summary line: "fuzz: N passed, M failed".  Usage: scripts/fuzz.sh [TOTAL_SECONDS]
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
targets=$(cd "$here/tests/fuzz" && ls *_fuzzer.cpp | wc -l)
total=${1:-$((60 * targets))}
seconds=$((total / targets))
[ "$seconds" -ge 2 ] || seconds=2
build="$here/build/fuzz"

mkdir -p "$build"
# Without NDEBUG: the library's own assertions stay on while fuzzing. A short run (the test
# command's, a few seconds a target) is compiled at -O0, which halves the build, most of its time;
# a long one at -O1, for more inputs a second.
opt=-O1
[ "$seconds" -ge 30 ] || opt=-O0
if ! CC=clang-14 CXX=clang++-14 cmake -S "$here" -B "$build" -G Ninja -DHOSO_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$opt -gline-tables-only" \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="$opt -gline-tables-only" > "$build/configure.log" 2>&1; then
  cat "$build/configure.log"
  echo "fuzz: 0 passed, 1 failed (configure)"
  exit 1
fi
if ! cmake --build "$build" -j2 --target $(cd "$here/tests/fuzz" && ls *_fuzzer.cpp | sed "s/\.cpp$//"); then
  echo "fuzz: 0 passed, 1 failed (build)"
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
passed=0
failed=0
for src in "$here"/tests/fuzz/*_fuzzer.cpp; do
  name=$(basename "$src" .cpp)
  seeds="$here/tests/fuzz/corpus/${name%_fuzzer}"
  corpus="$work/$name/corpus"
  findings="$build/findings/$name"
  mkdir -p "$corpus" "$findings"
  if [ -d "$seeds" ]; then cp -R "$seeds/." "$corpus/"; fi
  echo "== $name: ${seconds}s on $(find "$corpus" -type f | wc -l) seeds"
  if "$build/$name" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -print_final_stats=1 \
      -artifact_prefix="$findings/" "$corpus" > "$work/$name.log" 2>&1; then
    passed=$((passed + 1))
    grep -E "^(Done|stat::number_of_executed_units|stat::new_units_added)" "$work/$name.log" || tail -n 3 "$work/$name.log"
  else
    failed=$((failed + 1))
    tail -n 60 "$work/$name.log"
    cp "$work/$name.log" "$findings/last-run.log"
    echo "$name FAILED: input and log kept in $findings"
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
