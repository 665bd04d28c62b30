#!/usr/bin/env bash
# Copies the screenshots written by the GUI tests (build/test-artifacts) into docs/images for the user guide.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SRC="${1:-$ROOT/build/test-artifacts}"
for name in login reject-form editor-rectangle editor-dismissed registration-valid registration-invalid \
  login-error help-overlay settings high-contrast notification-detail history history-evidence statistics \
  shift-manual-region shift-residual directory-import \
  guide-1366-fr-post-view guide-1366-fr-final-review guide-1920-fr-post-view guide-1920-fr-final-review \
  guide-1366-en-post-view guide-1366-en-final-review; do
  [ -f "$SRC/$name.png" ] && cp "$SRC/$name.png" "$ROOT/docs/images/desk-$name.png"
done
echo "update-doc-screenshots: docs/images updated from $SRC"
