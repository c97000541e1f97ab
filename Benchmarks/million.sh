#!/usr/bin/env bash
# A fleet of a million devices through a live daemon (Benchmarks/BENCHMARKS.md, issue 15): peak
# memory offline and live and per device, checkpoint and summary times (the daemon's debug log),
# shutdown and restart time.
#
# Usage: Benchmarks/million.sh [devices] [work-dir] [years]
#   defaults: 1000000 /tmp/fleetprint-million 0.003
#   The stream is `fleetprint simulate --out` of that many devices (all five kinds) for that many
#   years at a daily period, commissioned over a day (so `limits.max_new_devices_per_minute` admits
#   them): 0.003 years gives about one message a device; 0.08 fills the trend windows.
set -euo pipefail
devices=${1:-1000000}
work=${2:-/tmp/fleetprint-million}
years=${3:-0.003}
. "$(dirname "$0")/setup.sh"
seconds_since() { echo "$(date +%s.%N) - $1" | bc; }
# per_device LOG LABEL: the peak of `/usr/bin/time`'s last line in LOG, over the devices.
per_device() { tail -1 "$1" | awk -v n="$devices" -v label="$2" '{ kb = $(NF-1); printf "%s: peak %.0f MB, %.2f KB a device\n", label, kb / 1000, kb / n }'; }

/usr/bin/time -f "simulate: %e s, peak %M KB" "$bin" simulate --fleet "$fleet" --years "$years" --period 1d --commission-over 1d \
    --speed max --seed 42 --out "$work/stream.ndjson" > /dev/null 2> "$work/simulate.log"
tail -1 "$work/simulate.log"
total=$(grep -vc '^{"schema":' "$work/stream.ndjson")
echo "stream: $total messages of $devices devices"
/usr/bin/time -f "offline: %e s, peak %M KB" "$bin" replay "$work/stream.ndjson" --offline > /dev/null 2> "$work/offline.log"
per_device "$work/offline.log" "replay --offline"

start_broker; metrics=$(free_port)
daemon() { exec /usr/bin/time -f "$1: %e s, peak %M KB" "$bin" run --broker "mqtt://127.0.0.1:$port" --state "$work/state" --log-level debug \
               --metrics "127.0.0.1:$metrics" 2> "$work/$1.log"; }
stop() { kill -TERM "$(pgrep -P "$1")"; local from; from=$(date +%s.%N); wait "$1" || true; echo "$2 took $(seconds_since "$from") s"; }

daemon live & pid=$!
# A failure halfway stops the daemon as well as the broker (a daemon left running kept the
# caller's output open).
trap 'pkill -TERM -P "$pid" 2>/dev/null || true; kill $broker 2>/dev/null || true' EXIT
until grep -qs " started " "$work/live.log"; do sleep 0.2; done
from=$(date +%s.%N)
"$bin" replay "$work/stream.ndjson" --broker "mqtt://127.0.0.1:$port" --speed max --qos 1 2> "$work/replay.log"
tail -1 "$work/replay.log"
until [ "$(metric fleetprint_messages_total || echo 0)" = "$total" ]; do sleep 1; done
echo "live: $total messages processed in $(seconds_since "$from") s; $(grep VmRSS "/proc/$(pgrep -P $pid)/status")"
sleep 12
echo "the last checkpoints (devices written; the heap's bytes free between allocations, in use and mapped apart; milliseconds giving memory back, milliseconds writing):"
grep -a " checkpoint " "$work/live.log" | tail -4 | grep -o 'devices=[0-9]* devices_changed=[0-9]* heap_free_bytes=[0-9]* heap_in_use_bytes=[0-9]* heap_mapped_bytes=[0-9]* memory_given_back_milliseconds=[0-9.]* milliseconds=[0-9.]*'
echo "the last summaries (pricing, activity, most urgent orders):"
grep -a " summary " "$work/live.log" | tail -3 | grep -o 'devices=[0-9]* milliseconds=[0-9.]*'
stop $pid "shutdown (final checkpoint)"
tail -1 "$work/live.log"
per_device "$work/live.log" "live"
du -sh "$work/state"

from=$(date +%s.%N)
daemon restart & pid=$!
until grep -qs " started " "$work/restart.log"; do sleep 0.05; done
echo "restart: state loaded and subscribed after $(seconds_since "$from") s; $(grep VmRSS "/proc/$(pgrep -P $pid)/status")"
stop $pid "shutdown"
tail -1 "$work/restart.log"
per_device "$work/restart.log" "restart"
