# Sourced by the node-process benchmarks (federation.sh, figures.sh, web.sh): one place for their binaries and topology.
# bench_scale F: COUNTIES and TOWNS scaled by the fraction F (at least 1 each), for quick checks of a script.
# bench_build: builds xieshang-bench in $BUILD (release by default) and sets BIN, NODE, CLI. The nodes run the binary
#   servers run (`make dist`: dist/xieshang-node, release, Swift runtime linked statically); BUILD=debug runs debug
#   builds of all three instead (quick checks of the script only: debug numbers are not figures to report).
# bench_topology NAME: a topology of COUNTIES × TOWNS in a fresh /tmp/xs-bench-NAME.* (WORK, removed on exit), listen
#   ports from PORT (below Linux's ephemeral range 32768–60999: 181 nodes' outgoing connections must not take them),
#   plain h2c on loopback as every figure in Ops/bench/README.md was measured (XS_BENCH_TLS=1 for TLS links).
BUILD=${BUILD:-release}
bench_scale() {
  COUNTIES=$(awk -v f="$1" -v n="$COUNTIES" 'BEGIN { c = int(n * f + 0.5); print (c < 1 ? 1 : c) }')
  TOWNS=$(awk -v f="$1" -v n="$TOWNS" 'BEGIN { c = int(n * f + 0.5); print (c < 1 ? 1 : c) }')
}
bench_build() {
  swift build -c "$BUILD" --product xieshang-bench >&2
  BIN=$(swift build -c "$BUILD" --show-bin-path)
  NODE="$BIN/xieshang-node"; CLI="$BIN/xieshang"
  if [[ "$BUILD" == release ]]; then
    make --no-print-directory dist >&2; NODE="$PWD/dist/xieshang-node"; CLI="$PWD/dist/xieshang"
  else
    swift build --product xieshang >&2; swift build --product xieshang-node >&2
  fi
}
bench_topology() {
  WORK=$(mktemp -d "/tmp/xs-bench-$1.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
  PORT=$((20000 + RANDOM % 10000))
  local h2c=--h2c; [[ "${XS_BENCH_TLS:-}" == 1 ]] && h2c=
  "$CLI" topology --counties "$COUNTIES" --townships-per-county "$TOWNS" --base-port "$PORT" $h2c --out "$WORK" >/dev/null
}
# bench_web_on DIR ID PORT: turns the web on for node ID of the topology in DIR, on 127.0.0.1:PORT, with the
#   certificate `xieshang init --web-listen … --web-name localhost,127.0.0.1` makes (its web.crt and web.key copied into
#   the node's directory; web_listen, web_cert and web_key added to its node.json). Needs CLI and jq.
bench_web_on() {
  local made="$1/$2.webcert"
  "$CLI" init --id "$2" --listen 127.0.0.1:1 --dir "$made" --web-listen "127.0.0.1:$3" --web-name localhost,127.0.0.1 >/dev/null
  cp -p "$made/web.crt" "$made/web.key" "$1/$2/"
  rm -rf "$made"
  jq --arg l "127.0.0.1:$3" --arg c "$1/$2/web.crt" --arg k "$1/$2/web.key" '. + {web_listen: $l, web_cert: $c, web_key: $k}' \
    "$1/$2/node.json" > "$1/$2/node.json.new"
  mv "$1/$2/node.json.new" "$1/$2/node.json"
}
# bench_wait_linked ADMIN_SOCKET: waits (up to 60 s) until the node on ADMIN_SOCKET has its parent link up, polling
#   `xieshang status --json` as the node benches poll the status.
bench_wait_linked() {
  local t0=$SECONDS
  until "$CLI" status --json --node "$1" 2>/dev/null | jq -e '.links[]? | select(.role == "parent" and .state == "up")' >/dev/null; do
    (( SECONDS - t0 < 60 )) || { echo "the node on $1 did not reach its parent within 60 s" >&2; return 1; }
    sleep 0.05
  done
}
