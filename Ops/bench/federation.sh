#!/usr/bin/env bash
# Federation benchmark with real node processes on loopback (issue 6).
#   Ops/bench/federation.sh [COUNTIES] [TOWNSHIPS_PER_COUNTY] [SECONDS] [BURST]
# Defaults: 10 × 17 townships (1+10+170, Tongren's 1+10+172 rounded to a uniform tree), 60 s of one event per
# township per second, a burst of 100,000 events from one township while its county is stopped.
# The nodes run the binary servers run (`make dist`: dist/xieshang-node, release, Swift runtime linked statically); the driver
# xieshang-bench is a release build. BUILD=debug runs debug builds of both instead (quick checks of the script).
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNTIES=${1:-10}; TOWNS=${2:-17}; SECONDS_=${3:-60}; BURST=${4:-100000}; BUILD=${BUILD:-release}
swift build -c "$BUILD" --product xieshang-bench >&2
BIN=$(swift build -c "$BUILD" --show-bin-path)
NODE="$BIN/xieshang-node"; CLI="$BIN/xieshang"
if [[ "$BUILD" == release ]]; then
  make --no-print-directory dist >&2; NODE="$PWD/dist/xieshang-node"; CLI="$PWD/dist/xieshang"
else
  swift build --product xieshang >&2; swift build --product xieshang-node >&2
fi
WORK=$(mktemp -d /tmp/xs-bench-fed.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# Listen ports below Linux's ephemeral range (32768–60999): 181 nodes' outgoing connections must not take them.
PORT=$((20000 + RANDOM % 12000))
# Plain h2c on loopback, as every figure in Ops/bench/README.md was measured (topology writes TLS configs by default
# since issue 16; XS_BENCH_TLS=1 measures TLS links instead).
H2C=--h2c; [[ "${XS_BENCH_TLS:-}" == 1 ]] && H2C=
"$CLI" topology --counties "$COUNTIES" --townships-per-county "$TOWNS" --base-port "$PORT" $H2C --out "$WORK" >/dev/null
echo "federation bench: 1+$COUNTIES+$((COUNTIES * TOWNS)), $SECONDS_ s load, burst $BURST, $BUILD build ($NODE), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
"$BIN/xieshang-bench" federation --dir "$WORK" --xieshang "$NODE" --seconds "$SECONDS_" --burst "$BURST"
