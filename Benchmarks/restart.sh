#!/usr/bin/env bash
# A restarted daemon's memory once its devices report again (Benchmarks/BENCHMARKS.md, issue 15):
# one stream into a fresh daemon, then a restart on its state and the fleet's next messages,
# against the same two streams into one daemon that never restarts.
#
# Usage: Benchmarks/restart.sh [devices] [work-dir]     defaults: 100000 /tmp/fleetprint-restart
#   First stream: `fleetprint simulate --out` of that many devices (all five kinds) for 0.003 years
#   at a daily period, commissioned over a day (as million.sh); second: the lines of the same
#   simulation run for 0.012 years that come after the first stream's last time.
set -euo pipefail
devices=${1:-100000}
work=${2:-/tmp/fleetprint-restart}
. "$(dirname "$0")/setup.sh"

simulate() { "$bin" simulate --fleet "$fleet" --years "$1" --period 1d --commission-over 1d --speed max --seed 42 --out "$2" > /dev/null 2>&1; }
simulate 0.003 "$work/first.ndjson"
simulate 0.012 "$work/longer.ndjson"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
with open(f"{work}/first.ndjson") as first:
    first.readline()
    last = max(json.loads(line)["t"] for line in first)
with open(f"{work}/longer.ndjson") as longer, open(f"{work}/next.ndjson", "w") as out:
    out.write(longer.readline())
    for line in longer:
        if json.loads(line)["t"] > last:
            out.write(line)
PY
messages() { grep -vc '^{"schema":' "$1"; }
first=$(messages "$work/first.ndjson"); next=$(messages "$work/next.ndjson")
echo "streams: $first messages, then $next more, of $devices devices"

start_broker; metrics=$(free_port)
start() {
    "$bin" run --broker "mqtt://127.0.0.1:$port" --state "$work/$1" --metrics "127.0.0.1:$metrics" 2> "$work/$2.log" & daemon=$!
    until grep -qs " started " "$work/$2.log"; do sleep 0.2; done
}
feed() {
    "$bin" replay "$1" --broker "mqtt://127.0.0.1:$port" --speed max --qos 1 2> /dev/null
    until [ "$(metric fleetprint_messages_total || echo 0)" = "$2" ]; do sleep 1; done
    sleep 6
}
memory() { grep -E 'VmHWM|VmRSS' "/proc/$daemon/status" | awk '{printf "%s %d MB  ", $1, $2 / 1000}'; }
stop() { kill -TERM "$daemon"; wait "$daemon" || true; }

start restarted first; feed "$work/first.ndjson" "$first"; stop
start restarted restart; echo "restarted, state loaded:  $(memory)"
feed "$work/next.ndjson" "$next"; echo "restarted, after the next messages:  $(memory)"; stop
start uninterrupted whole; feed "$work/first.ndjson" "$first"; feed "$work/next.ndjson" "$((first + next))"
echo "never restarted, after both streams:  $(memory)"; stop
