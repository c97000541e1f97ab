# Sourced by the live benchmarks (ingest.sh, million.sh, restart.sh) after they set `devices` and `work`:
# builds the release binary into .build-bench, empties `work`, and defines `root`, `bin`, the
# five-kind `fleet` of `devices` devices, `free_port`, `start_broker` and `metric`.
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH=/opt/swift/usr/bin:$PATH
rm -rf "$work" && mkdir -p "$work"
swift build -c release --scratch-path "$root/.build-bench" --package-path "$root" --product fleetprint >&2
bin="$root/.build-bench/release/fleetprint"
export FLEETPRINT_HOME="$root"
per=$((devices / 5))
fleet="boiler=$per,ebike-battery=$per,speedgate=$per,facade=$per,underground-container=$per"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# A private mosquitto on a free loopback port (`port`) that keeps QoS 1 backlogs of any length,
# stopped when the script exits; `metric name` reads a daemon's metric from port `metrics`.
start_broker() {
    port=$(free_port)
    printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 100\npersistence false\n' "$port" > "$work/mosquitto.conf"
    mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 & broker=$!
    trap 'kill $broker 2>/dev/null || true' EXIT
    sleep 1
}
metric() { curl -s "127.0.0.1:$metrics/metrics" | awk -v m="$1" '$1==m {print $2}' | cut -d. -f1; }
