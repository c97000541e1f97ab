#!/usr/bin/env bash
# How fast a restarted daemon empties a full outbox of work orders (Benchmarks/BENCHMARKS.md):
# a copy of a state folder whose outbox holds orders the broker never took, a fresh broker with
# nothing else to do, and the outbox's count read from the state file every second until it is
# empty (or 240 s). Prints orders per second and the daemon's CPU seconds.
#
# Usage: Benchmarks/drain.sh <state-folder> [work-dir]     default work-dir: /tmp/fleetprint-drain
#   `Benchmarks/million.sh 100000 /tmp/f100 0.08` leaves /tmp/f100/state with about 250,000 orders
#   in its outbox (its broker acknowledges more slowly than the fleet issues them).
set -euo pipefail
state=${1:?usage: Benchmarks/drain.sh <state-folder> [work-dir]}
work=${2:-/tmp/fleetprint-drain}
devices=0
. "$(dirname "$0")/setup.sh"
cp -r "$state" "$work/state"
outbox() { python3 -c "import sqlite3; print(sqlite3.connect('file:$work/state/fleetprint.sqlite?mode=ro', uri=True).execute('SELECT COUNT(*) FROM outbox').fetchone()[0])"; }
now() { date +%s.%N; }

start_broker
"$bin" run --broker "mqtt://127.0.0.1:$port" --state "$work/state" 2> "$work/drain.log" & pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; kill $broker 2>/dev/null || true' EXIT
until grep -qas " started " "$work/drain.log"; do sleep 0.1; done
from=$(now); first=$(outbox); left=$first
while [ "$left" -gt 0 ] && python3 -c "import sys; sys.exit(0 if $(now) - $from < 240 else 1)"; do
    sleep 1
    left=$(outbox)
done
seconds=$(python3 -c "print(round($(now) - $from, 1))")
echo "outbox: $first -> $left orders in $seconds s: $(python3 -c "print(round(($first - $left) / $seconds))") orders/s; daemon CPU $(ps -o times= -p $pid | tr -d ' ') s"
