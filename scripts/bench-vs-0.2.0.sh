#!/bin/bash
# Times the built cartsim against cartsim 0.2.0 (commit c799509, built from git into
# .build-v0.2.0/ on first use) on the benchmark network, one core each, runs interleaved
# (A B A B ...) so that a drifting machine moves both alike. Prints ms per replication and
# events per patient for each, and the speed-up. Usage: scripts/bench-vs-0.2.0.sh [RUNS]
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
scenario="$root/Benchmarks/scenarios/network-24-7.yaml"
old="$root/.build-v0.2.0"
if [ ! -x "$old/.build/release/cartsim" ]; then
  echo "building cartsim 0.2.0 (c799509) into .build-v0.2.0 ..." >&2
  rm -rf "$old"
  git -C "$root" worktree add --detach "$old" c799509 >/dev/null 2>&1 || git -C "$root" archive c799509 | (mkdir -p "$old" && tar -x -C "$old")
  (cd "$old" && swift build -c release --product cartsim >/dev/null)
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
replications=$(sed -n 's/.*replications: \([0-9]*\).*/\1/p' "$scenario" | head -1)
declare -A total
for name in new old; do total[$name]=0; done
for _ in $(seq "$runs"); do
  for name in new old; do
    binary="$root/.build/release/cartsim"; [ "$name" = old ] && binary="$old/.build/release/cartsim"
    rm -rf "$scratch/$name"
    start=$(date +%s%N)
    "$binary" run "$scenario" --jobs 1 --patients 0 --out "$scratch/$name" --quiet
    total[$name]=$(( ${total[$name]} + $(date +%s%N) - start ))
  done
done
for name in new old; do
  ms=$(awk -v t="${total[$name]}" -v r="$runs" -v n="$replications" 'BEGIN { printf "%.2f", t / r / n / 1e6 }')
  per=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "events") e = i; if ($i == "patients_simulated") p = i } next }
                 { events += $e; patients += $p } END { printf "%.2f", events / patients }' "$scratch/$name/replications.csv")
  label="network-24-7, cartsim $( [ "$name" = new ] && echo "this build" || echo "0.2.0" ), one core"
  printf "%-66s %14s ms/replication\n%-66s %14s events/patient\n" "$label" "$ms" "$label" "$per"
done
awk -v a="${total[old]}" -v b="${total[new]}" 'BEGIN { printf "%-66s %14.2f x\n", "network-24-7, speed-up of this build over 0.2.0 (wall, one core)", a / b }'
