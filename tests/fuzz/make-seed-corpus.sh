#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the fuzzer's seed corpus in DIR from the good and bad dossiers,
# the shipped dossier and the kept fuzzer findings:
#   tests/fuzz/make-seed-corpus.sh SOURCE_DIR DIR
set -eu
src=${1:?usage: $0 SOURCE_DIR DIR}
out=${2:?usage: $0 SOURCE_DIR DIR}

mkdir -p "$out"
for dir in "$src/tests/data/good" "$src/tests/data/bad" "$src/tests/data/fuzz-regressions" \
           "$src/data/dossiers"; do
  [ -d "$dir" ] || continue
  for file in "$dir"/*; do
    case $file in
      *.expected|*.md) continue ;;
    esac
    [ -f "$file" ] || continue
    # Flat names, so that files from different directories do not clash
    cp "$file" "$out/$(basename "$dir")-$(basename "$file")"
  done
done
for file in "$src"/tests/data/*.json; do
  cp "$file" "$out/data-$(basename "$file")"
done
echo "$(ls "$out" | wc -l) seeds in $out"
