#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs every benchmark in one command and prints a table of the figures,
# each against its floor measured in the same run:
#
#   tests/bench/run-benchmarks.sh [BUILD_DIR]        (default: _build)
#
# - builds what is missing (meson compile), then runs, in turn: bench-load,
#   bench-search, bench-startup (this issue), bench-timeline and bench-graph
#   (their own issues) when they are built;
# - runs under xvfb-run when there is no display, with the environment of
#   `meson test`: memory GSettings backend and the build tree's schema, a
#   private HOME and XDG dirs, no accessibility bus, LC_ALL=C.UTF-8;
# - keeps each benchmark's full output in BUILD_DIR/meson-logs/benchmarks/;
# - ends with a Markdown table (for the README) built from the RESULT lines
#   the benchmarks print, and exits 1 if any target was missed.
#
# BENCH_ONLY="load search" runs only those.  The same benchmarks also run
# through meson: xvfb-run -a meson test -C BUILD_DIR --benchmark
set -u

build=${1:-_build}
if [ ! -d "$build" ]; then
  echo "run-benchmarks.sh: no build directory $build (meson setup $build first)" >&2
  exit 2
fi
build=$(cd "$build" && pwd)

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if ! command -v xvfb-run >/dev/null; then
    echo "run-benchmarks.sh: no display and no xvfb-run" >&2
    exit 2
  fi
  # -noreset: the server would otherwise reset when its last client leaves,
  # which a web process exiting between two benchmarks can be
  exec xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$0" "$build"
fi

if ! meson compile -C "$build" >"$build/meson-logs/benchmarks-build.txt" 2>&1; then
  echo "run-benchmarks.sh: the build fails; see $build/meson-logs/benchmarks-build.txt" >&2
  exit 2
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench-XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
for dir in config data cache state runtime; do
  mkdir -p "$home/$dir"
done
chmod 700 "$home/runtime"
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
       XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" XDG_RUNTIME_DIR="$home/runtime"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_A11Y=none NO_AT_BRIDGE=1 LC_ALL=C.UTF-8

logs="$build/meson-logs/benchmarks"
mkdir -p "$logs"
rm -f "$logs"/*.txt
: >"$logs/status"

echo "Dossier benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Full output: $logs/"

run () {
  name=$1
  shift
  case " ${BENCH_ONLY:-$name} " in
    *" $name "*|*" ${name#bench-} "*) ;;
    *) return ;;
  esac
  if [ ! -x "$1" ]; then
    echo "$name skipped" >>"$logs/status"
    return
  fi
  echo
  echo "== $name"
  start=$(date +%s)
  "$@" >"$logs/$name.txt" 2>&1
  status=$?
  grep -v '^RESULT	' "$logs/$name.txt" | grep -v 'a11y bus' | grep -v '^dossier-generate: warning'
  echo "($name: exit $status, $(($(date +%s) - start)) s)"
  echo "$name $status" >>"$logs/status"
}

run bench-load "$build/tests/bench-load" "$build/tests/dossier-generate"
run bench-search "$build/tests/bench-search" "$build/tests/dossier-generate"
run bench-startup "$build/tests/bench-startup" "$build/tests/bench-empty-window"
run bench-timeline "$build/tests/bench-timeline"
run bench-graph "$build/tests/bench-graph"

status_of () {
  awk -v n="$1" '$1 == n { s = $2 } END { if (s == "") print "not run"; else if (s == "0") print "met"; else if (s == "1") print "MISSED"; else if (s == "77" || s == "skipped") print "skipped"; else print "error " s }' "$logs/status"
}

echo
echo "| Benchmark | Measured | Floor (same run) | Ratio | Target | Status |"
echo "|---|---|---|---|---|---|"
for name in bench-load bench-search bench-startup; do
  [ -f "$logs/$name.txt" ] || continue
  if grep -q '^RESULT	' "$logs/$name.txt"; then
    grep '^RESULT	' "$logs/$name.txt" |
      awk -F '\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7 }'
  else
    echo "| $name | see $logs/$name.txt | | | | $(status_of "$name") |"
  fi
done

# The timeline and graph benchmarks belong to their own issues; their
# verdict lines are picked out of their output.
if [ -f "$logs/bench-timeline.txt" ]; then
  awk -v status="$(status_of bench-timeline)" '
    /all zooms/ {
      ratio = $3; sub(/×.*/, "", ratio)
      detail = $0; sub(/^[^(]*\(/, "", detail); sub(/\).*$/, "", detail)
      printf "| timeline: mean frame, 100,000 vs 1,000 events | %s | 1,000 events, same run | %s× | ≤ 2× | %s |\n", detail, ratio, (ratio + 0 <= 2.0 ? "met" : "MISSED")
      found = 1
    }
    /^Slowest frame/ {
      ms = $0; sub(/^[^:]*: */, "", ms); sub(/ ms.*$/, "", ms)
      printf "| timeline: slowest frame (cold included) | %s ms | | | ≤ 8 ms | %s |\n", ms, (ms + 0 <= 8.0 ? "met" : "MISSED")
      found = 1
    }
    END { if (!found) printf "| timeline | see bench-timeline.txt | | | | %s |\n", status }
  ' "$logs/bench-timeline.txt"
fi
if [ -f "$logs/bench-graph.txt" ]; then
  awk -v status="$(status_of bench-graph)" '
    /^[0-9]+ entities/ { entities = $1 }
    /layout, Barnes-Hut/ { bh = $0; sub(/^[^:]*: */, "", bh); sub(/ s,.*$/, "", bh); bh_entities = entities }
    /layout, direct all pairs/ && entities == bh_entities {
      exact = $0; sub(/^[^:]*: */, "", exact); sub(/ s,.*$/, "", exact)
      if (entities == 5000) {
        printf "| graph: layout of 5,000 entities (Barnes-Hut) | %s s | %s s all pairs | %.2f× | ≤ 2 s | %s |\n", bh, exact, bh / exact, (bh + 0 <= 2.0 ? "met" : "MISSED")
        found = 1
      }
    }
    END { if (!found) printf "| graph | see bench-graph.txt | | | | %s |\n", status }
  ' "$logs/bench-graph.txt"
fi

if grep -q ' 1$' "$logs/status"; then
  exit 1
fi
exit 0
