#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest offline, with no runtime installed:
#   - flatpak-builder parses it (--show-manifest),
#   - it names the right app id and command,
#   - it targets org.gnome.Platform/org.gnome.Sdk 49 or newer,
#   - its finish-args grant exactly --share=ipc, --socket=fallback-x11,
#     --socket=wayland and --device=dri, and nothing else.
#
# Usage: tests/test-flatpak-manifest.sh [MANIFEST]
# Exit status: 0 pass, 1 fail, 77 skip (flatpak-builder or python3 missing).

set -u

if ! command -v flatpak-builder >/dev/null 2>&1; then
    echo "1..0 # SKIP flatpak-builder is not installed (apt install flatpak-builder)"
    exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP python3 is not installed"
    exit 77
fi

manifest=${1:-$(dirname "$0")/../flatpak/io.github.dossierapp.Dossier.json}
if [ ! -f "$manifest" ]; then
    echo "1..1"
    echo "not ok 1 - manifest $manifest exists"
    exit 1
fi
# Absolute, since flatpak-builder runs from a scratch directory below.
manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")

# Run flatpak-builder from a scratch directory so that nothing it might
# write lands in the source tree.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/flatpak-manifest-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# --show-manifest parses the manifest the way a build would (JSON or
# YAML, with includes resolved) and prints it as JSON without touching a
# runtime or the network.
if ! (cd "$tmp" && flatpak-builder --show-manifest "$manifest") \
        >"$tmp/manifest.json" 2>"$tmp/stderr"; then
    echo "1..1"
    echo "not ok 1 - flatpak-builder --show-manifest parses $manifest"
    sed 's/^/# /' "$tmp/stderr"
    exit 1
fi

python3 - "$tmp/manifest.json" "$manifest" <<'EOF'
import json
import sys

APP_ID = "io.github.dossierapp.Dossier"
COMMAND = "dossier"
MIN_GNOME = 49
ALLOWED = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}

results = []


def check(ok, what, detail=""):
    results.append((bool(ok), what, detail))


shown_path, manifest_path = sys.argv[1], sys.argv[2]
try:
    with open(shown_path, encoding="utf-8") as f:
        m = json.load(f)
except ValueError as e:
    print("1..1")
    print("not ok 1 - --show-manifest prints JSON # %s" % e)
    sys.exit(1)

check(True, "flatpak-builder --show-manifest parses %s" % manifest_path)

app_id = m.get("id", m.get("app-id"))
check(app_id == APP_ID, "app id is %s" % APP_ID, "got %r" % app_id)
check(m.get("command") == COMMAND, "command is %s" % COMMAND,
      "got %r" % m.get("command"))
check(m.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform",
      "got %r" % m.get("runtime"))
check(m.get("sdk") == "org.gnome.Sdk", "sdk is org.gnome.Sdk",
      "got %r" % m.get("sdk"))

version = str(m.get("runtime-version", ""))
try:
    major = int(version.split(".")[0])
except ValueError:
    major = -1
check(major >= MIN_GNOME,
      "runtime-version is a stable GNOME release >= %d" % MIN_GNOME,
      "got %r" % version)

args = m.get("finish-args", [])
check(isinstance(args, list) and all(isinstance(a, str) for a in args),
      "finish-args is a list of strings", "got %r" % (args,))
args = [a for a in args if isinstance(a, str)] if isinstance(args, list) else []
extra = sorted(set(args) - ALLOWED)
missing = sorted(ALLOWED - set(args))
dupes = sorted({a for a in args if args.count(a) > 1})
check(not extra, "finish-args grant nothing beyond %s" % ", ".join(sorted(ALLOWED)),
      "extra: %s" % " ".join(extra))
check(not missing, "finish-args grant all of %s" % ", ".join(sorted(ALLOWED)),
      "missing: %s" % " ".join(missing))
check(not dupes, "finish-args list no permission twice",
      "repeated: %s" % " ".join(dupes))
check(not any(a.startswith(("--share=network", "--filesystem")) for a in args),
      "no network and no filesystem access")

def walk_modules(mods):
    for mod in mods or []:
        if isinstance(mod, dict):
            yield mod
            yield from walk_modules(mod.get("modules"))

mods = list(walk_modules(m.get("modules")))

# The build runs offline too: no build-args may give the build sandbox
# the network or the host's files.
def build_args(opts):
    opts = opts if isinstance(opts, dict) else {}
    found = list(opts.get("build-args", []))
    for arch_opts in (opts.get("arch") or {}).values():
        found += build_args(arch_opts)
    return found

bargs = build_args(m.get("build-options"))
for mod in mods:
    bargs += build_args(mod.get("build-options"))
check(not any(a.startswith(("--share=network", "--filesystem")) for a in bargs),
      "the build gets no network and no host files (build-args)",
      "build-args: %r" % bargs)
names = [mod.get("name") for mod in mods]
check(COMMAND in names or "dossier" in names, "a module named dossier builds the app",
      "modules: %r" % names)
app_mod = next((mod for mod in mods if mod.get("name") == "dossier"), {})
check(app_mod.get("buildsystem") == "meson", "the app is built with meson",
      "got %r" % app_mod.get("buildsystem"))
srcs = app_mod.get("sources", [])
dir_srcs = [s for s in srcs if isinstance(s, dict) and s.get("type") == "dir"]
check(len(dir_srcs) == 1 and dir_srcs[0].get("path") == "..",
      "the app's source is the local checkout (type dir, path ..)",
      "sources: %r" % srcs)
skip = set(dir_srcs[0].get("skip", [])) if dir_srcs else set()
check({".git", "_build", "flatpak/.flatpak-builder"} <= skip,
      "the dir source skips .git, _build and flatpak/.flatpak-builder",
      "skip: %r" % sorted(skip))

# No bundled copies of what the GNOME runtime already provides.
BUNDLED = ("gtk", "libadwaita", "json-glib", "webkit", "glib")
bundled = [n for n in names if n and n != "dossier"
           and any(n.lower().startswith(b) for b in BUNDLED)]
check(not bundled, "no bundled GTK, libadwaita, json-glib, WebKitGTK or GLib",
      "bundled: %r" % bundled)

print("1..%d" % len(results))
failed = 0
for i, (ok, what, detail) in enumerate(results, 1):
    if ok:
        print("ok %d - %s" % (i, what))
    else:
        failed += 1
        print("not ok %d - %s # %s" % (i, what, detail))
sys.exit(1 if failed else 0)
EOF
