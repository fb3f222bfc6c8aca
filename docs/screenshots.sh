#!/usr/bin/env bash
# Regenerates the README's screenshots, docs/img/audit-report.png and docs/img/review-page.png,
# from a current run of the default mix, in headless Chromium (Debian: apt-get install -y chromium).
#
#   docs/screenshots.sh            # regenerate output/demo with the README's first command, then shoot
#   docs/screenshots.sh RUN_DIR    # shoot an existing run instead
#
# The review page is shot on a copy of the run with two labels (one good, one bad with a reason),
# so the run itself gets no labels.jsonl. Run it from anywhere; it works in the project root.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "needs Chromium at $chromium: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)" >&2
  exit 1
fi

run="${1:-}"
if [ -z "$run" ]; then
  run=output/demo
  ./exemplar generate --mix mixes/default.yaml --out "$run" --overwrite
fi

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Flags as the browser tests use them: root needs --no-sandbox; the network flags stop Chromium
# calling home on a closed network. The virtual-time budget lets the page's scripts draw first.
shoot() { # URL FILE WIDTH,HEIGHT
  "$chromium" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size="$3" --virtual-time-budget=10000 \
    --screenshot="$PWD/$2" "$1" 2>"$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
  echo "wrote $2 ($3)"
}

./exemplar audit "$run" --html "$work/report.html" >/dev/null
shoot "file://$work/report.html" docs/img/audit-report.png 1400,2300

# The copy keeps the run's relative path, which the page shows (output/demo, not a temporary path).
case "$run" in /*) copy="$(basename "$run")" ;; *) copy="$run" ;; esac
mkdir -p "$work/$(dirname "$copy")"
cp -r "$run" "$work/$copy"
rm -f "$work/$copy/labels.jsonl"
(cd "$work" && exec "$OLDPWD/exemplar" review "$copy" --port 0) >"$work/review.log" 2>&1 &
server=$!
port=""
for _ in $(seq 1 120); do
  port="$(sed -n 's|^Open http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/review.log")"
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/review.log" >&2; exit 1; }
  sleep 1
done
[ -n "$port" ] || { echo "the review server did not start:" >&2; cat "$work/review.log" >&2; exit 1; }
base="http://127.0.0.1:$port"
ids="$(curl -fsS "$base/api/items" | python3 -c 'import json, sys; print(" ".join(i["id"] for i in json.load(sys.stdin)["items"][1:3]))')"
set -- $ids
label() { # ID BODY
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "$2" "$base/api/labels"
}
label "$1" "{\"id\": \"$1\", \"label\": \"good\"}"
label "$2" "{\"id\": \"$2\", \"label\": \"bad\", \"reason\": \"the AI explains itself at too much length\"}"
shoot "$base/" docs/img/review-page.png 1400,1000
