#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (gcc) in _build-asan ($ASAN_BUILDDIR) and runs the whole test suite with
# them, in two phases.  Any ASan or UBSan report fails the test.
#  1. The tests that need no display (suites model, layout, unit, data: the
#     loader, the store, the catalogue of bad files and `dossier --validate`
#     on each, the layouts) also run under LeakSanitizer, with no
#     suppression at all: they must be leak-free.
#  2. The others (suites ui and i18n, under Xvfb) run without leak
#     detection.  It cannot be made reliable there with Debian's libraries:
#     see the end of tests/lsan.supp.  SANITIZE_UI_LEAKS=1 turns it on, with
#     tests/lsan.supp, to look for leaks by hand; it is about 5 times slower.
# Needs only the packages `make deps` installs (.ci/run runs this after
# `make test`).
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${ASAN_BUILDDIR:-_build-asan}
root=$PWD

# -fno-omit-frame-pointer: ASan's default (fast) unwinder follows frame
# pointers, so every frame of ours is in a report.
# -Db_lundef=false: no -Wl,--no-undefined, which meson warns against with
# sanitizers (their runtime's symbols may be left to the executable); with
# gcc it changes nothing for our programs and the reader's module.
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false --werror \
    -Dc_args=-fno-omit-frame-pointer
fi
meson compile -C "$builddir"

# GSlice would hide leaks and use-after-free from ASan.
export G_SLICE=always-malloc
# gcc's UBSan only prints and goes on by default: make every report fail.
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1
# abort_on_error: the test dies of SIGABRT, which meson reports as a failure
# even when the test would exit 0.
asan=halt_on_error=1:abort_on_error=1:print_summary=1
# No option is needed for WebKit's WebProcess and NetworkProcess: they are
# Debian's binaries, built without ASan, so they ignore ASAN_OPTIONS, and
# nothing is preloaded into them; their bubblewrap sandbox works as usual.
# Timeouts are meson's own: ASan and UBSan make the tests 1.5 to 3.5 times
# slower, still well within them.

no_display=(--suite model --suite layout --suite unit --suite data)
display=(--no-suite model --no-suite layout --no-suite unit --no-suite data)

status=0

echo "== tests without a display: ASan, UBSan, LeakSanitizer with no suppression"
ASAN_OPTIONS=$asan:detect_leaks=1 LSAN_OPTIONS=report_objects=1 \
  meson test -C "$builddir" --print-errorlogs "${no_display[@]}" || status=1

if [ "${SANITIZE_UI_LEAKS:-0}" = 1 ]; then
  echo "== tests with a display: ASan, UBSan, LeakSanitizer with tests/lsan.supp, under Xvfb"
  # fast_unwind_on_malloc=0: GLib, GTK and fontconfig are built without
  # frame pointers, so the fast unwinder stops at g_malloc and no report
  # could be told apart or suppressed; the slow (DWARF) one sees every frame.
  # GALLIUM_DRIVER=softpipe: llvmpipe's LLVM JIT registers its unwind tables
  # with libgcc, whose _Unwind_Find_FDE then allocates under the lock the
  # slow unwinder, called from malloc, takes again: a deadlock.  softpipe
  # has no JIT.
  # GDK_DEBUG=gl-glx: Mesa's EGL set-up leaks a block from a driver it then
  # unloads, which no suppression can name; with GLX the driver stays.
  # Unwinding at every malloc and free makes these tests 3 to 15 times
  # slower: longer meson timeouts, and DOSSIER_TEST_DEADLINE_SCALE for the
  # deadlines in the tests themselves (tests/dossier-test-utils.c).
  GDK_DEBUG=gl-glx GALLIUM_DRIVER=softpipe DOSSIER_TEST_DEADLINE_SCALE=5 \
    ASAN_OPTIONS=$asan:detect_leaks=1:fast_unwind_on_malloc=0 \
    LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=1" \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    meson test -C "$builddir" --print-errorlogs "${display[@]}" --timeout-multiplier 4 || status=1
else
  echo "== tests with a display: ASan, UBSan, under Xvfb (no leak detection)"
  ASAN_OPTIONS=$asan:detect_leaks=0 \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    meson test -C "$builddir" --print-errorlogs "${display[@]}" || status=1
fi

exit $status
