#!/usr/bin/env bash
# Idle RSS of one township with the web on, and where it goes (issue 17: "an idle township with the web on stays within
# 24 MB RSS"). A narrow companion of web.sh's reading (c): no feed, no sign-in, one township at a time.
#   Ops/bench/idle-rss.sh [RUNS] [COUNTIES] [TOWNSHIPS_PER_COUNTY]
# (defaults 5 1 1; NODE=path/to/xieshang-node CLI=path/to/xieshang to skip the build, else `make dist`.)
# Per run: a fresh `xieshang topology --counties COUNTIES --townships-per-county TOWNSHIPS_PER_COUNTY --h2c` (at 1 1:
# city, county1, county1-town1; 10 17 is web.sh's 1+10+170), every node started (eight at a time), the township measured
# is county1-town1 (web.sh's first township); the township's web turned on with a certificate from `xieshang init --web-listen …
# --web-name localhost,127.0.0.1` (its web.crt/web.key and web_listen/web_cert/web_key copied into the township's
# node.json); the three nodes started, the township polled through `xieshang status` until its parent link is up, as
# the web bench does; then, with no request at all, VmRSS (/proc/PID/status) and the per-mapping breakdown
# (/proc/PID/smaps: Rss, Pss, Private_Clean+Private_Dirty, Anonymous) read at 13 s after the link came up (web.sh
# reads 3 s + 10 s after every node linked) and at 35 s (after the node's first quiet trim, QuietTrim: 20–30 s).
# WEB=off runs the township without the web (what the web costs); WEB=both alternates off and on, one pair per run.
# Prints one line per reading and the median per reading; `cat /proc/loadavg` at the start and the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
. Ops/bench/nodes.sh
RUNS=${1:-5}; COUNTIES=${2:-1}; TOWNS=${3:-1}; WEB=${WEB:-on}
if [[ -z "${NODE:-}" || -z "${CLI:-}" ]]; then
  make --no-print-directory dist >&2
  NODE="$PWD/dist/xieshang-node"; CLI="$PWD/dist/xieshang"
fi
WORK=$(mktemp -d /tmp/xs-bench-idle.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# The breakdown of PID's mappings: rows "name rss_kB pss_kB private_kB anonymous_kB", names grouped (the node binary,
# each shared library by its file name, [heap], [stack], anon: mappings without a name — thread stacks, malloc arenas).
breakdown() {
  awk -v node="$(basename "$NODE")" '
    /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "anon"; sub(/.*\//, "", name); sub(/\.so[.0-9]*$/, "", name)
                              if (name == node) name = "binary"; next }
    $1 == "Rss:" { rss[name] += $2 } $1 == "Pss:" { pss[name] += $2 } $1 == "Anonymous:" { anon[name] += $2 }
    $1 == "Private_Clean:" || $1 == "Private_Dirty:" { priv[name] += $2 }
    END { for (n in rss) if (rss[n] > 0) printf "%s %d %d %d %d\n", n, rss[n], pss[n], priv[n], anon[n] }' "/proc/$1/smaps" | sort -k2,2nr
}

# One reading of PID: "VmRSS_kB RssAnon_kB RssFile_kB threads" and the breakdown, to FILE.
reading() {
  local pid=$1 file=$2
  awk '/^(VmRSS|RssAnon|RssFile|Threads):/ { printf "%s=%s ", $1, $2 } END { print "" }' "/proc/$pid/status" > "$file"
  breakdown "$pid" >> "$file"
}

# Starts node ID of topology DIR in the background; appends its pid to PIDS.
start_node() {
  "$NODE" --config "$1/$2/node.json" >>"$1/$2/node.log" 2>&1 &
  PIDS+=($!)
}

# One run with the township's web on or off: the readings go to $WORK/r<run>-<web>-{13,35}.txt.
one_run() {
  local run=$1 web=$2 dir="$WORK/run$1-$2" port=$((20000 + RANDOM % 10000))
  "$CLI" topology --counties "$COUNTIES" --townships-per-county "$TOWNS" --base-port "$port" --h2c --out "$dir" >/dev/null
  local town="$dir/county1-town1"
  if [[ "$web" == on ]]; then bench_web_on "$dir" county1-town1 $((port + 4000)); fi
  local first=${#PIDS[@]} pid=0 n=0 id
  for id in city $(cd "$dir" && ls -d county*); do
    start_node "$dir" "$id"
    [[ "$id" == county1-town1 ]] && pid=${PIDS[-1]}
    (( ++n % 8 )) || sleep 0.2
  done
  bench_wait_linked "$town/admin.sock" || { tail -3 "$town/node.log" >&2; exit 1; }
  sleep 13; reading "$pid" "$WORK/r$run-$web-13.txt"
  sleep 22; reading "$pid" "$WORK/r$run-$web-35.txt"
  for p in "${PIDS[@]:$first}"; do kill "$p"; done
  for p in "${PIDS[@]:$first}"; do wait "$p" 2>/dev/null || true; done
  PIDS=("${PIDS[@]:0:$first}")
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "idle township RSS: $RUNS runs, web $WEB, $(basename "$NODE") $(du -h "$NODE" | cut -f1), $(nproc) cores, loadavg $(cat /proc/loadavg)"
webs=("$WEB"); [[ "$WEB" == both ]] && webs=(off on)
for run in $(seq 1 "$RUNS"); do
  for web in "${webs[@]}"; do
    one_run "$run" "$web"
    for at in 13 35; do
      printf 'run %d web %-3s +%ss: %s\n' "$run" "$web" "$at" "$(head -1 "$WORK/r$run-$web-$at.txt")"
    done
  done
done
echo "loadavg at the end: $(cat /proc/loadavg)"
# Medians (MiB = kB / 1024) per reading: VmRSS, then each mapping group's Rss / Pss / private / anonymous.
for web in "${webs[@]}"; do
  for at in 13 35; do
    files=("$WORK"/r*-"$web"-"$at".txt)
    vm=$(for f in "${files[@]}"; do head -1 "$f" | tr ' ' '\n' | awk -F= '$1 == "VmRSS:" { print $2 }'; done | median)
    th=$(for f in "${files[@]}"; do head -1 "$f" | tr ' ' '\n' | awk -F= '$1 == "Threads:" { print $2 }'; done | median)
    printf '\nweb %s, +%ss after linked: VmRSS median %.2f MiB (%s runs), threads %s\n' "$web" "$at" "$(awk -v k="$vm" 'BEGIN { print k / 1024 }')" "${#files[@]}" "$th"
    printf '  %-16s %8s %8s %8s %8s  (MiB, medians over runs)\n' mapping Rss Pss private anon
    for name in $(cat "${files[@]}" | awk 'NF == 5 { print $1 }' | sort -u); do
      row=""
      for col in 2 3 4 5; do
        m=$(for f in "${files[@]}"; do awk -v n="$name" -v c="$col" 'NF == 5 && $1 == n { print $c; found = 1 } END { if (!found) print 0 }' "$f"; done | median)
        row+=$(printf ' %8.2f' "$(awk -v k="$m" 'BEGIN { print k / 1024 }')")
      done
      printf '  %-16s%s\n' "$name" "$row"
    done | sort -k2,2nr
  done
done
