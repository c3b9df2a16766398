# SPDX-License-Identifier: GPL-3.0-or-later
# A thin wrapper: installs the Debian packages when missing, then hands
# over to meson, which stays the build system.

BUILDDIR ?= _build
MESON_FLAGS ?=
PACKAGES := $(shell sed -e 's/\#.*//' build-aux/debian-packages.txt)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build clean

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

$(BUILDDIR)/build.ninja: | deps
	meson setup $(BUILDDIR) $(MESON_FLAGS)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

# Runs from the build tree: the schema and the translations come from there.
run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(BUILDDIR)/src/dossier

test: build
	xvfb-run -a -s "-screen 0 1400x900x24" meson test -C $(BUILDDIR) --print-errorlogs

clean:
	rm -rf $(BUILDDIR)
