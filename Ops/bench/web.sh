#!/usr/bin/env bash
# Web interface benchmark with real node processes on loopback (issue 17, section Benchmark).
#   Ops/bench/web.sh [--scale F] [COUNTIES] [TOWNSHIPS_PER_COUNTY]
# The figures benchmark's topology (default 1+10+170) and year of records (FiguresBench's feed), with `web_listen` on
# the city and the first township (self-signed certificates made by the bench). After the feed: an office user from
# `xieshang user add`, signed in with curl (password changed through POST /password), then (a) the city's dashboard
# /figures time to first byte over one kept-alive HTTP/2 connection and the node's Server-Timing, (a') its first views
# of other periods and counties, (b) h2load on /records/activities with the session cookie, (c) the township's VmRSS
# with the web on, (a'') the first views again with the other nodes paused and the city restarted. Method and numbers:
# Ops/bench/README.md, "web (node processes)". XS_BENCH_PERF=FILE records the city with perf over (a').
# Tunables (environment): RATE records per second per body while feeding (2), REQUESTS dashboard requests (200),
# H2LOAD_REQUESTS (5000). BUILD=debug runs debug builds (quick checks of the script only: not figures to report).
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=
if [[ "${1:-}" == --scale ]]; then SCALE=${2:?--scale takes a fraction, e.g. 0.2}; shift 2; fi
COUNTIES=${1:-10}; TOWNS=${2:-17}
. Ops/bench/nodes.sh
if [[ -n "$SCALE" ]]; then bench_scale "$SCALE"; fi
command -v h2load >/dev/null || echo "h2load not found (apt-get install nghttp2-client): the list page's req/s will be skipped" >&2
bench_build
bench_topology web
NODES=$((1 + COUNTIES + COUNTIES * TOWNS))
echo "web bench: 1+$COUNTIES+$((COUNTIES * TOWNS)), $BUILD build ($NODE), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
"$BIN/xieshang-bench" web --dir "$WORK" --xieshang "$NODE" --cli "$CLI" --web-port $((PORT + NODES + 10)) \
  --rate "${RATE:-2}" --requests "${REQUESTS:-200}" --h2load-requests "${H2LOAD_REQUESTS:-5000}"
