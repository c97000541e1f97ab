#!/usr/bin/env bash
# Simulate and replay benchmark (Benchmarks/BENCHMARKS.md). Release build in its own scratch path.
# Usage: Benchmarks/bench.sh [devices] [years] [work-dir]     defaults: 10000 15 /tmp/fleetprint-bench
# Needs about 0.9 GB of disk per 1,000 device-years in work-dir (the NDJSON stream).
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

# Wall seconds and peak resident memory of one command; its stderr (progress, tally) goes to $2.log.
measure() {
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.log"
    read -r secs kb < "$work/$name.time"
    echo "$secs $((kb / 1024))"
}

read -r sim sim_mb < <(measure simulate "$bin" simulate --fleet "$fleet" --years "$years" --period 1d --speed max --seed 42 --out "$file" --profiles "$root/DeviceProfiles")
read -r replay replay_mb < <(measure replay "$bin" replay "$file" --offline --profiles "$root/DeviceProfiles")
lines=$(grep -o 'replay: [0-9]* messages' "$work/replay.log" | grep -o '[0-9]*')
readings=$(grep -o '[0-9]* readings accepted' "$work/replay.log" | grep -o '^[0-9]*')
read -r cat_ref _ < <(measure cat cat "$file")
read -r wc_ref _ < <(measure wc wc -l "$file")
read -r py_ref _ < <(measure python python3 -c "import json,sys
for line in open(sys.argv[1]): json.loads(line)" "$file")
rate() { echo "scale=0; $1 / $2" | bc; }
echo "fleet: $fleet, $years years, daily period"
echo "file: $lines messages, $readings readings, $(du -h "$file" | cut -f1)"
echo "simulate --out (closed loop): ${sim} s  $(rate "$lines" "$sim") msg/s  $(rate "$readings" "$sim") readings/s  peak ${sim_mb} MB"
echo "replay --offline:             ${replay} s  $(rate "$lines" "$replay") msg/s  $(rate "$readings" "$replay") readings/s  peak ${replay_mb} MB"
echo "reference cat > /dev/null:    ${cat_ref} s"
echo "reference wc -l:              ${wc_ref} s"
echo "reference python json.loads:  ${py_ref} s  $(rate "$lines" "$py_ref") msg/s"
echo "ratio replay / python json.loads time: $(echo "scale=2; $replay / $py_ref" | bc)"
echo "ledger (replay):"
cat "$work/replay.out"
