#!/usr/bin/env bash
# Copies the screenshots written by the GUI tests (build/test-artifacts) into docs/images for the user guide.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SRC="${1:-$ROOT/build/test-artifacts}"
for name in login post-view final-review reject-form editor-rectangle editor-dismissed registration-valid registration-invalid \
  login-error help-overlay post-view-en settings high-contrast notification-detail history history-evidence statistics \
  shift-manual-region shift-residual directory-import; do
  [ -f "$SRC/$name.png" ] && cp "$SRC/$name.png" "$ROOT/docs/images/desk-$name.png"
done
echo "update-doc-screenshots: docs/images updated from $SRC"
