#!/usr/bin/env bash
# Federation benchmark with real node processes on loopback (issue 6).
#   Ops/bench/federation.sh [COUNTIES] [TOWNSHIPS_PER_COUNTY] [SECONDS] [BURST]
# Defaults: 10 × 17 townships (1+10+170, Tongren's 1+10+172 rounded to a uniform tree), 60 s of one event per
# township per second, a burst of 100,000 events from one township while its county is stopped.
# The nodes run the binary servers run (`make dist`: dist/xieshang-node, release, Swift runtime linked statically); the driver
# xieshang-bench is a release build. BUILD=debug runs debug builds of both instead (quick checks of the script).
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNTIES=${1:-10}; TOWNS=${2:-17}; SECONDS_=${3:-60}; BURST=${4:-100000}
. Ops/bench/nodes.sh
bench_build
bench_topology fed
echo "federation bench: 1+$COUNTIES+$((COUNTIES * TOWNS)), $SECONDS_ s load, burst $BURST, $BUILD build ($NODE), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
"$BIN/xieshang-bench" federation --dir "$WORK" --xieshang "$NODE" --seconds "$SECONDS_" --burst "$BURST"
