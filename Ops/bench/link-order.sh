#!/usr/bin/env bash
# Regenerates Ops/xieshang-node.order, the order in which `make dist` links the functions of dist/xieshang-node
# (issue 17: an idle township with the web on within 24 MB RSS; Ops/bench/README.md, "Idle township RSS: code pages").
#   Ops/bench/link-order.sh        (needs valgrind; NODE=… CLI=… to profile given binaries, else `make dist` first)
# The kernel maps a file's pages into a process 64 KB at a time around each page it touches (fault-around), so a
# function run at start-up costs its whole 64 KB block of the executable's text in every node's RSS. Linked in source
# order, the ≈ 1.3 MB of functions an idle node runs were spread over ≈ 10 MB of blocks. The order file lists those
# functions (as gold's --section-ordering-file: `.text.<symbol>`, one per line) so the linker places them together.
# Profile: a township of `xieshang topology --counties 1 --townships-per-county 1 --h2c` with its web on (as
# idle-rss.sh) runs under `valgrind --tool=callgrind` from start until 35 s after its parent link came up (start-up,
# the link, the status polls, the first quiet trim), its city and county running normally; every function of the
# executable callgrind saw run is listed, sorted by name. A function the profile did not see, or
# one renamed since, simply keeps its place: a stale file costs RSS, never correctness. Regenerate after changes to
# what a node runs at start (new record types, new start-up work) and commit the file with them.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Ops/bench/nodes.sh
command -v valgrind >/dev/null || { echo "link-order.sh needs valgrind (apt-get install valgrind)" >&2; exit 1; }
if [[ -z "${NODE:-}" || -z "${CLI:-}" ]]; then
  make --no-print-directory dist >&2
  NODE="$PWD/dist/xieshang-node"; CLI="$PWD/dist/xieshang"
fi
NODE=$(readlink -f "$NODE")
OUT=Ops/xieshang-node.order
WORK=$(mktemp -d /tmp/xs-bench-order.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

PORT=$((20000 + RANDOM % 10000))
"$CLI" topology --counties 1 --townships-per-county 1 --base-port "$PORT" --h2c --out "$WORK" >/dev/null
bench_web_on "$WORK" county1-town1 $((PORT + 4000))
for id in city county1; do
  "$NODE" --config "$WORK/$id/node.json" >>"$WORK/$id/node.log" 2>&1 &
  PIDS+=($!)
done
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$WORK/callgrind.out" \
  "$NODE" --config "$WORK/county1-town1/node.json" >>"$WORK/county1-town1/node.log" 2>&1 &
town=$!
bench_wait_linked "$WORK/county1-town1/admin.sock" || { tail -5 "$WORK/county1-town1/node.log" >&2; exit 1; }
sleep 35
kill "$town"; wait "$town" || true
[[ -s "$WORK/callgrind.out" ]] || { echo "callgrind wrote no profile (log: $WORK/county1-town1/node.log)" >&2; exit 1; }

# The executable's functions the profile ran: callgrind's `fn=(id) name` lines under `ob=` the executable (names and
# objects are given once, then referred to by id; a recursion depth suffix 'N is dropped).
awk -v bin="$NODE" '
  /^c?(ob|fn)=\(/ {
    kind = substr($0, 1, index($0, "=") - 1); rest = substr($0, index($0, "(") + 1)
    id = substr(rest, 1, index(rest, ")") - 1); name = substr(rest, index(rest, ")") + 2)
    if (kind ~ /ob$/) { if (name != "") obs[id] = name; if (kind == "ob") current = obs[id]; next }
    if (name != "") fns[id] = name
    if (kind == "fn" && current == bin) { n = fns[id]; sub(/\047[0-9]+$/, "", n); print n }
  }' "$WORK/callgrind.out" | sort -u > "$WORK/ran.txt"
# The functions among them, as section names, sorted by name (a module's functions stay together, and a regenerated
# file differs from the old one only where the code did).
nm --defined-only "$NODE" | awk 'NR == FNR { ran[$0] = 1; next } $2 ~ /^[tTwW]$/ && ($3 in ran) { print ".text." $3 }' \
  "$WORK/ran.txt" - | LC_ALL=C sort -u > "$OUT"
echo "$OUT: $(wc -l < "$OUT") functions ($(wc -l < "$WORK/ran.txt") names in the profile), from $NODE"
