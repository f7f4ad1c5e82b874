#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs a Versus .deb on this machine, checks it as a user would, and removes it again.
#
#   tests/package/install-test.sh [--build-dir DIR] VERSUS.deb
#
# dpkg -i (its complaint about missing dependencies is expected), apt-get -f install, then,
# from a temporary folder with a fresh HOME and XDG folders and only system folders on PATH:
# versus-cli --version and providers, versus --smoke-test offscreen, desktop-file-validate and
# appstreamcli validate on the installed entry and metainfo, the icons of every size, the man
# page, the license and the translations in the file list (and the French one found by a
# versus started on a French desktop), no RPATH/RUNPATH into DIR or any build tree, no library
# "not found". Finally the package, and what apt-get installed for it, is removed.
# Needs root: run as root, or it asks sudo; without either it says so and fails.
# Exit status: 0 when every check passed, 1 when one failed or the test could not run, 2 usage.
set -uo pipefail

usage() {
    sed -n '4,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}

build_dir=""
deb=""
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir)
            [ $# -ge 2 ] || usage
            build_dir=$2
            shift
            ;;
        -h | --help) usage 0 ;;
        -*)
            echo "install-test: unknown option '$1'" >&2
            usage
            ;;
        *) deb=$1 ;;
    esac
    shift
done
[ -n "$deb" ] || usage
if [ ! -f "$deb" ]; then
    echo "install-test: no package at $deb" >&2
    exit 1
fi
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        echo "install-test: installing a package needs root; asking sudo" >&2
        args=()
        [ -n "$build_dir" ] && args+=(--build-dir "$build_dir")
        exec sudo -- "$0" "${args[@]}" "$deb"
    fi
    echo "install-test: NOT RUN: installing the package needs root, and there is no sudo here." >&2
    echo "install-test: run it as root: tests/package/install-test.sh $deb" >&2
    exit 1
fi

failures=0
pass() { echo "PASS: $*"; }
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

app_id=io.github.versus.Versus
icon_sizes=(16 22 24 32 48 64 128 256 512)
package=$(dpkg-deb -f "$deb" Package)
version=$(dpkg-deb -f "$deb" Version)
upstream_version=${version%%-*}
if [ "$package" != versus ]; then
    echo "install-test: $deb is the package '$package', not versus" >&2
    exit 1
fi
if dpkg-query -W -f='${Status}' versus 2>/dev/null | grep -q "install ok installed"; then
    echo "install-test: a versus package is installed already ($(dpkg-query -W -f='${Version}' versus));" \
        "this test installs its own and removes it at the end, which would remove yours." >&2
    echo "install-test: remove it first (dpkg --purge versus), or run the test on another machine." >&2
    exit 1
fi

installed_packages() { dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 ~ /^.i/ {print $2}' | sort; }
before=$(mktemp)
installed_packages >"$before"
work=$(mktemp -d)
chmod 755 "$work"

cleanup() {
    if dpkg-query -W -f='${Status}' versus 2>/dev/null | grep -q "installed"; then
        echo "install-test: removing the package"
        dpkg --purge versus >/dev/null || echo "install-test: dpkg --purge versus failed" >&2
    fi
    # What apt-get installed for Versus goes too: the machine is left as it was.
    added=$(installed_packages | comm -13 "$before" - | tr '\n' ' ')
    if [ -n "${added// /}" ]; then
        echo "install-test: removing what was installed for it: $added"
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $added >/dev/null ||
            echo "install-test: could not remove $added" >&2
    fi
    rm -rf "$work" "$before"
}
trap cleanup EXIT

echo "install-test: installing $deb ($package $version)"
export DEBIAN_FRONTEND=noninteractive
if dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
    pass "dpkg -i installed it with every dependency already present"
else
    echo "install-test: dpkg -i left dependencies to install (expected on a fresh machine)"
fi
if apt-get -f install -y -qq --no-install-recommends >"$work/apt.log" 2>&1; then
    pass "apt-get -f install"
else
    cat "$work/dpkg.log" "$work/apt.log"
    fail "apt-get -f install could not complete the installation"
fi
if ! dpkg-query -W -f='${Status}' versus 2>/dev/null | grep -q "install ok installed"; then
    cat "$work/dpkg.log" "$work/apt.log"
    fail "the package is not installed after dpkg -i and apt-get -f install"
    echo "install-test: $failures check(s) failed"
    exit 1
fi

# A user's session, as far as a test can make one: a fresh home, no build tree anywhere.
home="$work/home"
mkdir -p "$home/config" "$home/data" "$home/cache" "$home/runtime"
chmod 700 "$home/runtime"
as_user() {
    (cd "$work" && env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME="$home" \
        XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
        XDG_RUNTIME_DIR="$home/runtime" LANG=C.UTF-8 "$@")
}

for binary in versus versus-cli; do
    where=$(as_user sh -c "command -v $binary")
    if [ "$where" = "/usr/bin/$binary" ]; then
        pass "$binary is /usr/bin/$binary"
    else
        fail "$binary is '${where:-nowhere}' on the PATH, not /usr/bin/$binary"
    fi
done

output=$(as_user versus-cli --version 2>&1)
if [[ $output =~ ^versus-cli\ ${upstream_version//./\\.}\ \(Qt\ 6\.[0-9]+\.[0-9]+,\ QtKeychain\ [0-9]+\.[0-9]+(\.[0-9]+)?\)$ ]]; then
    pass "versus-cli --version: $output"
else
    fail "versus-cli --version printed '$output', not 'versus-cli $upstream_version (Qt 6.x.y, QtKeychain x.y.z)'"
fi

as_user versus-cli providers >"$work/providers.txt" 2>&1
code=$?
if grep -qaP '\x00' "$work/providers.txt"; then
    fail "versus-cli providers printed NUL bytes"
fi
output=$(tr -d '\000' <"$work/providers.txt")
missing=""
for name in Groq "Together AI" DeepSeek Synesia; do
    grep -qF "$name" <<<"$output" || missing+=" $name"
done
if [ "$code" -eq 0 ] && [ -z "$missing" ]; then
    pass "versus-cli providers lists Groq, Together AI, DeepSeek and Synesia"
else
    fail "versus-cli providers exited $code${missing:+, without$missing}: $output"
fi

output=$(as_user QT_QPA_PLATFORM=offscreen timeout 90 versus --smoke-test 2>&1)
code=$?
history=$home/data/versus/history.sqlite
if [ "$code" -eq 0 ] && [ -s "$history" ] && ! grep -qiE "driver not loaded|could not load|cannot load" <<<"$output"; then
    pass "versus --smoke-test (offscreen) exited 0, its history is $history"
else
    fail "versus --smoke-test (offscreen) exited $code (124: it did not quit in 90 s)${output:+: $output}$([ -s "$history" ] || echo "; no history file at $history")"
fi

# A French desktop: the installed binary says which translation it loaded.
output=$(as_user LANG=fr_FR.UTF-8 LANGUAGE=fr QT_QPA_PLATFORM=offscreen timeout 90 versus --smoke-test 2>&1)
code=$?
if [ "$code" -eq 0 ] && grep -qxF "versus: language fr from /usr/share/versus/translations/versus_fr.qm" <<<"$output"; then
    pass "versus --smoke-test on a French desktop: in French, from /usr/share/versus/translations/versus_fr.qm"
else
    fail "versus --smoke-test on a French desktop exited $code without running in French: $output"
fi

# What Versus loads at run time, not linked, so that shlibdeps cannot see it: the package of
# each such file must be among the package's dependencies.
depends=$(dpkg-deb -f "$deb" Depends)
for plugin in sqldrivers/libqsqlite.so iconengines/libqsvgicon.so imageformats/libqsvg.so libsecret-1.so.0; do
    owner=$(dpkg -S "$plugin" 2>/dev/null | grep -v "^diversion" | head -n1 | cut -d: -f1)
    if [ -n "$owner" ] && grep -qE "(^|[ ,|])$owner([ ,(|]|$)" <<<"$depends"; then
        pass "$plugin is in $owner, a dependency"
    else
        fail "$plugin (package '${owner:-unknown}') is not among the dependencies: $depends"
    fi
done

desktop=/usr/share/applications/$app_id.desktop
metainfo=/usr/share/metainfo/$app_id.metainfo.xml
if output=$(desktop-file-validate "$desktop" 2>&1); then
    pass "desktop-file-validate $desktop${output:+ (it said: $output)}"
else
    fail "desktop-file-validate $desktop: $output"
fi
if output=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
    pass "appstreamcli validate --no-net $metainfo: $(tail -n1 <<<"$output")"
    grep -E '^[EW]:' <<<"$output" || true
else
    fail "appstreamcli validate --no-net $metainfo: $output"
fi

files=$(dpkg -L versus)
expected=(/usr/bin/versus /usr/bin/versus-cli "$desktop" "$metainfo"
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg
    /usr/share/man/man1/versus-cli.1.gz /usr/share/doc/versus/copyright)
for size in "${icon_sizes[@]}"; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
absent=()
for path in "${expected[@]}"; do
    if ! grep -qxF "$path" <<<"$files" || [ ! -s "$path" ]; then
        absent+=("$path")
    fi
done
if [ ${#absent[@]} -eq 0 ]; then
    pass "the package installs the binaries, desktop entry, metainfo, the SVG and ${#icon_sizes[@]} PNG icons (${icon_sizes[*]}), the man page and the license"
else
    fail "the package lacks ${absent[*]}"
fi
for size in "${icon_sizes[@]}"; do
    png=/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [ -f "$png" ] || continue
    description=$(file -b "$png")
    grep -qF "PNG image data, $size x $size," <<<"$description" || fail "$png is not a ${size}x${size} PNG: $description"
done
if gzip -t /usr/share/man/man1/versus-cli.1.gz 2>/dev/null &&
    zcat /usr/share/man/man1/versus-cli.1.gz | grep -q '^\.TH VERSUS\\-CLI 1'; then
    pass "the man page is a gzipped versus-cli(1)"
else
    fail "/usr/share/man/man1/versus-cli.1.gz is not a gzipped versus-cli(1) page"
fi
if grep -q "GNU GENERAL PUBLIC LICENSE" /usr/share/doc/versus/copyright 2>/dev/null; then
    pass "the license is /usr/share/doc/versus/copyright"
else
    fail "/usr/share/doc/versus/copyright does not hold the license"
fi

translations=/usr/share/versus/translations
qm=$(grep -E "^$translations/.*\.qm$" <<<"$files" || true)
if grep -qxF "$translations/versus_fr.qm" <<<"$files" && grep -qxF "$translations/versus_en.qm" <<<"$files"; then
    pass "translations: $(tr '\n' ' ' <<<"$qm")"
else
    fail "the package lacks versus_fr.qm or versus_en.qm in $translations (it has: ${qm:-none})"
fi

for binary in /usr/bin/versus /usr/bin/versus-cli; do
    paths=$(readelf -d "$binary" 2>/dev/null | grep -E '\((RPATH|RUNPATH)\)' || true)
    if [ -z "$paths" ]; then
        pass "$binary has no RPATH or RUNPATH"
    elif [ -n "$build_dir" ] && grep -qF "$build_dir" <<<"$paths"; then
        fail "$binary looks for libraries in the build tree: $paths"
    else
        # Versus installs no library of its own: any search path is one the loader should not take.
        fail "$binary has a library search path of its own: $paths"
    fi
    unresolved=$(ldd "$binary" 2>&1 | grep -F "not found" || true)
    if [ -z "$unresolved" ]; then
        pass "ldd $binary finds every library"
    else
        fail "ldd $binary: $unresolved"
    fi
    if file -b "$binary" | grep -q ", stripped"; then
        pass "$binary is stripped"
    else
        fail "$binary is not stripped: $(file -b "$binary")"
    fi
done

if [ "$failures" -eq 0 ]; then
    echo "install-test: every check passed"
    exit 0
fi
echo "install-test: $failures check(s) failed"
exit 1
