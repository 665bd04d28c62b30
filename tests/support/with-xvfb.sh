#!/bin/sh
# Runs a command on an Xvfb display of its own; Xvfb picks a free display number itself (-displayfd), so several GUI
# test cases can run at once (xvfb-run -a races when started in parallel). -noreset: a test case that closes its
# window and opens another must not meet the server resetting after its last client left (":0 cannot be opened").
set -eu
dir="$(mktemp -d)"
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$dir"' EXIT
i=0
while [ ! -s "$dir/display" ]; do
  i=$((i + 1))
  if [ $i -gt 200 ] || ! kill -0 $xvfb 2>/dev/null; then echo "with-xvfb: Xvfb did not start: $(cat "$dir/xvfb.log")" >&2; exit 1; fi
  sleep 0.05
done
DISPLAY=":$(head -1 "$dir/display")" "$@"
