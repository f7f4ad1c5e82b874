#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# versus --smoke-test, as a package check runs it: offscreen, in a fresh HOME and XDG folders,
# it must say so in --help, show its window, paint it and exit 0 within a minute.
# Usage: smoketest.sh VERSUS_BINARY
set -u
binary=$1
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
status=0

help=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$binary" --help 2>&1)
if printf '%s' "$help" | grep -qF -- "--smoke-test"; then
    echo "PASS: versus --help lists --smoke-test"
else
    echo "FAIL: versus --help does not list --smoke-test: $help"
    status=1
fi

output=$(cd "$home" && env -u DISPLAY -u WAYLAND_DISPLAY HOME="$home" XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" QT_QPA_PLATFORM=offscreen \
    timeout 60 "$binary" --smoke-test 2>&1)
code=$?
if [ "$code" -eq 0 ]; then
    echo "PASS: versus --smoke-test exited 0"
else
    echo "FAIL: versus --smoke-test exited $code (124: it did not quit within 60 s): $output"
    status=1
fi
# It ran in this fresh home: the history it opens at start is there now, so the window was
# really built (an early exit before the engine would leave the folder empty).
if [ -f "$home/data/versus/history.sqlite" ]; then
    echo "PASS: versus --smoke-test opened its history in the fresh home"
else
    echo "FAIL: versus --smoke-test left no history in $home/data/versus: $output"
    status=1
fi
exit $status
