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
