#!/usr/bin/env bash
# Installs what is missing, builds, starts the sandbox platform with demo data on a free loopback port,
# and opens MedPics Desk signed in to it as the demo moderator; the server stops when the desk closes.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
bash scripts/install-deps.sh
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j2 --target medpics-platform medpics-desk medpics

DATA_DIR="${MEDPICS_DEMO_DATA:-$HOME/.local/share/medpics/sandbox}"
mkdir -p "$DATA_DIR"
# The demo's RPPS directory: a generated extract that contains the registered demo applicants.
export MEDPICS_DATA="$DATA_DIR"
if [ ! -f "$DATA_DIR/registry.sqlite" ]; then
  "$BUILD_DIR/bin/medpics" registry generate --out "$DATA_DIR/rpps-extract.txt" --rows 200000 --demo-applicants
  "$BUILD_DIR/bin/medpics" registry import "$DATA_DIR/rpps-extract.txt"
fi
PORT_FILE="$(mktemp)"
"$BUILD_DIR/bin/medpics-platform" --port 0 --data "$DATA_DIR" --demo --port-file "$PORT_FILE" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; rm -f "$PORT_FILE"' EXIT

for _ in $(seq 1 600); do
  [ -s "$PORT_FILE" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "run-demo: the sandbox server failed to start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$PORT_FILE" ] || { echo "run-demo: the sandbox server did not start in time" >&2; exit 1; }
URL="http://127.0.0.1:$(cat "$PORT_FILE")"
echo "run-demo: sandbox platform at $URL (data in $DATA_DIR); demo users modo, verif, admin (password: <user>-demo)"

DESK_USER="${MEDPICS_DEMO_USER:-modo}"
MEDPICS_PASSWORD="${MEDPICS_PASSWORD:-$DESK_USER-demo}" "$BUILD_DIR/bin/medpics-desk" --server "$URL" --user "$DESK_USER"
