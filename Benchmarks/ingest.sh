#!/usr/bin/env bash
# Live ingest benchmark (Benchmarks/BENCHMARKS.md): `fleetprint run` against `mosquitto_sub` on
# the same private mosquitto and the same stream, in one run, live and draining a backlog.
#
# Usage: Benchmarks/ingest.sh [devices] [days] [work-dir]     defaults: 1000 42 /tmp/fleetprint-ingest
#   The stream is `fleetprint simulate --out` of that many devices (all five kinds) for that many
#   days at an hourly period: about 1,000,000 messages with the defaults.
#
# Prints: publisher rate, mosquitto_sub's and the daemon's rates live (subscribed before the
# flood) and draining a backlog (restarted after the stream was queued for its persistent
# session), the daemon's peak memory, messages lost (sent minus processed), the CPU each spends
# per message in the drain (the broker's too: all share the machine's cores), and the two ratios.
# Every publish is QoS 1 and every subscription QoS 1 with a persistent session, as the daemon's.
set -euo pipefail
devices=${1:-1000}
days=${2:-42}
work=${3:-/tmp/fleetprint-ingest}
. "$(dirname "$0")/setup.sh"
years=$(echo "scale=6; $days / 365" | bc)
now() { date +%s.%N; }
elapsed() { echo "scale=3; $2 - $1" | bc; }
rate() { echo "scale=0; $1 / $2" | bc; }

echo "stream: simulate --fleet $fleet --years $years --period 1h" >&2
"$bin" simulate --fleet "$fleet" --years "$years" --period 1h --speed max --seed 7 --out "$work/stream.ndjson" \
    --profiles "$root/DeviceProfiles" > /dev/null 2> "$work/simulate.log"
# Messages: every line but the schema line at the top.
total=$(grep -vc '^{"schema":' "$work/stream.ndjson")

# A private broker: QoS 1 backlogs of any length are kept (max_queued_messages 0: no maximum).
port=$(free_port)
cat > "$work/mosquitto.conf" <<EOF
listener $port 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 0
max_inflight_messages 100
log_dest stderr
log_type error
EOF
mosquitto -c "$work/mosquitto.conf" 2> "$work/mosquitto.log" &
broker_pid=$!
daemon_pid=""
cleanup() {
    [ -n "$daemon_pid" ] && kill -9 "$daemon_pid" 2>/dev/null || true
    kill "$broker_pid" 2>/dev/null || true
}
trap cleanup EXIT
sleep 0.5
url="mqtt://127.0.0.1:$port"

publish() {  # the whole stream, QoS 1, as fast as the broker takes it; prints the publisher's seconds
    local started; started=$(now)
    "$bin" replay "$work/stream.ndjson" --speed max --qos 1 --broker "$url" --profiles "$root/DeviceProfiles" 2>> "$work/replay.log"
    elapsed "$started" "$(now)"
}

metrics_port=$(free_port)
processed_count=0
processed() {  # sets processed_count to the daemon's fleetprint_messages_total (0 until it answers);
    # bash's own /dev/tcp, so polling 20 times a second costs no process of its own on 2 cores
    local line
    processed_count=0
    { exec 3<>"/dev/tcp/127.0.0.1/$metrics_port"; } 2>/dev/null || return 0
    printf 'GET /metrics HTTP/1.0\r\n\r\n' >&3
    # The server may reset the connection after its answer: the read then ends, quietly.
    while IFS= read -r line <&3 2>/dev/null; do
        case $line in "fleetprint_messages_total "*) processed_count=${line#* }; processed_count=${processed_count%$'\r'} ;; esac
    done
    exec 3<&-
}
start_daemon() {  # instance name; runs under /usr/bin/time for its peak memory
    /usr/bin/time -f "%M %U %S" -o "$work/$1.time" "$bin" run --broker "$url" --state "$work/state-$1" --instance "$1" \
        --metrics "127.0.0.1:$metrics_port" --profiles "$root/DeviceProfiles" 2> "$work/daemon-$1.log" &
    daemon_pid=$!
    until grep -q "subscribed" "$work/daemon-$1.log" 2>/dev/null; do sleep 0.05; done
}
stop_daemon() {  # SIGTERM to the daemon under time; sets peak_mb and cpu_s (not in a subshell: it waits)
    pkill -TERM -P "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" || true
    daemon_pid=""
    read -r kb user sys < "$work/$1.time"
    peak_mb=$((kb / 1024))
    cpu_s=$(echo "$user + $sys" | bc)
}
broker_cpu() {  # the broker's CPU seconds so far
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$broker_pid/stat"
}
per_message() { echo "scale=1; $1 * 1000000 / $2" | bc; }  # microseconds of CPU per message
wait_processed() {  # until the daemon has processed $1 messages, or stalls for 30 s; sets processed_count
    local last=-1 stalled=0
    while true; do
        processed
        [ "$processed_count" -ge "$1" ] && break
        if [ "$processed_count" = "$last" ]; then stalled=$((stalled + 1)); else stalled=0; fi
        [ "$stalled" -ge 600 ] && break
        last=$processed_count
        sleep 0.05
    done
}

# 1. Live, mosquitto_sub: subscribed before the flood; timed from the flood's start to its last message.
mosquitto_sub -h 127.0.0.1 -p "$port" -q 1 -t '#' -C "$total" > /dev/null &
sub_pid=$!
sleep 0.5
started=$(now)
publish_seconds=$(publish)
wait "$sub_pid"
sub_live=$(elapsed "$started" "$(now)")

# 2. Live, the daemon: the same flood once more.
start_daemon live
started=$(now)
# The publisher's own time in this flood: the daemon's CPU is taken from the machine it shares.
flood_seconds=$(publish)
wait_processed "$total"
live_count=$processed_count
daemon_live=$(elapsed "$started" "$(now)")
stop_daemon live
live_mb=$peak_mb
live_cpu=$cpu_s
# A clean connect under its client id ends the live daemon's session, so nothing more queues for it.
mosquitto_sub -h 127.0.0.1 -p "$port" -i fleetprint-live -t fleetprint/none -W 1 > /dev/null 2>&1 || true

# 3. Backlog: both make their persistent sessions and go away; the stream is queued for both.
mosquitto_sub -h 127.0.0.1 -p "$port" -q 1 -c -i ingest-reference -t '#' -W 1 > /dev/null 2>&1 || true
start_daemon backlog
stop_daemon backlog
publish > /dev/null
started=$(now)
broker_before=$(broker_cpu)
/usr/bin/time -f "%U %S" -o "$work/sub.time" mosquitto_sub -h 127.0.0.1 -p "$port" -q 1 -c -i ingest-reference -t '#' -C "$total" > /dev/null
sub_backlog=$(elapsed "$started" "$(now)")
sub_broker_cpu=$(echo "$(broker_cpu) - $broker_before" | bc)
read -r user sys < "$work/sub.time"
sub_cpu=$(echo "$user + $sys" | bc)
started=$(now)
broker_before=$(broker_cpu)
start_daemon backlog
wait_processed "$total"
backlog_count=$processed_count
daemon_backlog=$(elapsed "$started" "$(now)")
daemon_broker_cpu=$(echo "$(broker_cpu) - $broker_before" | bc)
stop_daemon backlog
backlog_mb=$peak_mb
backlog_cpu=$cpu_s

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); mosquitto $(mosquitto -h 2>/dev/null | awk 'NR == 1 { print $3 }')"
echo "stream: $total messages ($fleet, $days days, hourly), $(du -h "$work/stream.ndjson" | cut -f1)"
echo "publisher (replay --qos 1):    ${publish_seconds} s  $(rate "$total" "$publish_seconds") msg/s"
echo "live    mosquitto_sub -q 1:    ${sub_live} s  $(rate "$total" "$sub_live") msg/s"
echo "live    fleetprint run:        ${daemon_live} s  $(rate "$live_count" "$daemon_live") msg/s  peak ${live_mb} MB  lost $((total - live_count))"
echo "        (its flood took the publisher ${flood_seconds} s; the daemon's CPU per message live: $(per_message "$live_cpu" "$total") us)"
echo "backlog mosquitto_sub -q 1 -c: ${sub_backlog} s  $(rate "$total" "$sub_backlog") msg/s"
echo "backlog fleetprint run:        ${daemon_backlog} s  $(rate "$backlog_count" "$daemon_backlog") msg/s  peak ${backlog_mb} MB  lost $((total - backlog_count))"
echo "CPU per message in the backlog drain: mosquitto_sub $(per_message "$sub_cpu" "$total") us (broker $(per_message "$sub_broker_cpu" "$total") us); fleetprint run $(per_message "$backlog_cpu" "$total") us (broker $(per_message "$daemon_broker_cpu" "$total") us)"
echo "ratio live    (daemon / mosquitto_sub rate): $(echo "scale=2; $sub_live / $daemon_live" | bc)"
echo "ratio backlog (daemon / mosquitto_sub rate): $(echo "scale=2; $sub_backlog / $daemon_backlog" | bc)"
