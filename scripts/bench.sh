#!/usr/bin/env bash
# The benchmark suite (issue 9): every benchmark, native and in the browser, into BENCHMARKS.md.
#
#   scripts/bench.sh [--quick] [--no-native] [--no-browser] [--no-xbrowser] [--soak]
#
# - native: Google Benchmark (build/bench/hoso_bench, tests/bench/*.cpp; built when missing),
#   5 repetitions each, summarised as median and p95 (tests/bench/native_summary.mjs), with the
#   core's SHA-256 against sha256sum;
# - browser, headless Chromium, one browser at a time: start-up first and repeat visit, online and
#   offline, bytes per file raw and gzip, idle frames (browser_startup.mjs); frame CPU time while
#   scrolling 1,000 dossiers and typing into a 20,000-character Form 08 field, wasm memory
#   (browser_frames.mjs); the accessible mirror's time per frame in the same cases, its DOM
#   mutations, and no frame nor mutation while idle (browser_mirror.mjs); export and import of a
#   100-dossier package with 20 MB of attachments and SHA-256 in wasm against crypto.subtle
#   (browser_packages.mjs); keystroke → IndexedDB
#   (browser_store.mjs); any other tests/bench/browser_*.mjs (e.g. the secretariat's intake) with
#   --write; start-up per engine in Firefox and WebKit (tests/xbrowser/run.mjs --bench);
# - hoso against Enketo in the same run, also with the CPU throttled 4x (browser_peer.mjs);
# - with --soak (only when asked: 30 minutes more): scripted editing of 1,000 dossiers with random
#   reloads, tab closes and crashes, every edit then accounted for (tests/bench/soak.mjs);
# - then the summary at the top of BENCHMARKS.md: machine, date, build, the load measured at the
#   start and end, every target met or missed, and any benchmark MISSING; BENCHMARKS.json holds the
#   same results for machines. BENCHMARKS.md is written anew by each run, only by the scripts. Not part of scripts/test.sh; about
# 15 minutes on 2 cores (--quick: fewer runs, a few minutes, for trying the suite out).
#
# HOSO_DIST=dir measures another build (default dist/; build it with scripts/build.sh web).
# Everything runs under nice. Raw results: build/bench/ (HOSO_BENCH_OUT).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

quick=0 native=1 browser=1 xbrowser=1 soak=0
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    --no-native) native=0 ;;
    --no-browser) browser=0 ;;
    --no-xbrowser) xbrowser=0 ;;
    --soak) soak=1 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

export HOSO_DIST=$(cd "${HOSO_DIST:-dist}" 2>/dev/null && pwd || echo "${HOSO_DIST:-dist}")
export HOSO_BENCH_OUT=${HOSO_BENCH_OUT:-$here/build/bench}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
rm -rf "$HOSO_BENCH_OUT/targets"
mkdir -p "$HOSO_BENCH_OUT"
start=$(date +%s)
load_start=$(awk '{ printf "%s, %s, %s", $1, $2, $3 }' /proc/loadavg)
# BENCHMARKS.md is written anew by every run, only by the scripts: nothing of an earlier run (or of a
# hand) survives in it. What this run does not measure shows as MISSING in the summary.
rm -f BENCHMARKS.md BENCHMARKS.json
expect=()
failed=()

step() {  # step NAME COMMAND...: runs it niced, notes a failure and goes on
  local name=$1; shift
  local t0=$(date +%s)
  echo "== $name" >&2
  if nice -n 10 "$@"; then
    echo "== $name: done in $(( $(date +%s) - t0 )) s" >&2
  else
    echo "== $name: FAILED (exit $?)" >&2
    failed+=("$name")
  fi
}

if [ "$native" = 1 ]; then
  # An optimised tree of its own (build/native, the tests', is unoptimised).
  echo "== building build/bench/hoso_bench (Release)" >&2
  { [ -f build/bench/build.ninja ] || cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null; } &&
    nice cmake --build build/bench -j2 --target hoso_bench >&2 || failed+=("native build")
  expect+=(native)
  if [ -x build/bench/hoso_bench ]; then
    reps=5; [ "$quick" = 1 ] && reps=2
    step "native benchmarks ($reps repetitions)" build/bench/hoso_bench --benchmark_repetitions=$reps \
      --benchmark_min_time=0.1 --benchmark_out="$HOSO_BENCH_OUT/native.json" --benchmark_out_format=json
    [ -s "$HOSO_BENCH_OUT/native.json" ] && step "native summary" node tests/bench/native_summary.mjs "$HOSO_BENCH_OUT/native.json" --write
  fi
fi

if [ "$browser" = 1 ]; then
  if [ ! -f "$HOSO_DIST/index.html" ]; then
    echo "bench.sh: no app in $HOSO_DIST (scripts/build.sh web, or set HOSO_DIST)" >&2
    failed+=("browser: no app")
  else
    if [ "$quick" = 1 ]; then
      runs=(--runs 2) pkg=(--runs 1 --hash-runs 3) frames=(--reloads 1 --keys 30) store=(--samples 5 --startups 3)
      mirror=(--keys 20 --steps 20)
    else
      runs=(--runs 5) pkg=(--runs 3 --hash-runs 5) frames=(--reloads 3 --keys 60) store=(--samples 15 --startups 7)
      mirror=(--keys 40 --steps 50)
    fi
    expect+=(startup sizemap frames mirror packages store register peer)
    step "start-up, size and idle" node tests/bench/browser_startup.mjs "${runs[@]}" --write
    step "where the wasm's bytes go" node tests/bench/wasm_size_map.mjs --build build/web --write
    step "frame time and memory" node tests/bench/browser_frames.mjs "${frames[@]}" --write
    step "the accessible mirror" node tests/bench/browser_mirror.mjs "${mirror[@]}" --write
    step "packages and hashing" node tests/bench/browser_packages.mjs "${pkg[@]}" --write
    step "storage (keystroke → IndexedDB)" node tests/bench/browser_store.mjs "${store[@]}" --write
    # The slot for browser benchmarks this script does not know by name (the secretariat's intake
    # of 100 packages, ...): each runs with --write and writes its own section.
    for f in tests/bench/browser_*.mjs; do
      case "$(basename "$f")" in
        browser_startup.mjs|browser_frames.mjs|browser_mirror.mjs|browser_packages.mjs|browser_store.mjs|browser_peer.mjs) continue ;;
      esac
      step "$(basename "$f" .mjs)" node "$f" --write
    done
    # hoso and Enketo in the same run (the peer page is built from npm in tests/bench/peer/).
    peer=(--runs 5 --keys 20); [ "$quick" = 1 ] && peer=(--runs 2 --keys 10)
    step "against a peer (Enketo)" node tests/bench/browser_peer.mjs "${peer[@]}" --write
    if [ "$soak" = 1 ]; then
      expect+=(soak)
      step "soak (30 minutes of editing, every edit accounted for)" node tests/bench/soak.mjs --minutes 30 --write
    fi
    if [ "$xbrowser" = 1 ]; then
      expect+=(xbrowser)
      xr=5; [ "$quick" = 1 ] && xr=2
      step "cross-browser start-up" node tests/xbrowser/run.mjs --bench --runs $xr --write
    fi
  fi
fi

minutes=$(awk "BEGIN { printf \"%.1f\", ($(date +%s) - $start) / 60 }")
node tests/bench/bench_summary.mjs --write --minutes "$minutes" --expect "${expect[*]}" --load-start "$load_start" |
  sed -n '/^TARGETS MISSED\|^MISSING\|^all .* targets met\|^no target measured\|^  MISSED/p'
echo "bench.sh: BENCHMARKS.md written in $minutes min" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench.sh: these steps failed: ${failed[*]}" >&2
  exit 1
fi
