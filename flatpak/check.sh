#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# flatpak/check.sh - prove, offline, that flatpak/io.github.dossierapp.Dossier.json
# builds Dossier in a Flatpak sandbox and that the result runs.
#
# The real org.gnome.Platform/org.gnome.Sdk cannot be downloaded here, so
# this script first builds a stand-in for both from Debian packages
# (debootstrap --variant=minbase, plus the GTK 4, libadwaita, json-glib and
# WebKitGTK 6.0 runtime packages for the Platform and the compilers and
# -dev packages for the Sdk), and exports them into a local OSTree
# repository as org.gnome.Platform and org.gnome.Sdk at the manifest's
# runtime-version.  That is the only step that uses the network, and only
# the Debian mirror apt is configured with.
#
# Everything after that runs with no network at all, in network, mount
# and PID namespaces of its own (unshare), as an unprivileged user (nobody),
# the way a desktop user runs Flatpak:
#   * the stand-in runtime is installed into a temporary user installation,
#   * flatpak-builder builds a copy of the manifest (the only change: the
#     source path ".." becomes the absolute path of the checkout, since the
#     copy lives elsewhere), with downloads disabled,
#   * the built app is installed from a local repository, with its Locale
#     extension, and run under Xvfb with private D-Bus session and system
#     buses and the host's portals (document portal, xdg-desktop-portal with
#     its GTK backend, flatpak-portal):
#       - the installed app's permissions are exactly the four finish-args,
#       - dossier --version,
#       - dossier --validate on the embedded dossier (resource:// URI),
#       - dossier --validate on a host file handed in through the document
#         portal (flatpak run --file-forwarding), and the same file refused
#         when passed by its host path (no filesystem access),
#       - translations are found through the app's Locale extension,
#       - a link opened inside the sandbox reaches the host through the
#         OpenURI portal,
#       - the window starts and a screenshot is taken,
#       - an article opens in the WebKitGTK reading pane, whose web process
#         WebKit starts in a sandbox of its own through flatpak-portal
#         (screenshot),
#       - Ctrl+O opens the file chooser portal's dialog (xdg-desktop-portal-gtk
#         on the host), a path is typed into it with xdotool, the document
#         portal grants the app that file and the app shows it (screenshot).
# The script ends by printing what it could not prove with a stand-in.
#
# Run as root on Debian 12 (it installs what it needs with apt, and
# debootstrap needs root).  It takes no arguments.  It removes everything
# it made except the Debian packages it installed, the cached stand-in
# runtime and the screenshots.
#
# Environment:
#   DOSSIER_FLATPAK_CACHE       where the stand-in runtime repository is kept
#                               between runs
#                               (default: /var/tmp/dossier-flatpak-cache)
#   DOSSIER_FLATPAK_REBUILD=1   rebuild the stand-in runtime even if cached
#   DOSSIER_FLATPAK_SCREENSHOT  where the screenshot of the window goes
#                               (default: /tmp/dossier-flatpak-screenshot.png);
#                               the one with an article open and the one
#                               after opening a file through the portal go
#                               next to it, as *-article.png and *-opened.png
#   DOSSIER_FLATPAK_KEEP=1      keep the scratch directory for debugging
#   DOSSIER_FLATPAK_SUITE       Debian suite for the stand-in (default: the
#                               host's codename, which must be bookworm or
#                               newer)

set -euo pipefail

readonly APP_ID=io.github.dossierapp.Dossier
# Bump when the way the stand-in is put together changes, so cached copies
# are rebuilt.
readonly STANDIN_LAYOUT=6

SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MANIFEST=$SRCDIR/flatpak/$APP_ID.json
SELF=$SRCDIR/flatpak/check.sh

log() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf '\ncheck.sh: FAILED: %s\n' "$*" >&2; exit 1; }

# What the stand-in Platform contains: the run-time half of what the real
# GNOME Platform provides to Dossier.
PLATFORM_PKGS=(
    libglib2.0-0 libglib2.0-bin gsettings-desktop-schemas shared-mime-info
    libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0 libwebkitgtk-6.0-4
    librsvg2-common adwaita-icon-theme hicolor-icon-theme
    fontconfig fonts-cantarell fonts-dejavu-core
    libgl1 libegl1 libgles2 libgl1-mesa-dri libegl-mesa0 libglx-mesa0
    locales-all gettext-base
    # flatpak-spawn, which WebKitGTK uses to start its web processes in
    # sandboxes of their own (the GNOME runtime has it too).
    flatpak-xdg-utils
)
# What the stand-in Sdk adds: everything meson needs to build the app with
# no network, plus what flatpak-builder runs inside the Sdk
# (appstream-compose, eu-strip, strip).
SDK_PKGS=(
    gcc libc6-dev binutils elfutils make pkgconf meson ninja-build python3
    libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin
    libadwaita-1-dev libjson-glib-dev libwebkitgtk-6.0-dev
    gettext desktop-file-utils appstream appstream-util libxml2-utils
    gtk-update-icon-cache
)

# ---------------------------------------------------------------------------
# Host side
# ---------------------------------------------------------------------------

apt_install() {
    local candidate log=/var/tmp/dossier-flatpak-check-apt.log
    candidate=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
        note "apt-get update (package lists are missing or stale)"
        apt-get -o DPkg::Lock::Timeout=900 update -q >"$log" 2>&1 ||
            { tail -n 20 "$log"; die "apt-get update failed (log above)"; }
    fi
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 \
        install -y -q --no-install-recommends "$@" >"$log" 2>&1 ||
        { tail -n 30 "$log"; die "apt-get install $* failed (log above)"; }
    note "$(grep -E '^[0-9]+ upgraded' "$log" || true)"
    rm -f "$log"
}

# What this script runs on the host.
HOST_PKGS=(
    python3 util-linux
    flatpak flatpak-builder ostree bubblewrap
    elfutils         # flatpak-builder strips and compresses debug info on the host
    librsvg2-common  # flatpak build-finish validates the exported SVG icon on the host
    debootstrap debian-archive-keyring
    xvfb xauth x11-utils xdotool imagemagick
    dbus-daemon fuse3 xdg-desktop-portal xdg-desktop-portal-gtk
    at-spi2-core     # the accessibility bus a desktop session has
)

ensure_host_packages() {
    local need=() p
    for p in "${HOST_PKGS[@]}"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' ok installed$' || need+=("$p")
    done
    if [ ${#need[@]} -gt 0 ]; then
        log "Installing host packages: ${need[*]}"
        apt_install "${need[@]}"
    fi
}

# The Debian mirror apt uses for $1 (a suite), and the keyring it is signed
# with, from /etc/apt/sources.list and /etc/apt/sources.list.d/*.
apt_mirror() {
    python3 - "$1" <<'EOF'
import glob
import re
import sys

suite = sys.argv[1]


def one_line(path):
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$", line)
        if not m:
            continue
        opts = dict(o.split("=", 1) for o in (m.group(1) or "").split() if "=" in o)
        yield m.group(2), [m.group(3)], m.group(4).split(), opts.get("signed-by", "")


def deb822(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    for stanza in re.split(r"\n\s*\n", text):
        fields, key = {}, None
        for line in stanza.splitlines():
            if line.startswith("#"):
                continue
            if line[:1] in (" ", "\t") and key:
                fields[key] += "\n" + line.strip()
            elif ":" in line:
                key, value = line.split(":", 1)
                key = key.strip().lower()
                fields[key] = value.strip()
        if fields.get("enabled", "yes").lower() == "no":
            continue
        if "deb" not in fields.get("types", "").split():
            continue
        signed_by = fields.get("signed-by", "")
        if "\n" in signed_by:  # an inline key block, not a file
            signed_by = ""
        for uri in fields.get("uris", "").split():
            yield uri, fields.get("suites", "").split(), \
                fields.get("components", "").split(), signed_by


sources = [("/etc/apt/sources.list", one_line)]
sources += [(p, one_line) for p in sorted(glob.glob("/etc/apt/sources.list.d/*.list"))]
sources += [(p, deb822) for p in sorted(glob.glob("/etc/apt/sources.list.d/*.sources"))]
for path, parse in sources:
    try:
        for uri, suites, components, keyring in parse(path):
            if suite in suites and "main" in components \
                    and uri.split(":", 1)[0] in ("http", "https", "file"):
                print(uri, keyring)
                sys.exit(0)
    except OSError:
        pass
sys.exit("no 'deb' source for %s main in /etc/apt/sources.list{,.d}" % suite)
EOF
}

read_manifest() {
    python3 - "$MANIFEST" <<'EOF'
import json
import sys

m = json.load(open(sys.argv[1], encoding="utf-8"))
print(m["runtime"], m["sdk"], m["runtime-version"], m["command"])
EOF
}

# Runs "$@" inside the Debian tree $1 as root (a chroot that needs no mounts
# left behind; bubblewrap tears them down when the command exits).
in_root() {
    local root=$1
    shift
    bwrap --bind "$root" / --dev /dev --proc /proc --tmpfs /tmp \
        --ro-bind /etc/resolv.conf /etc/resolv.conf \
        --unshare-pid --unshare-ipc --unshare-uts --die-with-parent \
        --setenv DEBIAN_FRONTEND noninteractive --setenv LC_ALL C.UTF-8 \
        --setenv PATH /usr/sbin:/usr/bin:/sbin:/bin "$@"
}

linguas() {
    [ -f "$SRCDIR/po/LINGUAS" ] || return 0
    sed 's/#.*//' "$SRCDIR/po/LINGUAS" | tr -s '[:space:]' '\n' | grep -v '^$' || true
}

# apt-get install --no-install-recommends "$@" in the Debian tree $1, then
# drops the downloaded packages and lists.
root_apt() {
    local root=$1
    shift
    in_root "$root" apt-get -q -o APT::Sandbox::User=root update &&
        in_root "$root" apt-get -q -o APT::Sandbox::User=root install -y \
            --no-install-recommends "$@" &&
        in_root "$root" apt-get clean &&
        rm -rf "$root"/var/lib/apt/lists/*
}

# Turns the Debian tree $1 into a Flatpak runtime tree $2 named $3: the
# tree's /usr becomes the runtime's files, its /etc goes to /usr/etc (flatpak
# links each entry of the runtime's /usr/etc into the sandbox's /etc and
# supplies passwd, group, hosts, resolv.conf, machine-id and the
# ld.so.cache itself).
make_runtime_tree() {
    local root=$1 tree=$2 name=$3 arch=$4 version=$5 platform=$6 sdk=$7
    mkdir -p "$tree"
    mv "$root/usr" "$tree/usr"
    mkdir "$tree/usr/etc"
    cp -a "$root/etc/." "$tree/usr/etc/"
    rm -f "$tree/usr/sbin/policy-rc.d"
    (cd "$tree/usr/etc" && rm -f passwd passwd- group group- shadow shadow- \
        gshadow gshadow- subuid subgid hostname hosts resolv.conf machine-id \
        mtab fstab ld.so.cache)
    rm -rf "$tree/usr/share/doc" "$tree/usr/share/man" "$tree/usr/share/info" \
        "$tree/usr/share/lintian"
    cat >"$tree/metadata" <<EOF
[Runtime]
name=$name
runtime=$platform/$arch/$version
sdk=$sdk/$arch/$version
EOF
}

build_standin() {
    local platform=$1 sdk=$2 version=$3 arch=$4 suite=$5 mirror=$6 keyring=$7
    local b=$CACHE/build
    rm -rf "$b" "$CACHE/repo" "$CACHE/stamp"
    mkdir -p "$b"
    local kr=()
    [ -n "$keyring" ] && [ -f "$keyring" ] && kr=(--keyring="$keyring")
    # The tree's own apt needs certificates to reach an https mirror.
    case $mirror in https:*) kr+=(--include=ca-certificates) ;; esac

    log "Stand-in $platform: debootstrap --variant=minbase $suite from $mirror"
    local t0=$SECONDS
    debootstrap --variant=minbase --merged-usr --components=main "${kr[@]}" \
        "$suite" "$b/platform" "$mirror" >"$b/debootstrap.log" 2>&1 ||
        { tail -n 30 "$b/debootstrap.log"; die "debootstrap failed (log above)"; }
    # Keep services from starting in the tree, and give its apt the same
    # keyring the host trusts for this mirror.
    printf '#!/bin/sh\nexit 101\n' >"$b/platform/usr/sbin/policy-rc.d"
    chmod 755 "$b/platform/usr/sbin/policy-rc.d"
    if [ -n "$keyring" ] && [ -f "$keyring" ]; then
        cp "$keyring" "$b/platform/etc/apt/trusted.gpg.d/host-mirror.${keyring##*.}"
    fi
    # apt, not debootstrap's resolver, picks the dependencies: it knows
    # virtual packages (dbus-session-bus, gsettings-backend, ...).
    note "apt-get install ${PLATFORM_PKGS[*]}"
    root_apt "$b/platform" "${PLATFORM_PKGS[@]}" >"$b/platform-apt.log" 2>&1 ||
        { tail -n 30 "$b/platform-apt.log"; die "installing the Platform packages failed (log above)"; }
    # Debian keeps flatpak-spawn, xdg-open and xdg-email off the PATH (they
    # are for inside a sandbox); the GNOME runtime has them in /usr/bin.
    local tool
    for tool in flatpak-spawn xdg-open xdg-email; do
        [ -e "$b/platform/usr/bin/$tool" ] ||
            ln -s "../libexec/flatpak-xdg-utils/$tool" "$b/platform/usr/bin/$tool"
    done
    note "done in $((SECONDS - t0)) s"

    log "Stand-in $sdk: the Platform plus compilers and -dev packages"
    t0=$SECONDS
    cp -a "$b/platform" "$b/sdk"
    note "apt-get install ${SDK_PKGS[*]}"
    root_apt "$b/sdk" "${SDK_PKGS[@]}" >"$b/sdk-apt.log" 2>&1 ||
        { tail -n 30 "$b/sdk-apt.log"; die "installing the Sdk packages failed (log above)"; }
    note "done in $((SECONDS - t0)) s"

    log "Exporting the stand-in runtimes to $CACHE/repo"
    t0=$SECONDS
    make_runtime_tree "$b/platform" "$b/platform-tree" "$platform" "$arch" "$version" "$platform" "$sdk"
    make_runtime_tree "$b/sdk" "$b/sdk-tree" "$sdk" "$arch" "$version" "$platform" "$sdk"
    local subject="Stand-in built from Debian $suite by flatpak/check.sh"
    # An uncompressed repository: much faster to commit to and to install
    # from than the default archive mode, and it only ever serves local pulls.
    ostree init --repo="$b/repo" --mode=bare-user-only
    flatpak build-export --runtime --files=usr --disable-fsync --no-update-summary -s "$subject" \
        --arch="$arch" "$b/repo" "$b/platform-tree" "$version" >/dev/null
    flatpak build-export --runtime --files=usr --disable-fsync -s "$subject" \
        --arch="$arch" "$b/repo" "$b/sdk-tree" "$version" >/dev/null
    mv "$b/repo" "$CACHE/repo"
    note "done in $((SECONDS - t0)) s"
    rm -rf "$b"
}

# ---------------------------------------------------------------------------
# Offline side: runs in a network namespace with no network.
# ---------------------------------------------------------------------------

PASSED=()
FAILED=()
SKIPPED=()
skip() { SKIPPED+=("$1"); printf '    SKIP  %s\n' "$1"; }
pass() { PASSED+=("$1"); printf '    PASS  %s\n' "$1"; }
fail() { FAILED+=("$1"); printf '    FAIL  %s\n' "$1"; [ $# -lt 2 ] || printf '%s\n' "$2" | sed 's/^/          /'; }

XVFB_PID=
BUS_PID=
SYSTEM_BUS_PID=
APP_PID=

offline_cleanup() {
    set +e
    if [ -n "$APP_PID" ]; then
        flatpak kill "$APP_ID" 2>/dev/null
        kill "$APP_PID" 2>/dev/null
        wait "$APP_PID" 2>/dev/null
    fi
    # The portals the bus started exit when their bus goes away; the
    # document portal's FUSE mount is undone explicitly.
    [ -z "$BUS_PID" ] || { kill "$BUS_PID"; wait "$BUS_PID"; } 2>/dev/null
    if mountpoint -q "$XDG_RUNTIME_DIR/doc" 2>/dev/null; then
        fusermount3 -u "$XDG_RUNTIME_DIR/doc" 2>/dev/null ||
            fusermount3 -uz "$XDG_RUNTIME_DIR/doc" 2>/dev/null
    fi
    [ -z "$SYSTEM_BUS_PID" ] || { kill "$SYSTEM_BUS_PID"; wait "$SYSTEM_BUS_PID"; } 2>/dev/null
    [ -z "$XVFB_PID" ] || { kill "$XVFB_PID"; wait "$XVFB_PID"; } 2>/dev/null
}

start_display_and_bus() {
    # Xvfb picks a free display itself (-displayfd), so parallel X servers
    # cannot race for one.  The X server accepts every cookie in its -auth
    # file; clients, flatpak among them, look for their display's entry,
    # which is added once the number is known.
    local cookie
    cookie=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    export XAUTHORITY=$WORK/Xauthority
    : >"$XAUTHORITY"
    xauth -q -f "$XAUTHORITY" add :0 . "$cookie"
    mkfifo "$WORK/display.fifo"
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -auth "$XAUTHORITY" \
        3>"$WORK/display.fifo" >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    local n=
    read -r -t 30 n <"$WORK/display.fifo" || true
    [ -n "$n" ] || { cat "$WORK/xvfb.log"; die "Xvfb did not start"; }
    export DISPLAY=:$n
    xauth -q -f "$XAUTHORITY" add "$DISPLAY" . "$cookie"
    for _ in $(seq 50); do
        xwininfo -root >/dev/null 2>&1 && break
        sleep 0.2
    done
    xwininfo -root >/dev/null 2>&1 || { cat "$WORK/xvfb.log"; die "Xvfb did not start"; }

    # A private session bus; the services it starts on demand (document
    # portal, xdg-desktop-portal and its GTK backend, flatpak-portal,
    # flatpak-session-helper) inherit this environment.
    export DBUS_SESSION_BUS_ADDRESS=unix:path=$XDG_RUNTIME_DIR/bus
    export XDG_CURRENT_DESKTOP=GNOME
    dbus-daemon --session --nofork --nopidfile --address="$DBUS_SESSION_BUS_ADDRESS" \
        >"$WORK/dbus.log" 2>&1 &
    BUS_PID=$!
    for _ in $(seq 50); do
        [ -S "$XDG_RUNTIME_DIR/bus" ] && break
        sleep 0.1
    done
    [ -S "$XDG_RUNTIME_DIR/bus" ] || die "the D-Bus session bus did not start"

    # And a system bus, as every desktop has: flatpak asks it for parental
    # controls (malcontent, through accounts-service) before it installs or
    # runs an app, and goes on when the service is not there.  Root skips
    # that check; other users fail without a system bus.
    cat >"$WORK/system-bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$XDG_RUNTIME_DIR/system_bus_socket</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
    export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$XDG_RUNTIME_DIR/system_bus_socket
    dbus-daemon --config-file="$WORK/system-bus.conf" --nofork --nopidfile \
        >"$WORK/system-bus.log" 2>&1 &
    SYSTEM_BUS_PID=$!
    for _ in $(seq 50); do
        [ -S "$XDG_RUNTIME_DIR/system_bus_socket" ] && break
        sleep 0.1
    done
    [ -S "$XDG_RUNTIME_DIR/system_bus_socket" ] ||
        { cat "$WORK/system-bus.log"; die "the private system bus did not start"; }
}

# Prints the embedded dossier as a resource:// URI, from the GResource
# description that embeds data/dossiers/deepseek-r1.json.
embedded_dossier_uri() {
    python3 - "$SRCDIR" <<'EOF'
import glob
import os
import sys
import xml.etree.ElementTree as ET

src = sys.argv[1]
for path in sorted(glob.glob(os.path.join(src, "**", "*.gresource.xml"), recursive=True)):
    if "/_build" in path or "/.flatpak-builder" in path:
        continue
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    for res in root.iter("gresource"):
        prefix = res.get("prefix", "/").rstrip("/")
        for f in res.iter("file"):
            name = (f.text or "").strip()
            if os.path.basename(name) == "deepseek-r1.json":
                print("resource://%s/%s" % (prefix, f.get("alias") or name))
                sys.exit(0)
sys.exit(1)
EOF
}

# Prints one msgid/msgstr pair (NUL-separated) of $1, a .po file: a plain,
# translated, non-fuzzy one-line message.
po_sample() {
    python3 - "$1" <<'EOF'
import ast
import sys

entries, cur = [], {}
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line:
        if cur:
            entries.append(cur)
        cur = {}
    elif line.startswith("#,"):
        cur["flags"] = line
    elif line.startswith(("msgid ", "msgstr ")):
        key, _, value = line.partition(" ")
        cur[key] = ast.literal_eval(value)
        cur["last"] = key
    elif line.startswith('"') and "last" in cur:
        cur[cur["last"]] += ast.literal_eval(line)
    elif line.startswith(("msgctxt", "msgid_plural", "msgstr[")):
        cur["complex"] = True
        cur.pop("last", None)
if cur:
    entries.append(cur)
for e in entries:
    mid, mstr = e.get("msgid", ""), e.get("msgstr", "")
    if (mid and mstr and mid != mstr and "complex" not in e
            and "fuzzy" not in e.get("flags", "") and "%" not in mid
            and "\n" not in mid and len(mid) > 3):
        sys.stdout.write(mid + "\0" + mstr)
        sys.exit(0)
sys.exit(1)
EOF
}

# Waits up to $2 seconds for a top-level window whose xwininfo line matches
# the extended regexp $1 and is at least 100x100, while process $3 (if given)
# lives.  Prints "ID TITLE ...".
wait_for_window() {
    local pattern=$1 timeout=$2 pid=${3:-} line
    for _ in $(seq $((timeout * 2 + 1))); do
        line=$(xwininfo -root -children 2>/dev/null |
            grep -E "$pattern +[0-9]{3,}x[0-9]{3,}" | head -n 1 || true)
        if [ -n "$line" ]; then
            sed 's/^ *//' <<<"$line"
            return 0
        fi
        [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.5
    done
    return 1
}

# Takes screenshots of the whole screen into $1 until two in a row are the
# same (WebKit lays the dossier out after the window maps), at most a
# minute.  Prints how many colours the last one has.
settled_screenshot() {
    local shot=$1 prev='' sum colours=0
    for _ in $(seq 30); do
        sleep 2
        import -window root "$shot" 2>/dev/null || continue
        colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
        sum=$(md5sum <"$shot")
        [ "$sum" = "$prev" ] && [ "$colours" -gt 64 ] && break
        prev=$sum
    done
    echo "$colours"
}

# Opens the first article of the embedded dossier in the running window
# (a second "dossier --article=ID" hands its command line to the first
# instance over D-Bus): the reading pane is a WebKitGTK view, whose web
# process WebKit starts in its own sandbox through the Flatpak portal.
check_reader() {
    local id shot=${SCREENSHOT%.png}-article.png colours instances out
    id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["articles"][0]["id"])' \
        "$SRCDIR/data/dossiers/deepseek-r1.json")
    log "Reading an article (WebKitGTK in the sandbox): dossier --article=$id"
    if ! out=$(timeout 60 flatpak run "$APP_ID" --article="$id" 2>&1); then
        fail "dossier --article=$id reaches the running window" "$out"
        return
    fi
    colours=$(settled_screenshot "$WORK/screenshot-article.png")
    # The app itself, plus the WebKit web process in a sandbox of its own.
    instances=$(flatpak ps --columns=application 2>/dev/null | grep -cxF "$APP_ID" || true)
    note "sandboxes of $APP_ID running: $instances"
    flatpak ps --columns=instance,pid,application,runtime 2>/dev/null | sed 's/^/    | /'
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        sed 's/^/    app: /' "$WORK/app.log" | tail -n 30
        fail "the app survives opening an article"
    elif cmp -s "$WORK/screenshot.png" "$WORK/screenshot-article.png"; then
        fail "the reading pane shows the article (nothing changed on screen); screenshot: $shot"
    elif [ "$instances" -lt 2 ]; then
        fail "WebKit starts its web process in a sandbox of its own (flatpak ps shows $instances)"
    else
        pass "an article opens in the WebKit reading pane, its web process sandboxed through the Flatpak portal ($colours colours); screenshot: $shot"
    fi
}

# Opens a dossier the way a user does: Ctrl+O in the app's window $1 asks
# the file chooser portal (GtkFileChooserNative inside the sandbox), the
# host's portal backend shows its dialog, a path is typed into it, and the
# portal hands the chosen file to the app through the document portal.
check_file_chooser() {
    local app_win=$1 chosen=$HOME/Documents/chosen-dossier.json marker dialog
    marker="Opened through the file chooser portal"
    mkdir -p "$HOME/Documents"
    python3 - "$SRCDIR/data/dossiers/deepseek-r1.json" "$chosen" "$marker" <<'PY'
import json
import sys

src, dest, title = sys.argv[1:]
d = json.load(open(src, encoding="utf-8"))
# Different enough from the embedded dossier to change what the window
# shows: the title and every article's title.
d["title"] = title
for a in d.get("articles", []):
    if isinstance(a, dict) and isinstance(a.get("title"), str):
        a["title"] = "Portal: " + a["title"]
json.dump(d, open(dest, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
    log "Opening a dossier through the file chooser portal"
    settled_screenshot "$WORK/screenshot-before-open.png" >/dev/null
    xdotool windowfocus --sync "$app_win" 2>/dev/null || true
    xdotool key ctrl+o
    if ! dialog=$(wait_for_window '\("xdg-desktop-portal-gtk" "[^"]*"\)' 30); then
        fail "Ctrl+O shows the file chooser portal's dialog"
        return
    fi
    note "portal dialog: $dialog"
    xdotool windowfocus --sync "${dialog%% *}" 2>/dev/null || true
    sleep 1
    xdotool key ctrl+l
    sleep 0.5
    xdotool type --delay 10 "$chosen"
    sleep 0.5
    xdotool key Return
    for _ in $(seq 40); do
        wait_for_window '\("xdg-desktop-portal-gtk" "[^"]*"\)' 0 >/dev/null || break
        sleep 0.5
    done
    local docs
    docs=$(flatpak documents --columns=application,path 2>/dev/null || true)
    if grep -qE "^$APP_ID\s.*/chosen-dossier\.json\$" <<<"$docs"; then
        pass "the file chooser portal hands the chosen file to the app (document portal grant)"
    else
        fail "the file chooser portal hands the chosen file to the app" "$docs"
        return
    fi
    local opened=${SCREENSHOT%.png}-opened.png colours others
    colours=$(settled_screenshot "$WORK/screenshot-opened.png")
    # Any other top-level window of the app now is its "Could not open"
    # dialog.
    others=$(xwininfo -root -children 2>/dev/null |
        grep -E '\("dossier" "[^"]*"\) +[0-9]{3,}x[0-9]{3,}' | grep -v "^ *$app_win " || true)
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        sed 's/^/    app: /' "$WORK/app.log" | tail -n 30
        fail "the app survives opening a file through the portal"
    elif [ -n "$others" ]; then
        fail "the app opens the file it got through the portal without an error; screenshot: $opened" "$others"
    elif cmp -s "$WORK/screenshot-before-open.png" "$WORK/screenshot-opened.png"; then
        fail "the app shows the dossier opened through the portal (nothing changed on screen); screenshot: $opened"
    else
        pass "the app opens the file it got through the portal and shows it ($colours colours); screenshot: $opened"
    fi
}

# Root's half of the offline side, in the new network, mount and PID
# namespaces ($2 = 1): gives the check its own /run/user, makes the
# checkout and the stand-in repository readable at paths an unprivileged
# user can reach, and hands over to an unprivileged user (nobody), as a
# desktop user runs Flatpak.  Run by root, flatpak leaves the app root's
# capabilities inside the sandbox, which is not what users get: WebKit, for
# one, then makes its IPC thread SCHED_RR with RLIMIT_RTTIME 0, and the
# kernel SIGKILLs the app whenever a timer tick catches that thread running.
offline_root() {
    WORK=$1
    local private=$2 src=$SRCDIR repo=$CACHE/repo uid=65534 gid=65534
    if [ "$private" = 1 ]; then
        mount -t tmpfs -o mode=755,size=64m dossier-check-run /run/user
        mkdir "$WORK/src" "$WORK/standin-repo"
        mount --bind "$SRCDIR" "$WORK/src" && mount -o remount,bind,ro "$WORK/src"
        mount --bind "$CACHE/repo" "$WORK/standin-repo" && mount -o remount,bind,ro "$WORK/standin-repo"
        src=$WORK/src repo=$WORK/standin-repo
    fi
    # /dev/fuse is root-only where no udev rule opened it up (udev makes it
    # 0666 on desktop systems); the document portal needs it.  This
    # namespace gets its own world-usable node, the host's stays as it is.
    if [ "$private" = 1 ] && [ -c /dev/fuse ] &&
        ! setpriv --reuid=$uid --regid=$gid --clear-groups -- test -w /dev/fuse; then
        local major minor
        read -r major minor < <(stat -c '%t %T' /dev/fuse)
        mknod -m 666 /run/user/fuse c $((0x$major)) $((0x$minor))
        mount --bind /run/user/fuse /dev/fuse
    fi
    chown "$uid:$gid" "$WORK"
    if [ "$private" = 1 ] &&
        setpriv --reuid=$uid --regid=$gid --clear-groups -- \
            bwrap --ro-bind / / --unshare-user --unshare-pid --dev /dev -- true 2>/dev/null &&
        setpriv --reuid=$uid --regid=$gid --clear-groups -- \
            test -r "$src/meson.build" -a -r "$repo/config"; then
        mkdir -m 700 "/run/user/$uid"
        chown "$uid:$gid" "/run/user/$uid"
        note "the rest runs as the unprivileged user nobody (uid $uid), as a desktop user runs Flatpak"
        exec setpriv --reuid=$uid --regid=$gid --clear-groups --inh-caps=-all -- \
            "$BASH" "$src/flatpak/check.sh" --offline-user "$WORK" "/run/user/$uid" "$src" "$repo"
    fi
    note "WARNING: cannot run the rest as an unprivileged user here (no unprivileged user"
    note "namespaces for bubblewrap, or the checkout or cache is unreadable to nobody);"
    note "running as root: inside the sandbox the app then keeps root's capabilities."
    chown 0:0 "$WORK"
    local rundir=$WORK/run
    [ "$private" = 1 ] && rundir=/run/user/0
    offline_main "$WORK" "$rundir" "$src" "$repo"
}

# The offline checks, as the user who runs Flatpak: $1 the scratch
# directory, $2 XDG_RUNTIME_DIR, $3 the checkout, $4 the stand-in repository.
offline_main() {
    WORK=$1
    SRCDIR=$3
    STANDIN_REPO=$4
    export HOME=$WORK/home XDG_RUNTIME_DIR=$2
    export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share XDG_CACHE_HOME=$HOME/.cache
    export FLATPAK_USER_DIR=$WORK/flatpak-user FLATPAK_SYSTEM_DIR=$WORK/flatpak-system
    export XDG_DATA_DIRS=$FLATPAK_USER_DIR/exports/share:/usr/local/share:/usr/share
    mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME/applications" "$FLATPAK_USER_DIR" "$FLATPAK_SYSTEM_DIR"
    # An empty system installation, so flatpak looks at nothing of the host's
    # (only root may create one on demand).
    ostree init --repo="$FLATPAK_SYSTEM_DIR/repo" --mode=bare-user-only
    mkdir -p "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    trap offline_cleanup EXIT

    read -r RUNTIME SDK VERSION _ < <(read_manifest)
    local arch
    arch=$(flatpak --default-arch)

    if [ "$(awk -F: 'NR > 2 {gsub(/ /, "", $1); print $1}' /proc/net/dev)" = lo ]; then
        note "network: none (only a loopback interface in this namespace)"
    else
        note "network: NOT cut off (see the warning above)"
    fi

    start_display_and_bus

    log "Installing the stand-in $RUNTIME//$VERSION and $SDK//$VERSION (temporary user installation)"
    flatpak --user remote-add --no-gpg-verify standin "file://$STANDIN_REPO"
    flatpak --user install -y --noninteractive standin "$SDK//$VERSION" "$RUNTIME//$VERSION" >"$WORK/install-runtime.log" 2>&1 ||
        { cat "$WORK/install-runtime.log"; die "could not install the stand-in runtime"; }

    log "flatpak-builder (copy of the manifest; no download, no network)"
    python3 - "$MANIFEST" "$SRCDIR" "$WORK/$APP_ID.json" <<'EOF'
import json
import sys

manifest, srcdir, out = sys.argv[1:]
m = json.load(open(manifest, encoding="utf-8"))
changed = []
for mod in m["modules"]:
    for s in mod.get("sources", []):
        if isinstance(s, dict) and s.get("type") == "dir" and s.get("path") == "..":
            s["path"] = srcdir
            changed.append("module %s: dir source path '..' -> %s (the checkout)" % (mod["name"], srcdir))
json.dump(m, open(out, "w", encoding="utf-8"), indent=4)
for c in changed:
    print("    copy of the manifest changed: " + c)
EOF
    note "copy of the manifest otherwise unchanged: the stand-in Sdk has appstream-compose, eu-strip and everything meson needs"
    local t0=$SECONDS
    if (cd "$WORK" && flatpak-builder --user --disable-rofiles-fuse --disable-download \
            --disable-updates --force-clean --state-dir="$WORK/builder-state" \
            --repo="$WORK/app-repo" --default-branch=stable \
            "$WORK/build-dir" "$WORK/$APP_ID.json") >"$WORK/flatpak-builder.log" 2>&1; then
        pass "flatpak-builder builds the manifest offline against the stand-in $SDK//$VERSION ($((SECONDS - t0)) s)"
    else
        tail -n 60 "$WORK/flatpak-builder.log"
        fail "flatpak-builder builds the manifest (log above)"
        return 1
    fi

    log "Installing $APP_ID from the local repository"
    flatpak --user config --set languages '*' >/dev/null
    flatpak --user remote-add --no-gpg-verify dossier-local "file://$WORK/app-repo"
    if flatpak --user install -y --noninteractive dossier-local "$APP_ID" >"$WORK/install-app.log" 2>&1; then
        pass "the app installs into a user installation (with its related refs)"
    else
        cat "$WORK/install-app.log"
        fail "the app installs"
        return 1
    fi
    flatpak --user list --columns=ref | sed 's/^/    installed: /'

    log "Permissions of the installed app"
    local perms
    perms=$(flatpak --user info --show-permissions "$APP_ID")
    printf '%s\n' "$perms" | sed 's/^/    | /'
    if printf '%s\n' "$perms" | python3 -c '
import configparser, sys
c = configparser.ConfigParser(interpolation=None, delimiters=("=",))
c.optionxform = str
c.read_string(sys.stdin.read())
got = {s: {k: set(filter(None, v.split(";"))) for k, v in c[s].items()} for s in c.sections()}
# flatpak build-finish records --socket=fallback-x11 as "x11;fallback-x11"
# (x11 for flatpak versions that predate fallback-x11); flatpak run drops
# x11 again whenever Wayland is available.
ctx = got.get("Context", {})
if "fallback-x11" in ctx.get("sockets", set()):
    ctx["sockets"].discard("x11")
want = {"Context": {"shared": {"ipc"}, "sockets": {"wayland", "fallback-x11"}, "devices": {"dri"}}}
sys.exit(0 if got == want else 1)'; then
        pass "the installed app has exactly --share=ipc --socket=fallback-x11 --socket=wayland --device=dri"
    else
        fail "the installed app has exactly the four permissions"
    fi

    log "Running the app in the sandbox"
    local out version
    version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" "$SRCDIR/meson.build" | head -n 1)
    if out=$(timeout 120 flatpak run "$APP_ID" --version 2>"$WORK/version.err"); then
        note "dossier --version: $out"
        if [ -n "$version" ] && ! grep -qF -- "$version" <<<"$out"; then
            fail "flatpak run $APP_ID --version prints $version" "$out"
        else
            pass "flatpak run $APP_ID --version"
        fi
    else
        fail "flatpak run $APP_ID --version" "$out$(cat "$WORK/version.err")"
    fi

    local uri embedded_out=
    if uri=$(embedded_dossier_uri); then
        if embedded_out=$(timeout 120 flatpak run "$APP_ID" --validate "$uri" 2>&1); then
            printf '%s\n' "$embedded_out" | sed 's/^/    | /'
            pass "flatpak run $APP_ID --validate $uri (the embedded dossier)"
        else
            fail "flatpak run $APP_ID --validate $uri (the embedded dossier)" "$embedded_out"
        fi
    else
        fail "found the embedded dossier (deepseek-r1.json) in a *.gresource.xml"
    fi

    # A host file the sandbox cannot see by itself: handed in through the
    # document portal, as the file chooser portal does with a chosen file.
    local host_file=$HOME/Documents/dossier-check.json
    mkdir -p "$HOME/Documents"
    cp "$SRCDIR/data/dossiers/deepseek-r1.json" "$host_file"
    if out=$(timeout 120 flatpak run --file-forwarding "$APP_ID" --validate @@ "$host_file" @@ 2>&1); then
        printf '%s\n' "$out" | sed 's/^/    | /'
        # Same counts as the embedded copy; only the file name differs.
        if [ -n "$embedded_out" ] && [ "$(sed 's/^[^ ]*: //' <<<"$out")" != "$(sed 's/^[^ ]*: //' <<<"$embedded_out")" ]; then
            fail "a dossier handed in through the document portal validates like the embedded one" "$out"
        else
            pass "a host file handed in through the document portal loads (--validate, exit 0)"
        fi
    else
        fail "a host file handed in through the document portal loads" "$out"
    fi
    if out=$(timeout 120 flatpak run "$APP_ID" --validate "$host_file" 2>&1); then
        fail "the same file by its host path is invisible in the sandbox (no filesystem access)" "$out"
    else
        pass "the same file by its host path is invisible in the sandbox (no filesystem access)"
    fi

    # Translations: the app's .mo files live in its Locale extension.
    local lang po sample msgid msgstr got loc
    for lang in $(linguas); do
        po=$SRCDIR/po/$lang.po
        [ -f "$po" ] && sample=$(po_sample "$po" | base64 -w0) && break
        lang=
    done
    if [ -z "$(linguas)" ]; then
        skip "translations: po/LINGUAS names no language yet, so there is no Locale extension content to check"
    elif [ -z "${lang:-}" ]; then
        fail "translations: no language in po/LINGUAS has a .po file with a plain translated message"
    elif ! flatpak --user info "$APP_ID.Locale" >/dev/null 2>&1; then
        fail "translations: $APP_ID.Locale is installed"
    else
        msgid=$(base64 -d <<<"$sample" | python3 -c 'import sys; print(sys.stdin.read().split("\0")[0])')
        msgstr=$(base64 -d <<<"$sample" | python3 -c 'import sys; print(sys.stdin.read().split("\0")[1])')
        loc=$(flatpak run --command=locale "$APP_ID" -a 2>/dev/null | grep -i -m1 "^${lang}.*utf" || echo C.UTF-8)
        got=$(flatpak run --command=sh --env=LANGUAGE="$lang" --env=LC_ALL="$loc" "$APP_ID" -c \
            'readlink -f /app/share/locale/"$1"/LC_MESSAGES/dossier.mo >&2; TEXTDOMAINDIR=/app/share/locale exec gettext -d dossier -- "$2"' \
            sh "$lang" "$msgid" 2>"$WORK/gettext.err" || true)
        note "$lang: \"$msgid\" -> \"$got\" (from $(cat "$WORK/gettext.err"))"
        if [ "$got" = "$msgstr" ] && grep -q '^/app/share/runtime/locale/' "$WORK/gettext.err"; then
            pass "translations ($lang) come from the Locale extension $APP_ID.Locale"
        else
            fail "translations ($lang) come from the Locale extension" "expected \"$msgstr\""
        fi
    fi

    # Links: GIO inside a Flatpak sandbox opens URIs through the OpenURI
    # portal (as GTK does for the app's links).  The host's handler for
    # https here is a stand-in that records what it was asked to open.
    local link=https://example.org/dossier-flatpak-check
    mkdir -p "$WORK/bin"
    printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>%s/opened-uris\n' "$WORK" >"$WORK/bin/catch-uri"
    chmod 755 "$WORK/bin/catch-uri"
    cat >"$XDG_DATA_HOME/applications/dossier-check-browser.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=Dossier check browser
Exec=$WORK/bin/catch-uri %u
MimeType=x-scheme-handler/http;x-scheme-handler/https;
NoDisplay=true
EOF
    printf '[Default Applications]\nx-scheme-handler/https=dossier-check-browser.desktop\nx-scheme-handler/http=dossier-check-browser.desktop\n' \
        >"$XDG_CONFIG_HOME/mimeapps.list"
    out=$(timeout 60 flatpak run --command=gio "$APP_ID" open "$link" 2>&1) || true
    for _ in $(seq 50); do
        [ -s "$WORK/opened-uris" ] && break
        sleep 0.2
    done
    if grep -qxF "$link" "$WORK/opened-uris" 2>/dev/null; then
        pass "a link opened in the sandbox reaches the host's browser through the OpenURI portal"
    else
        fail "a link opened in the sandbox reaches the host through the OpenURI portal" "$out"
    fi

    log "Starting the window under Xvfb ($DISPLAY)"
    flatpak run "$APP_ID" >"$WORK/app.log" 2>&1 &
    APP_PID=$!
    local win
    # A top-level window of the app's class, of a real size (GTK also maps
    # a 1x1 client leader window).
    if ! win=$(wait_for_window '\("dossier" "[^"]*"\)' 60 "$APP_PID"); then
        cat "$WORK/app.log"
        fail "the window appears"
    else
        note "window: $win"
        local colours
        colours=$(settled_screenshot "$WORK/screenshot.png")
        if kill -0 "$APP_PID" 2>/dev/null && [ "$colours" -gt 64 ]; then
            pass "the window starts and draws ($colours colours); screenshot: $SCREENSHOT"
        else
            sed 's/^/    app: /' "$WORK/app.log" | tail -n 30
            fail "the window starts and draws ($colours colours); screenshot: $SCREENSHOT"
        fi
        check_reader
        check_file_chooser "${win%% *}"
    fi
    if [ -s "$WORK/app.log" ]; then
        note "app output (first lines):"
        head -n 20 "$WORK/app.log" | sed 's/^/    | /'
    fi

    log "Results: ${#PASSED[@]} passed, ${#FAILED[@]} failed, ${#SKIPPED[@]} skipped"
    local r
    for r in "${PASSED[@]}"; do note "PASS  $r"; done
    for r in "${SKIPPED[@]}"; do note "SKIP  $r"; done
    for r in "${FAILED[@]}"; do note "FAIL  $r"; done
    [ ${#FAILED[@]} -eq 0 ]
}

# ---------------------------------------------------------------------------

main() {
    local start=$SECONDS
    [ "$(id -u)" = 0 ] || die "run as root (it installs packages and runs debootstrap)"
    [ -f "$MANIFEST" ] || die "no manifest at $MANIFEST"

    ensure_host_packages

    local runtime sdk version command arch suite mirror keyring
    read -r runtime sdk version command < <(read_manifest)
    arch=$(flatpak --default-arch)
    suite=${DOSSIER_FLATPAK_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
    read -r mirror keyring < <(apt_mirror "$suite") || die "no Debian mirror for $suite in apt's sources"

    # debootstrap and apt in the stand-in go through apt's proxy, if any.
    local proxy=
    eval "$(apt-config shell proxy Acquire::http::Proxy)"
    if [ -n "$proxy" ] && [ -z "${http_proxy:-}" ]; then
        export http_proxy=$proxy
    fi

    CACHE=${DOSSIER_FLATPAK_CACHE:-/var/tmp/dossier-flatpak-cache}
    SCREENSHOT=${DOSSIER_FLATPAK_SCREENSHOT:-/tmp/dossier-flatpak-screenshot.png}
    mkdir -p "$CACHE"
    CACHE=$(cd "$CACHE" && pwd)
    export CACHE SCREENSHOT

    log "Dossier Flatpak check: $MANIFEST"
    note "runtime $runtime//$version, sdk $sdk//$version, command $command, arch $arch"
    note "stand-in from Debian $suite at $mirror${keyring:+ (keyring $keyring)}"

    # One check at a time per cache: a second one waits for the first.
    exec 9>"$CACHE/lock"
    if ! flock -n 9; then
        note "waiting for another flatpak/check.sh that uses $CACHE"
        flock 9
    fi

    local key
    key=$( { echo "$STANDIN_LAYOUT $runtime $sdk $version $arch $suite"
             echo "${PLATFORM_PKGS[*]}"; echo "${SDK_PKGS[*]}"; } | sha256sum | cut -c1-16)
    if [ "${DOSSIER_FLATPAK_REBUILD:-0}" = 1 ] || [ ! -d "$CACHE/repo" ] ||
        [ "$(cat "$CACHE/stamp" 2>/dev/null)" != "$key" ]; then
        build_standin "$runtime" "$sdk" "$version" "$arch" "$suite" "$mirror" "$keyring"
        echo "$key" >"$CACHE/stamp"
    else
        log "Using the cached stand-in runtime in $CACHE/repo (DOSSIER_FLATPAK_REBUILD=1 rebuilds it)"
    fi
    local runtime_time=$((SECONDS - start))

    WORK=$(mktemp -d /var/tmp/dossier-flatpak-check.XXXXXX)
    # shellcheck disable=SC2064
    trap "cleanup_work '$WORK'" EXIT

    # A network namespace with no network; a mount namespace whose
    # /run/user is a private tmpfs (the portals and flatpak expect
    # XDG_RUNTIME_DIR to be /run/user/UID: the document portal hands out
    # paths below it, and the sandbox sees them at the same place), and
    # this check must not share it with a real session; and a PID namespace,
    # so that nothing it started outlives it (WebKit's web-process sandboxes,
    # started through flatpak-portal, can otherwise linger).
    log "Cutting off the network for the rest of the check (unshare --net --mount --pid)"
    mkdir -p /run/user
    local rc=0 private_run=1
    local runner=(unshare --net --mount --pid --fork --mount-proc --propagation private --)
    if ! "${runner[@]}" true 2>/dev/null; then
        note "WARNING: cannot create network and mount namespaces here; running with the host's"
        note "network and a scratch XDG_RUNTIME_DIR (the document portal checks will fail)."
        note "The build and the app still run in Flatpak sandboxes without network access."
        runner=()
        private_run=0
    fi
    "${runner[@]}" "$BASH" "$SELF" --offline "$WORK" "$private_run" 9>&- || rc=$?

    # The screenshots, from the scratch directory to where they are kept.
    local shot shots=()
    mkdir -p "$(dirname "$SCREENSHOT")"
    for shot in "$WORK"/screenshot*.png; do
        [ -f "$shot" ] || continue
        case $shot in *-before-open.png) continue ;; esac
        shot=$(basename "$shot" .png)
        cp "$WORK/$shot.png" "${SCREENSHOT%.png}${shot#screenshot}.png"
        shots+=("${SCREENSHOT%.png}${shot#screenshot}.png")
    done

    log "Cleaning up $WORK (the temporary installation, build and portals' files)"
    trap - EXIT
    cleanup_work "$WORK"

    local total=$((SECONDS - start))
    log "Summary"
    note "stand-in runtime: $CACHE/repo (kept for the next run; delete it to start fresh)"
    for shot in "${shots[@]}"; do
        note "screenshot from inside the sandbox: $shot"
    done
    cat <<EOF

    What this check cannot prove, because the runtime is a stand-in built
    from Debian $suite (GTK 4.8, libadwaita 1.2, GLib 2.74, WebKitGTK from
    Debian) and the desktop is Xvfb with Debian's portals, rather than the
    real $runtime//$version on a GNOME session:
      - that the app builds and runs against the GNOME $version versions of
        these libraries, with the real Sdk's compiler, flags and
        "appstreamcli compose" (Debian's flatpak-builder 1.2 runs
        appstream-compose instead);
      - the real runtime's extensions: the GL drivers
        (org.freedesktop.Platform.GL.*), the runtime's own Locale
        extension and its fonts and themes (the stand-in ships Debian's);
      - Wayland (Xvfb is X11, so fallback-x11 is what gets used) and GPU
        access through --device=dri (there is no GPU here; Mesa renders in
        software);
      - the file chooser and links with GNOME's own portal backend
        (xdg-desktop-portal-gnome) and a real browser: here the dialog is
        xdg-desktop-portal-gtk's, driven with xdotool, and the "browser" a
        stand-in that records the link;
      - that Flathub's linter accepts the manifest and the AppStream data.
EOF
    printf '\n    stand-in runtime ready after %d s; whole check took %d min %d s\n' \
        "$runtime_time" $((total / 60)) $((total % 60))
    if [ "$rc" = 0 ]; then
        printf '\ncheck.sh: PASSED\n'
    else
        printf '\ncheck.sh: FAILED (see FAIL lines above)\n'
    fi
    return "$rc"
}

cleanup_work() {
    local work=$1
    if [ "${DOSSIER_FLATPAK_KEEP:-0}" = 1 ]; then
        note "kept $work (DOSSIER_FLATPAK_KEEP=1)"
        return
    fi
    # Anything still mounted below the scratch directory (the document
    # portal's FUSE mount) must go before it can be removed.
    local m
    for m in $(awk -v w="$work" 'index($2, w) == 1 {print $2}' /proc/mounts | sort -r); do
        fusermount3 -uz "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
    rm -rf "$work"
}

# Run, unless sourced (to reuse the functions while debugging).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    if [ "${1:-}" = --offline ]; then
        offline_root "$2" "${3:-0}"
    elif [ "${1:-}" = --offline-user ]; then
        offline_main "$2" "$3" "$4" "$5"
    else
        main "$@"
    fi
fi
