#!/usr/bin/env bash
# Regenerates Ops/xieshang-node.order, the order in which `make dist` links the functions of dist/xieshang-node
# (issue 17: an idle township with the web on within 24 MB RSS; Ops/bench/README.md, "Idle township RSS: code pages").
#   Ops/bench/link-order.sh        (needs valgrind; NODE=… CLI=… to profile given binaries, else `make dist` first)
# The kernel maps a file's pages into a process 64 KB at a time around each page it touches (fault-around), so a
# function run at start-up costs its whole 64 KB block of the executable's text in every node's RSS. Linked in source
# order, the ≈ 1.3 MB of functions an idle node runs were spread over ≈ 10 MB of blocks. The order file lists those
# functions (as gold's --section-ordering-file: `.text.<symbol>`, one per line) so the linker places them together.
# Profile: a township of `xieshang topology --counties 1 --townships-per-county 1 --h2c` with its web on (as
# idle-rss.sh) runs under `valgrind --tool=callgrind`, its city and county running normally, in two phases: (1) idle,
# from start until 35 s after its parent link came up (start-up, the link, the status polls, the first quiet trim),
# ended by `callgrind_control --dump`; (2) the work web.sh's later readings follow: a short feed of each record kind
# a township records in FiguresBench's year (replicated up; the county adopting the forwarded report), then a sign-in
# and one page over HTTPS as WebBench.signIn does, then 35 s quiet, until the township is stopped (its shutdown too).
# The order file lists the executable's functions phase (1) ran, sorted by name, then those only phase (2) ran, sorted
# by name: the idle node's code stays as dense as before, and a fed, signed-in node maps the next blocks rather than
# blocks spread over the whole text. A function the profile did not see, or
# one renamed since, simply keeps its place: a stale file costs RSS, never correctness. Regenerate after changes to
# what a node runs at start, while recording, or for a sign-in (new record types, new start-up work) and commit the
# file with them.
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
TOWN="$WORK/county1-town1/admin.sock" COUNTY="$WORK/county1/admin.sock"
bench_wait_linked "$TOWN" || { tail -5 "$WORK/county1-town1/node.log" >&2; exit 1; }
sleep 35
# Phase 1 ends: callgrind writes what ran so far to callgrind.out.1 and starts counting afresh.
callgrind_control --dump=idle "$town" >/dev/null
[[ -s "$WORK/callgrind.out.1" ]] || { echo "callgrind_control --dump wrote no profile" >&2; exit 1; }

# Phase 2, the work web.sh's later readings follow: a few records of each kind FiguresBench's year has a township
# record (members, activities of each kind, suggestions made/adopted/closed, opinion reports submitted/adopted/
# forwarded/archived), replicated up, the county adopting the forwarded report; then, as WebBench.signIn, an office
# user from `xieshang user add` signs in over HTTPS (POST /login, GET and POST /password: 3 scrypt checks) and views
# one page (GET /); then 35 s quiet (the quiet trim after that work).
x() { "$CLI" "$@" --node "$TOWN" >/dev/null; }
for m in 1 2 3; do x member add --id "T-M$m" --name "特邀委员$m" --sector 特邀 --term 1 --invited; done
n=0
for kind in "consultation --form pleaseCome" research "appraisal --target-unit 乡镇卫生院 --result basicallySatisfied" \
            "consultation --form topical" "consultation --form online" welfare training meeting inspection; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  x activity add --id "HD-$n" --kind $kind --topic "活动$n" --participants $((8 + n)) --members "T-M1,T-M$((1 + n % 3))"
done
for j in 1 2; do
  x suggestion add --id "JY-$j" --text "关于活动$j的建议" --addressee 乡镇党委 --activity "HD-$j" --members T-M1
  x suggestion adopt "JY-$j" --by 乡镇党委书记
done
x suggestion close JY-1 --note 已落实
for r in 1 2 3; do x opinion submit --id "XX-$r" --title "情况反映 $r" --text 部分村组供水管网老化，旱季断水。 --author 联络组 --author-kind group; done
x opinion adopt XX-1 --issue 第1期 --author-kind group
x opinion adopt XX-2 --issue 第2期 --author-kind group
x opinion forward XX-1 --text 建议纳入农村供水保障工程。 --author-kind group
x opinion archive XX-3 --reason 与已录用信息重复 --author-kind group
t0=$SECONDS
until "$CLI" opinion list --json --node "$COUNTY" 2>/dev/null | grep -q 'county1-town1'; do
  (( SECONDS - t0 < 120 )) || { echo "the county did not receive the township's forwarded report within 120 s" >&2; exit 1; }
  sleep 1
done
"$CLI" opinion adopt county1-town1/XX-1 --issue 第1期 --author-kind group --node "$COUNTY" >/dev/null
BASE="https://127.0.0.1:$((PORT + 4000))" JAR="$WORK/cookies.txt"
web() { curl -sS --http2 --max-time 300 --cacert "$WORK/county1-town1/web.crt" -b "$JAR" -c "$JAR" "$@"; }
initial=$("$CLI" user add bench.office --name 办公室 --role office --json --node "$TOWN" | jq -r .password)
NEWPW=Bench-Pass-2026!
code=$(web -H "origin: $BASE" -o /dev/null -w '%{http_code}' --data-urlencode username=bench.office \
  --data-urlencode "password=$initial" "$BASE/login")
[[ "$code" == 303 ]] || { echo "sign-in at the township: HTTP $code" >&2; exit 1; }
csrf=$(web "$BASE/password" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
code=$(web -H "origin: $BASE" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" --data-urlencode "current=$initial" \
  --data-urlencode "new=$NEWPW" --data-urlencode "confirm=$NEWPW" "$BASE/password")
[[ "$code" == 303 ]] || { echo "password change at the township: HTTP $code" >&2; exit 1; }
code=$(web -o /dev/null -w '%{http_code}' "$BASE/")
[[ "$code" == 200 ]] || { echo "page view at the township: HTTP $code" >&2; exit 1; }
sleep 35
kill "$town"; wait "$town" || true
[[ -s "$WORK/callgrind.out" ]] || { echo "callgrind wrote no profile (log: $WORK/county1-town1/node.log)" >&2; exit 1; }

# The executable's functions a profile ran: callgrind's `fn=(id) name` lines under `ob=` the executable (names and
# objects are given once, then referred to by id; a recursion depth suffix 'N is dropped).
ran() {
  awk -v bin="$NODE" '
    /^c?(ob|fn)=\(/ {
      kind = substr($0, 1, index($0, "=") - 1); rest = substr($0, index($0, "(") + 1)
      id = substr(rest, 1, index(rest, ")") - 1); name = substr(rest, index(rest, ")") + 2)
      if (kind ~ /ob$/) { if (name != "") obs[id] = name; if (kind == "ob") current = obs[id]; next }
      if (name != "") fns[id] = name
      if (kind == "fn" && current == bin) { n = fns[id]; sub(/\047[0-9]+$/, "", n); print n }
    }' "$1" | sort -u
}
ran "$WORK/callgrind.out.1" > "$WORK/ran-idle.txt"
ran "$WORK/callgrind.out" > "$WORK/ran-work.txt"
# The functions among them, as section names: first the idle phase's, sorted by name (a module's functions stay
# together, and a regenerated file differs from the old one only where the code did), then the second phase's not
# already listed, sorted by name — after the idle ones, so they do not spread the idle node's code.
sections() {
  nm --defined-only "$NODE" | awk 'NR == FNR { ran[$0] = 1; next } $2 ~ /^[tTwW]$/ && ($3 in ran) { print ".text." $3 }' \
    "$1" - | LC_ALL=C sort -u
}
sections "$WORK/ran-idle.txt" > "$WORK/idle.order"
sections "$WORK/ran-work.txt" | LC_ALL=C comm -23 - "$WORK/idle.order" > "$WORK/work.order"
cat "$WORK/idle.order" "$WORK/work.order" > "$OUT"
echo "$OUT: $(wc -l < "$OUT") functions: $(wc -l < "$WORK/idle.order") idle, then $(wc -l < "$WORK/work.order") of the feed and the sign-in ($(wc -l < "$WORK/ran-idle.txt") + $(wc -l < "$WORK/ran-work.txt") names in the profiles), from $NODE"
