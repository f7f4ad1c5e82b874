#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command with a throw-away, unlocked gnome-keyring on the current D-Bus session.
# Use it inside a private session bus, never on a desktop session:
#   dbus-run-session -- sh tests/support/with-keyring.sh ctest --output-on-failure
# Packages: dbus-daemon gnome-keyring libsecret-tools libglib2.0-bin
set -eu
# One assignment per export: in "export A=x B=$A" the shell expands $A before setting A,
# which would put the keyring in the real HOME.
HOME="$(mktemp -d)"
export HOME
throwaway_home="$HOME"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$HOME/run"
mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
# The bus starts gnome-keyring-daemon by activation with the bus's own environment: without
# this it would keep its keyrings in the real HOME.
dbus-update-activation-environment HOME XDG_DATA_HOME XDG_RUNTIME_DIR XDG_CONFIG_HOME XDG_CACHE_HOME
# The keychain tests lock this keyring and unlock it again with the same password; the
# marker tells them they run on a throw-away keyring and may do so.
export VERSUS_TEST_KEYRING_PASSWORD='test-only-password'
# An empty stdin would make the daemon ask a graphical prompter and fail.
printf '%s' "$VERSUS_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
# A keyring file that exists with another password stays locked while --unlock exits 0.
locked=$(gdbus call --session --dest org.freedesktop.secrets \
  --object-path /org/freedesktop/secrets/collection/login \
  --method org.freedesktop.DBus.Properties.Get org.freedesktop.Secret.Collection Locked)
[ "$locked" = "(<false>,)" ] || { echo "with-keyring.sh: keyring still locked" >&2; exit 1; }
export VERSUS_TEST_KEYRING=1
status=0
"$@" || status=$?
rm -rf "$throwaway_home"
exit "$status"
