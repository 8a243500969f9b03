#!/usr/bin/env bash
# Transport benchmark: the same h2load command against the unary Echo method of
#   (1) Xieshang's transport (`xieshang diag serve`, release build),
#   (2) a grpc-swift-2 2.4.3 server (Ops/bench/peers/transport, release build; its first build takes ~7 minutes),
#   (3) a Python grpcio 1.85.1 server (Tests/XieshangTransportTests/python/interop_server.py, in the venv).
# Prints requests/s, p50/p99 latency (from h2load's per-request log) and the server's RSS, with ratios to ours.
# usage: Ops/bench/transport.sh [REQUESTS]      (default 200000; the grpcio run uses a tenth of that)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
N=${1:-200000}
H2LOAD_ARGS=(-c 4 -m 10)
WORK=$(mktemp -d /tmp/xs-bench-transport.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

command -v h2load >/dev/null || { echo "h2load missing: run make deps (nghttp2-client)"; exit 1; }
PY=${XIESHANG_PYTHON:-$ROOT/.venv/bin/python}
[ -x "$PY" ] || { echo "no venv: run make venv"; exit 1; }

echo "building xieshang (release)…" >&2
swift build -c release --product xieshang >&2
echo "building the grpc-swift-2 peer (release; the first build takes minutes)…" >&2
(cd Ops/bench/peers/transport && swift build -c release --product GRPCSwiftEchoPeer >&2)

# One gRPC-framed EchoRequest: 300-byte payload and a short Chinese text.
"$PY" - "$WORK/echo.bin" <<'PY'
import struct, sys
text = "协商".encode()
msg = b"\x0a" + bytes([0xac, 0x02]) + b"x" * 300 + b"\x12" + bytes([len(text)]) + text
open(sys.argv[1], "wb").write(b"\x00" + struct.pack(">I", len(msg)) + msg)
PY

# start NAME COMMAND… : runs the server, waits for its port line, sets PORT and PID.
start() {
  local name=$1; shift
  # An explicit stdin: a background job of a script would otherwise read /dev/null.
  "$@" < "${STDIN_FILE:-/dev/null}" > "$WORK/$name.out" 2>&1 &
  PID=$!
  PIDS+=("$PID")
  for _ in $(seq 1 200); do
    PORT=$(grep -oE '(PORT |listening on 127\.0\.0\.1:)[0-9]+' "$WORK/$name.out" | grep -oE '[0-9]+$' | head -1 || true)
    [ -n "$PORT" ] && return 0
    sleep 0.05
  done
  echo "$name did not start:"; cat "$WORK/$name.out"; exit 1
}

# measure NAME REQUESTS : warm-up, then the measured h2load run; appends a row to $WORK/rows.
measure() {
  local name=$1 n=$2
  local url="http://127.0.0.1:$PORT/xieshang.v1.Diagnostics/Echo"
  local common=(-d "$WORK/echo.bin" -H "content-type: application/grpc" -H "te: trailers")
  h2load -n $((n / 10)) "${H2LOAD_ARGS[@]}" "${common[@]}" "$url" > /dev/null
  h2load -n "$n" "${H2LOAD_ARGS[@]}" "${common[@]}" --log-file="$WORK/$name.log" "$url" > "$WORK/$name.h2load"
  local rps failed rss
  rps=$(grep -oE 'finished in [0-9.]+m?s, [0-9.]+ req/s' "$WORK/$name.h2load" | grep -oE '[0-9.]+ req/s' | cut -d' ' -f1)
  failed=$(grep -oE '[0-9]+ failed' "$WORK/$name.h2load" | head -1 | cut -d' ' -f1)
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status")
  # The log's third column is the request's latency in microseconds.
  read -r p50 p99 < <(awk '{print $3}' "$WORK/$name.log" | sort -n | awk '{a[NR]=$1} END {print a[int(NR*0.50)], a[int(NR*0.99)]}')
  echo "$name $rps $p50 $p99 $rss $failed $n" >> "$WORK/rows"
  kill "$PID"; wait "$PID" 2>/dev/null || true
}

start xieshang "$ROOT/.build/release/xieshang" diag serve --listen 127.0.0.1:0
measure xieshang "$N"
start grpc-swift-2 "$ROOT/Ops/bench/peers/transport/.build/release/GRPCSwiftEchoPeer" 0
measure grpc-swift-2 "$N"
# The grpcio script stops when its stdin closes: hand it a FIFO this script holds open.
mkfifo "$WORK/stdin"; exec 3<>"$WORK/stdin"
STDIN_FILE="$WORK/stdin" start grpcio "$PY" "$ROOT/Tests/XieshangTransportTests/python/interop_server.py" "$ROOT/Protos"
measure grpcio $((N / 10))

echo
echo "h2load ${H2LOAD_ARGS[*]}, unary Echo with a 300-byte payload, on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| server | requests | req/s | ours ÷ theirs | p50 µs | p99 µs | peak RSS MB | failed |"
echo "|---|---|---|---|---|---|---|---|"
ours=$(awk '$1 == "xieshang" {print $2}' "$WORK/rows")
while read -r name rps p50 p99 rss failed n; do
  ratio=$(awk -v a="$ours" -v b="$rps" 'BEGIN {printf "%.1f×", a / b}')
  echo "| $name | $n | ${rps%.*} | $ratio | $p50 | $p99 | $((rss / 1024)) | $failed |"
done < "$WORK/rows"
