#!/usr/bin/env bash
# Finds throwing Swift functions whose success path tail-calls memcpy/memmove/memset in a release build.
# LLVM in Swift ≤ 6.3.x miscompiles them: the Swift error register is left stale, so the caller sees a
# phantom throw and crashes (swiftlang/swift#90477, fixed by swiftlang/llvm-project#13687). Debug builds
# are not affected, so tests pass while `-c release` binaries crash.
# Usage: Ops/check-swifterror-tailcalls.sh [module …]   (default: every module built under .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=.build/release
[ -d "$build" ] || { echo "no release build in $build; run: swift build -c release" >&2; exit 2; }
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  for d in "$build"/*.build; do modules+=("$(basename "$d" .build)"); done
fi
found=0
for m in "${modules[@]}"; do
  shopt -s nullglob
  objects=("$build/$m.build"/*.o)
  [ ${#objects[@]} -gt 0 ] || continue
  # A throwing function's mangled type ends in "KF" (or "Kc"/"KY…" variants); keep the ones that end in a tail call.
  syms=$(for o in "${objects[@]}"; do
           objdump -dr --no-show-raw-insn "$o" | awk '/^[0-9a-f]+ <.*>:$/ {fn=$2}
             /R_X86_64_PLT32[ \t]+mem(cpy|move|set)/ { if (prev ~ /jmp/) print fn } {prev=$0}'
         done | tr -d '<>:' | sort -u)
  [ -n "$syms" ] || continue
  bad=$(echo "$syms" | swift demangle --simplified | grep " throws" || true)
  if [ -n "$bad" ]; then
    echo "$m: throwing functions ending in a tail call to mem*:"
    echo "$bad" | sed 's/^/  /'
    found=1
  fi
done
[ $found -eq 0 ] && echo "no throwing function ends in a tail call to memcpy/memmove/memset"
exit $found
