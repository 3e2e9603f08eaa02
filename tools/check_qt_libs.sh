#!/usr/bin/env bash
# Check that the system libraries Qt's xcb (X11) platform plugin needs are installed.
#
# PySide6 wheels bundle Qt itself but not the X11/xcb, OpenGL, fontconfig and D-Bus
# libraries of the host. Without them the app dies at start-up with the unhelpful
# "Could not load the Qt platform plugin 'xcb'". This script names what is missing
# and the command that installs it, then exits non-zero so `make run` stops.
#
# The list comes from the NEEDED entries (objdump -p / ldd) of PySide6's
# plugins/platforms/libqxcb.so, lib/libQt6XcbQpa.so.6, lib/libQt6Gui.so.6 and
# lib/libQt6DBus.so.6 (PySide6-Essentials 6.11), minus what libc/libstdc++ provide.
set -euo pipefail

# Only Linux uses xcb; the offscreen platform (tests, CI) needs none of these.
if [[ "$(uname -s)" != "Linux" ]]; then
    exit 0
fi
if [[ "${QT_QPA_PLATFORM:-}" == offscreen* || "${QT_QPA_PLATFORM:-}" == minimal* ]]; then
    exit 0
fi

# shared library (soname) -> Debian/Ubuntu package that provides it
required=(
    "libxcb.so.1               libxcb1"
    "libxcb-cursor.so.0        libxcb-cursor0"
    "libxcb-icccm.so.4         libxcb-icccm4"
    "libxcb-image.so.0         libxcb-image0"
    "libxcb-keysyms.so.1       libxcb-keysyms1"
    "libxcb-randr.so.0         libxcb-randr0"
    "libxcb-render.so.0        libxcb-render0"
    "libxcb-render-util.so.0   libxcb-render-util0"
    "libxcb-shape.so.0         libxcb-shape0"
    "libxcb-shm.so.0           libxcb-shm0"
    "libxcb-sync.so.1          libxcb-sync1"
    "libxcb-util.so.1          libxcb-util1"
    "libxcb-xfixes.so.0        libxcb-xfixes0"
    "libxcb-xkb.so.1           libxcb-xkb1"
    "libX11.so.6               libx11-6"
    "libX11-xcb.so.1           libx11-xcb1"
    "libxkbcommon.so.0         libxkbcommon0"
    "libxkbcommon-x11.so.0     libxkbcommon-x11-0"
    "libEGL.so.1               libegl1"
    "libGL.so.1                libgl1"
    "libfontconfig.so.1        libfontconfig1"
    "libfreetype.so.6          libfreetype6"
    "libglib-2.0.so.0          libglib2.0-0"
    "libdbus-1.so.3            libdbus-1-3"
)

ldconfig_bin="$(command -v ldconfig || true)"
for candidate in /sbin/ldconfig /usr/sbin/ldconfig; do
    if [[ -z "$ldconfig_bin" && -x "$candidate" ]]; then
        ldconfig_bin="$candidate"
    fi
done
if [[ -z "$ldconfig_bin" ]]; then
    echo "check_qt_libs: ldconfig not found; cannot check Qt's system libraries." >&2
    exit 0
fi

# First field of each "\tlibfoo.so.1 (libc6,x86-64) => /path" line: the soname.
known="$("$ldconfig_bin" -p | awk 'NR > 1 { print $1 }')"
missing_libs=()
missing_pkgs=()
for entry in "${required[@]}"; do
    read -r lib pkg <<<"$entry"
    if ! grep -qxF "$lib" <<<"$known"; then
        missing_libs+=("$lib")
        missing_pkgs+=("$pkg")
    fi
done

if ((${#missing_libs[@]} > 0)); then
    {
        echo "Qt cannot open a window: these system libraries are missing:"
        printf '    %s\n' "${missing_libs[@]}"
        echo
        echo "On Debian or Ubuntu, install them with:"
        echo "    sudo apt-get install ${missing_pkgs[*]}"
        echo
        echo "(Other distributions: install the packages that provide these files.)"
    } >&2
    exit 1
fi

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "check_qt_libs: warning: neither DISPLAY nor WAYLAND_DISPLAY is set;" \
        "Qt will find no screen (try: xvfb-run -a make run)." >&2
fi
exit 0
