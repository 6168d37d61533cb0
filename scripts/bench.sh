#!/usr/bin/env bash
# The benchmark suite (issue 9): every benchmark, native and in the browser, into BENCHMARKS.md.
#
#   scripts/bench.sh [--quick] [--no-native] [--no-browser] [--no-xbrowser] [--no-build] [--throttle N] [--soak]
#
# --soak (only when asked: 30 minutes more): scripted editing of 1,000 dossiers with random
# reloads, tab closes and crashes, every edit then accounted for (tests/bench/soak.mjs).
#
# - native: Google Benchmark (build/bench/hoso_bench, tests/bench/*.cpp; built when missing unless
#   --no-build), 5 repetitions each, summarised as median and p95 (tests/bench/native_summary.mjs),
#   with the core's SHA-256 against sha256sum;
# - browser, headless Chromium, one browser at a time: start-up first and repeat visit, online and
#   offline, bytes per file raw and gzip, idle frames (browser_startup.mjs); where the wasm's bytes
#   go (wasm_size_map.mjs); frame CPU time while scrolling 1,000 dossiers and typing into a
#   20,000-character Form 08 field, wasm memory (browser_frames.mjs); the accessible mirror
#   (browser_mirror.mjs); keystroke → IndexedDB and start-up with 1,000 dossiers (browser_store.mjs);
#   the register of 1,000 rows (browser_register.mjs); hoso against Enketo in the same run
#   (browser_peer.mjs); export and import of a 100-dossier package, SHA-256 in wasm against
#   crypto.subtle (browser_packages.mjs); any other tests/bench/browser_*.mjs; start-up per engine
#   in Firefox and WebKit (tests/xbrowser/run.mjs --bench). The frames, store, register and peer
#   benchmarks also measure with the CPU throttled N× (--throttle, 4 by default: a cheap phone).
#
# Each script writes its results to benchmarks/results/<name>.json (run id, machine, build, load
# average before and after, the figures); then tests/bench/bench_summary.mjs builds the whole of
# BENCHMARKS.md from those files alone, the summary's targets computed from the figures. A
# benchmark that failed or did not run shows as MISSING (its old results file is removed first);
# one left from another run (a --no-… option) as STALE. Not part of scripts/test.sh; about
# 20 minutes on 2 cores (--quick: fewer runs; the header of BENCHMARKS.md then says "QUICK RUN").
#
# HOSO_DIST=dir measures another build (default dist/; build it with scripts/build.sh web);
# HOSO_WASM_BUILD=dir is where that build's hoso.js.symbols is (default build/web), for the size map.
# Everything runs under nice. Raw, uncommitted output: build/bench/ (HOSO_BENCH_OUT).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

quick=0 native=1 browser=1 xbrowser=1 build=1 throttle=4
options="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-native) native=0 ;;
    --no-browser) browser=0 ;;
    --no-xbrowser) xbrowser=0 ;;
    --soak) soak=1 ;;
    --no-build) build=0 ;;
    --throttle) throttle=$2; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

export HOSO_DIST=$(cd "${HOSO_DIST:-dist}" 2>/dev/null && pwd || echo "${HOSO_DIST:-dist}")
export HOSO_WASM_BUILD=${HOSO_WASM_BUILD:-$here/build/web}
export HOSO_BENCH_OUT=${HOSO_BENCH_OUT:-$here/build/bench}
export HOSO_BENCH_RESULTS=${HOSO_BENCH_RESULTS:-$here/benchmarks/results}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
export HOSO_BENCH_QUICK=$quick
mkdir -p "$HOSO_BENCH_OUT" "$HOSO_BENCH_RESULTS"
begin=(--begin --options "$options"); [ "$quick" = 1 ] && begin+=(--quick)
HOSO_BENCH_RUN=$(node tests/bench/bench_summary.mjs "${begin[@]}") || { echo "bench.sh: could not start the run" >&2; exit 1; }
export HOSO_BENCH_RUN
echo "== run $HOSO_BENCH_RUN" >&2
failed=()
missing=()   # name=why, for the summary

step() {  # step NAME RESULT COMMAND...: runs it niced; its old results go first, so a failure shows as MISSING
  local name=$1 result=$2; shift 2
  local t0=$(date +%s)
  rm -f "$HOSO_BENCH_RESULTS/$result.json"
  echo "== $name" >&2
  if nice -n 10 "$@"; then
    echo "== $name: done in $(( $(date +%s) - t0 )) s" >&2
  else
    echo "== $name: FAILED (exit $?)" >&2
    failed+=("$name")
    missing+=(--missing "$result=failed in this run, see bench.sh's output")
  fi
}
skip() {  # skip RESULT WHY: not run; an old results file stays and shows as STALE
  missing+=(--missing "$1=$2")
}

if [ "$native" = 1 ]; then
  # An optimised tree of its own (build/native, the tests', is unoptimised).
  if [ "$build" = 1 ]; then
    echo "== building build/bench/hoso_bench (Release)" >&2
    { [ -f build/bench/build.ninja ] || cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null; } &&
      nice cmake --build build/bench -j2 --target hoso_bench >&2 || failed+=("native build")
  fi
  if [ -x build/bench/hoso_bench ]; then
    reps=5; [ "$quick" = 1 ] && reps=2
    rm -f "$HOSO_BENCH_OUT/native.json"
    step "native benchmarks ($reps repetitions)" native build/bench/hoso_bench --benchmark_repetitions=$reps \
      --benchmark_min_time=0.1 --benchmark_out="$HOSO_BENCH_OUT/native.json" --benchmark_out_format=json
    [ -s "$HOSO_BENCH_OUT/native.json" ] && step "native summary" native node tests/bench/native_summary.mjs "$HOSO_BENCH_OUT/native.json" --write
  else
    rm -f "$HOSO_BENCH_RESULTS/native.json"
    skip native "build/bench/hoso_bench not built$([ "$build" = 0 ] && echo ' (--no-build)')"
  fi
else
  skip native "not run (--no-native)"
fi

browsers=(startup sizemap frames mirror store register peer packages)
if [ "$browser" = 1 ]; then
  if [ ! -f "$HOSO_DIST/index.html" ]; then
    echo "bench.sh: no app in $HOSO_DIST (scripts/build.sh web, or set HOSO_DIST)" >&2
    failed+=("browser: no app")
    for b in "${browsers[@]}"; do rm -f "$HOSO_BENCH_RESULTS/$b.json"; skip "$b" "no app in $HOSO_DIST"; done
  else
    t=(--throttle "$throttle")
    if [ "$quick" = 1 ]; then
      runs=(--runs 2) pkg=(--runs 1 --hash-runs 3) frames=(--reloads 1 --keys 30) store=(--samples 5 --startups 3)
      mirror=(--keys 20 --steps 20) register=(--scrolls 60) peer=(--runs 2 --keys 10)
    else
      runs=(--runs 5) pkg=(--runs 3 --hash-runs 5) frames=(--reloads 3 --keys 60) store=(--samples 15 --startups 7)
      mirror=(--keys 40 --steps 50) register=(--scrolls 120) peer=(--runs 5 --keys 20)
    fi
    step "start-up, size and idle" startup node tests/bench/browser_startup.mjs "${runs[@]}" --write
    step "where the wasm's bytes go" sizemap node tests/bench/wasm_size_map.mjs --write
    step "frame time and memory" frames node tests/bench/browser_frames.mjs "${frames[@]}" "${t[@]}" --write
    step "the accessible mirror" mirror node tests/bench/browser_mirror.mjs "${mirror[@]}" --write
    step "storage (keystroke → IndexedDB, start-up with 1,000 dossiers)" store node tests/bench/browser_store.mjs "${store[@]}" "${t[@]}" --write
    step "the register of 1,000 rows" register node tests/bench/browser_register.mjs "${register[@]}" "${t[@]}" --write
    # hoso and Enketo in the same run (the peer page is built from npm in tests/bench/peer/).
    step "against a peer (Enketo)" peer node tests/bench/browser_peer.mjs "${peer[@]}" "${t[@]}" --write
    step "packages and hashing" packages node tests/bench/browser_packages.mjs "${pkg[@]}" --write
    # Browser benchmarks this script does not know by name: each runs with --write and saves
    # benchmarks/results/<its name>.json, rendered as a section of its own.
    for f in tests/bench/browser_*.mjs; do
      n=$(basename "$f" .mjs); n=${n#browser_}
      case " ${browsers[*]} " in *" $n "*) continue ;; esac
      step "$n" "$n" node "$f" --write
    done
  fi
else
  for b in "${browsers[@]}"; do skip "$b" "not run (--no-browser)"; done
fi

if [ "$browser" = 1 ] && [ "$xbrowser" = 1 ] && [ -f "$HOSO_DIST/index.html" ]; then
  xr=5; [ "$quick" = 1 ] && xr=2
  step "cross-browser start-up" xbrowser node tests/xbrowser/run.mjs --bench --runs $xr --write
else
  skip xbrowser "not run ($([ "$xbrowser" = 0 ] && echo --no-xbrowser || echo 'no browser benchmarks'))"
fi

if [ "${soak:-0}" = 1 ]; then
  step "soak, 30 minutes" soak node tests/bench/soak.mjs --minutes 30 --write
fi

node tests/bench/bench_summary.mjs --write "${missing[@]}"
echo "bench.sh: BENCHMARKS.md written from benchmarks/results/ (run $HOSO_BENCH_RUN)" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench.sh: these steps failed: ${failed[*]}" >&2
  exit 1
fi
