#!/usr/bin/env bash
# A clone of the repository alone must pass `make test` (issue 20, item 8): nothing the tests or the build read may
# live outside the repository (the sibling `shared/` folder of the development machine, a home directory, /work).
#
# Usage: Ops/check-self-contained.sh [ROOT]   (ROOT defaults to the repository holding this script)
# Exits 1 and prints FILE:LINE: reason for every finding; prints one "self-contained: …" line when clean.
#
# What it checks, in the files a test run reads (Tests/, Sources/, Package.swift, Makefile, Ops/ scripts):
#   1. a reference to the sibling shared/ folder (../shared, shared/traces, shared/data, shared/seeds);
#   2. an absolute path under a developer's or machine's own directories (/work/, /home/, /root/, /Users/, /mnt/);
#   3. a Swift path built from #filePath that climbs more directories than the file is deep in the repository
#      (Tests/XieshangNodeTests/X.swift may drop 3 components to reach the root, never 4);
#   4. a shell script whose `$(dirname "$0")/../..` climbs above the repository root.
# System paths (/usr/bin/curl, /proc/self, /tmp) are the machine's tools, not test data, and are allowed. A line that
# must mention such a path as text (a message, a string-handling test) carries `self-contained: ok` in a comment.
set -u
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root" || { echo "check-self-contained: cannot enter $root"; exit 2; }

files=$( { ls Package.swift Makefile 2>/dev/null; find Tests Sources Ops -type f \( -name '*.swift' -o -name '*.py' \
  -o -name '*.sh' -o -name 'Makefile' \) -not -path '*/Generated/*' -not -path Ops/check-self-contained.sh 2>/dev/null; } | sort)
mapfile -t list <<<"$files"
shells=$(grep -E '\.sh$' <<<"$files")
mapfile -t shell_list <<<"$shells"

# One grep per rule over all files (cheap: about a second); awk turns hits into findings. The path's depth is its
# number of components (Tests/XieshangNodeTests/X.swift: 3).
out=$(
  # 1 and 2: text patterns (a comment naming ../shared is how such a read starts, but a comment line with no string
  # in it is prose).
  grep -nHE '\.\./shared|shared/(traces|data|seeds)|"/(work|home|root|Users|mnt)/|[^A-Za-z0-9_.]/work/' "${list[@]}" \
    | grep -v 'self-contained: ok' | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(//|#)[^"]*$' \
    | awk -F: '{ f = $1; l = $2; sub(/^[^:]+:[0-9]+:[[:space:]]*/, ""); print f ":" l ": refers to a path outside the repository: " substr($0, 1, 120) }'
  # 3: #filePath climbs, counted per line as the code base writes them, against the file's depth.
  grep -nH '#filePath' "${list[@]}" | grep -v 'self-contained: ok' | awk -F: '{
    n = gsub(/deletingLastPathComponent\(\)/, "&"); depth = split($1, parts, "/")
    if (n > depth) print $1 ":" $2 ": #filePath climbs " n " directories but the file is " depth " deep: it leaves the repository" }'
  grep -nHE 'appendingPathComponent\("\.\.' "${list[@]}" | grep -v 'self-contained: ok' \
    | awk -F: '{ print $1 ":" $2 ": a path with \"..\" leaves the directory it starts from; name the file inside the repository" }'
  # 4: shell scripts that cd above the root from their own directory.
  if [ -n "$shells" ]; then
    grep -nHE 'dirname "\$0"\)/\.\.' "${shell_list[@]}" | awk -F: '{
      s = $0; sub(/.*dirname "\$0"\)/, "", s); match(s, /^(\/\.\.)+/); ups = RLENGTH / 3; depth = split($1, parts, "/") - 1
      if (ups > depth) print $1 ":" $2 ": climbs " ups " directories from a script " depth " deep: it leaves the repository" }'
  fi
)
findings=0
[ -n "$out" ] && { echo "$out"; findings=$(wc -l <<<"$out"); }

if [ "$findings" -gt 0 ]; then
  echo "check-self-contained: $findings reference(s) to paths outside the repository; keep test data in the repository (a fresh clone must pass make test)"
  exit 1
fi
echo "self-contained: ${#list[@]} files of Tests/, Sources/, Ops/, Package.swift and Makefile read nothing outside the repository"
