#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# encode-symbolic-icon.sh ENCODER SVG SIZE OUTPUT
#
# Renders a symbolic SVG icon once, at build time, into the .symbolic.png
# form GTK recolours itself (gtk4-encode-symbolic-svg), so that showing the
# icon does not load librsvg through gdk-pixbuf at run time.  The encoder
# names its output after the SVG; this names it OUTPUT, so that one SVG
# can give several sizes.
set -eu
encoder=$1 svg=$2 size=$3 output=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$encoder" -o "$dir" "$svg" "${size}x${size}"
mv "$dir"/*.symbolic.png "$output"
