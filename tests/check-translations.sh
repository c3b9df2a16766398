#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Keeps the translations honest:
#  1. every source file with translatable strings is listed in po/POTFILES.in,
#     and the list is sorted and names only files that exist;
#  2. every language in po/LINGUAS, merged with a template made from the
#     current sources, passes msgfmt --check with no untranslated or fuzzy
#     message.
# Usage: check-translations.sh SOURCE_ROOT
set -u
root=${1:?source root}
cd "$root" || exit 1
failed=0
passed=0
fail () { echo "FAIL: $*"; failed=$((failed + 1)); }
pass () { echo "ok: $*"; passed=$((passed + 1)); }

potfiles=po/POTFILES.in
listed=$(grep -v '^\s*#' "$potfiles" | sed '/^\s*$/d')

if [ "$listed" = "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  pass "POTFILES.in is sorted"
else
  fail "POTFILES.in is not sorted"
fi

for f in $listed; do
  [ -f "$f" ] || fail "POTFILES.in lists $f, which does not exist"
done

missing=""
for f in $(find src data -type f | LC_ALL=C sort); do
  case "$f" in *.gresource.xml) continue ;; *.c|*.h|*.ui|*.in|*.xml) ;; *) continue ;; esac
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(|translatable="yes"|<_?(summary|description|name|p)>' "$f"; then
    printf '%s\n' "$listed" | grep -qxF "$f" || missing="$missing $f"
  fi
done
if [ -z "$missing" ]; then
  pass "every file with translatable strings is in POTFILES.in"
else
  fail "files with translatable strings missing from POTFILES.in:$missing"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The same keywords meson's "glib" preset gives xgettext.
if ! xgettext --from-code=UTF-8 --add-comments --sort-output --package-name=dossier \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --keyword=ngettext:1,2 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
      --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
      --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
      --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
      --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
      --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
      -o "$tmp/dossier.pot" $listed 2>"$tmp/xgettext.log"; then
  fail "xgettext failed: $(cat "$tmp/xgettext.log")"
fi

for lang in $(grep -v '^\s*#' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    fail "$lang is in LINGUAS but $po does not exist"
    continue
  fi
  if ! msgfmt --check -o /dev/null "$po" 2>"$tmp/msgfmt.log"; then
    fail "$po fails msgfmt --check: $(head -5 "$tmp/msgfmt.log")"
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/dossier.pot"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*) fail "$po is incomplete against the current sources: $stats" ;;
    *) pass "$po: $stats" ;;
  esac
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
