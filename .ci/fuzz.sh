#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the loader's libFuzzer harness (tests/fuzz) with clang, replays the
# seed corpus (the good and bad dossiers, the fuzzer's earlier findings in
# tests/data/fuzz-regressions, the shipped dossier), then fuzzes for a
# bounded time.  Exits non-zero on any crash, sanitizer report, leak,
# timeout (10 s for one input) or out-of-memory (2 GiB); the input that
# caused it is then in $FUZZ_ARTIFACTS, to be kept as a regression file.
#
#   .ci/fuzz.sh                 # 120 seconds, in _build-fuzz
#   FUZZ_SECONDS=3600 .ci/fuzz.sh
#   FUZZ_BUILDDIR=_build-ci-fuzz FUZZ_SECONDS=60 .ci/fuzz.sh   # what .ci/run does
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-120}
builddir=${FUZZ_BUILDDIR:-_build-fuzz}
artifacts=${FUZZ_ARTIFACTS:-$builddir/fuzz-artifacts}

# clang and libFuzzer's runtime are in build-aux/debian-packages.txt, which
# `make deps` installs (.ci/run runs `make test` first).
if ! command -v clang >/dev/null || ! dpkg-query -W -f='${Status}\n' libclang-rt-14-dev 2>/dev/null | grep -q 'ok installed'; then
  echo "fuzz.sh: needs clang and libclang-rt-14-dev; run \`make deps\` first" >&2
  exit 1
fi

# Only the harness is built; the rest of the tree is only configured.
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=none
fi
meson compile -C "$builddir" fuzz-loader

corpus="$builddir/fuzz-corpus"
rm -rf "$corpus"
tests/fuzz/make-seed-corpus.sh . "$corpus"
mkdir -p "$artifacts"

"$builddir/tests/fuzz/fuzz-loader" \
  -dict=tests/fuzz/dossier.dict \
  -max_total_time="$seconds" \
  -rss_limit_mb=2048 \
  -timeout=10 \
  -artifact_prefix="$artifacts/" \
  -print_final_stats=1 \
  "$corpus"
