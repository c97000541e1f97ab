#!/usr/bin/env bash
# Simulate and replay benchmark (Benchmarks/BENCHMARKS.md). Release build in its own scratch path.
# Usage: Benchmarks/bench.sh [devices] [years] [work-dir]     defaults: 10000 15 /tmp/fleetprint-bench
set -euo pipefail
devices=${1:-10000}
years=${2:-15}
work=${3:-/tmp/fleetprint-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH=/opt/swift/usr/bin:$PATH
mkdir -p "$work"
swift build -c release --scratch-path "$root/.build-bench" --package-path "$root" --product fleetprint >&2
bin="$root/.build-bench/release/fleetprint"
file="$work/fleet.ndjson"
fleet="boiler=$((devices / 5)),ebike-battery=$((devices / 5)),speedgate=$((devices / 5)),facade=$((devices / 5)),underground-container=$((devices / 5))"

seconds() { local start=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $start" | bc; }

sim=$(seconds "$bin" simulate --fleet "$fleet" --years "$years" --period 1d --speed max --seed 42 --out "$file" --profiles "$root/DeviceProfiles")
lines=$(wc -l < "$file")
replay=$(seconds "$bin" replay "$file" --offline --profiles "$root/DeviceProfiles")
readings=$(python3 - "$file" <<'PY'
import json, sys
n = 0
for line in open(sys.argv[1]):
    record = json.loads(line)
    if record["topic"].startswith("fleetprint/"): continue
    n += len(json.loads(record["payload"])) - 1
print(n)
PY
)
cat_ref=$(seconds cat "$file")
wc_ref=$(seconds wc -l "$file")
py_ref=$(seconds python3 -c "import json,sys
for line in open(sys.argv[1]): json.loads(line)" "$file")
rate() { echo "scale=0; $1 / $2" | bc; }
echo "fleet: $fleet, $years years, daily period"
echo "file: $lines messages, $readings readings, $(du -h "$file" | cut -f1)"
echo "simulate --out (closed loop): ${sim} s  $(rate "$lines" "$sim") msg/s  $(rate "$readings" "$sim") readings/s"
echo "replay --offline:             ${replay} s  $(rate "$lines" "$replay") msg/s  $(rate "$readings" "$replay") readings/s"
echo "reference cat > /dev/null:    ${cat_ref} s"
echo "reference wc -l:              ${wc_ref} s"
echo "reference python json.loads:  ${py_ref} s  $(rate "$lines" "$py_ref") msg/s"
echo "ratio replay / python json.loads time: $(echo "scale=2; $replay / $py_ref" | bc)"
