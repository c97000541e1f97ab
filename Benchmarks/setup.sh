# Sourced by the live benchmarks (ingest.sh, million.sh) after they set `devices` and `work`:
# builds the release binary into .build-bench, empties `work`, and defines `root`, `bin`, the
# five-kind `fleet` of `devices` devices and `free_port`.
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH=/opt/swift/usr/bin:$PATH
rm -rf "$work" && mkdir -p "$work"
swift build -c release --scratch-path "$root/.build-bench" --package-path "$root" --product fleetprint >&2
bin="$root/.build-bench/release/fleetprint"
export FLEETPRINT_HOME="$root"
per=$((devices / 5))
fleet="boiler=$per,ebike-battery=$per,speedgate=$per,facade=$per,underground-container=$per"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
