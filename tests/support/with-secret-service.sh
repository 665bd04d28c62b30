#!/bin/sh
# Runs a command with a real Secret Service: a private D-Bus session and a throwaway, unlocked gnome-keyring
# in a temporary HOME (removed afterwards). Used by the keyring tests.
set -eu
tmp="$(mktemp -d)"
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
rc=0
HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config" XDG_RUNTIME_DIR="$tmp/run" \
  dbus-run-session -- sh -c 'printf "throwaway-test-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
  with-secret-service "$@" || rc=$?
rm -rf "$tmp"
exit "$rc"
