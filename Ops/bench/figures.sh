#!/usr/bin/env bash
# Figures-up benchmark with real node processes on loopback (issue 15, section Benchmark).
#   Ops/bench/figures.sh [--scale F] [COUNTIES] [TOWNSHIPS_PER_COUNTY]
# Defaults: 10 × 17 townships (1+10+170: Tongren's 1+10+172 rounded to the uniform tree `xieshang topology` writes).
# --scale F runs a fraction of it (0.2 → 1+2+6) for a quick check of the script.
# Each township records a year of ≈ 190 records, each county 292 (proposals through their steps) and adopts what its
# townships forwarded; then record → city figures latency, `stats --drill --json` at the city, the city's CPU per
# received event and its database size. What is measured and how: Ops/bench/README.md, "figures up (node processes)".
# Tunables (environment): RATE records per second per body while feeding (2), PROBES latency probes (100),
# DRILL_CALLS `stats --drill --json` calls (50).
# The nodes run the binary servers run (`make dist`: dist/xieshang-node and dist/xieshang, release); the driver
# xieshang-bench is a release build. BUILD=debug runs debug builds of all three instead (quick checks of the script only:
# debug numbers are not figures to report).
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=
if [[ "${1:-}" == --scale ]]; then SCALE=${2:?--scale takes a fraction, e.g. 0.2}; shift 2; fi
COUNTIES=${1:-10}; TOWNS=${2:-17}
. Ops/bench/nodes.sh
if [[ -n "$SCALE" ]]; then bench_scale "$SCALE"; fi
bench_build
bench_topology fig
echo "figures bench: 1+$COUNTIES+$((COUNTIES * TOWNS)), $BUILD build ($NODE), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
"$BIN/xieshang-bench" figures --dir "$WORK" --xieshang "$NODE" --cli "$CLI" \
  --rate "${RATE:-2}" --probes "${PROBES:-100}" --drill-calls "${DRILL_CALLS:-50}"
