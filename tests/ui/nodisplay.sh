#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# versus --help and --version print their text and exit 0 where there is no display at all.
# Usage: nodisplay.sh VERSUS_BINARY VERSION QTKEYCHAIN_VERSION
set -u
binary=$1
version=$2
keychain=$3
status=0
check() {
    option=$1
    expected=$2
    output=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$binary" "$option" 2>&1)
    code=$?
    if [ "$code" -ne 0 ]; then
        echo "FAIL: versus $option exited $code: $output"
        status=1
    elif ! printf '%s' "$output" | grep -qF -- "$expected"; then
        echo "FAIL: versus $option does not say \"$expected\": $output"
        status=1
    else
        echo "PASS: versus $option"
    fi
}
check --help "Compare LLM API providers side by side."
check --help "--target <PROVIDER:MODEL>"
check -h "--demo-prompt <TEXT>"
check --version "versus $version"
check -v "versus $version"
check --version "versus $version (Qt "
check --version ", QtKeychain $keychain)"
check --help "--smoke-test"
exit $status
