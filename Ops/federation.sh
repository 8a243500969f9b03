#!/usr/bin/env bash
# Starts, stops and shows a loopback federation written by `xieshang topology --out DIR`.
#   Ops/federation.sh up DIR       start every node in DIR/*/node.json (pid file and log per node)
#   Ops/federation.sh down DIR     SIGTERM every node, wait for it to exit (SIGKILL after 10 s)
#   Ops/federation.sh status DIR   one line per node: pid state, then `xieshang status`
# XIESHANG_BIN overrides the binary (default: the debug build of this checkout).
set -euo pipefail
cmd=${1:-}; dir=${2:-}
if [[ -z "$cmd" || -z "$dir" || ! -d "$dir" ]]; then
  echo "usage: $0 up|down|status DIR   (DIR from: xieshang topology --out DIR)" >&2; exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${XIESHANG_BIN:-$root/.build/debug/xieshang}
[[ -x "$bin" ]] || { echo "$bin not found; run swift build --product xieshang or set XIESHANG_BIN" >&2; exit 2; }
alive() { [[ -f "$1/node.pid" ]] && kill -0 "$(cat "$1/node.pid")" 2>/dev/null; }
case "$cmd" in
  up)
    for conf in "$dir"/*/node.json; do
      d=$(dirname "$conf")
      if alive "$d"; then echo "$(basename "$d"): already running (pid $(cat "$d/node.pid"))"; continue; fi
      "$bin" node --config "$conf" >>"$d/node.log" 2>&1 &
      echo $! >"$d/node.pid"
      echo "$(basename "$d"): started pid $!"
    done
    for conf in "$dir"/*/node.json; do   # wait until each admin socket answers (30 s at most)
      d=$(dirname "$conf"); for _ in $(seq 300); do
        "$bin" status --node "$d/admin.sock" >/dev/null 2>&1 && break
        alive "$d" || { echo "$(basename "$d"): exited; see $d/node.log" >&2; tail -3 "$d/node.log" >&2; break; }
        sleep 0.1
      done
    done ;;
  down)
    for conf in "$dir"/*/node.json; do
      d=$(dirname "$conf"); alive "$d" && kill -TERM "$(cat "$d/node.pid")" || true
    done
    for conf in "$dir"/*/node.json; do
      d=$(dirname "$conf"); for _ in $(seq 100); do alive "$d" || break; sleep 0.1; done
      if alive "$d"; then kill -KILL "$(cat "$d/node.pid")"; echo "$(basename "$d"): killed"; fi
      rm -f "$d/node.pid"
    done ;;
  status)
    for conf in "$dir"/*/node.json; do
      d=$(dirname "$conf")
      if alive "$d"; then echo "== $(basename "$d") (pid $(cat "$d/node.pid"))"; "$bin" status --node "$d/admin.sock" || true
      else echo "== $(basename "$d"): not running"; fi
    done ;;
  *) echo "unknown command $cmd; use up, down or status" >&2; exit 2 ;;
esac
