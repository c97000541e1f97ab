#!/bin/sh
# Starts a three-node nats-server cluster on loopback from Config/nats/node.conf, in the
# foreground (Ctrl-C stops all three): MQTT on 1883, 1884 and 1885, JetStream in DIR.
#   Config/nats/cluster.sh [DIR]      (default: a new temporary folder)
set -eu
conf="$(cd "$(dirname "$0")" && pwd)/node.conf"
dir="${1:-$(mktemp -d -t fleetprint-nats-XXXXXX)}"
command -v nats-server >/dev/null || { echo "nats-server is not installed: apt-get install -y nats-server" >&2; exit 1; }
pids=""
trap 'kill $pids 2>/dev/null; wait' EXIT INT TERM
for n in 1 2 3; do
  NODE_NAME=n$n CLIENT_PORT=$((4221 + n)) MONITOR_PORT=$((8221 + n)) CLUSTER_PORT=$((6221 + n)) MQTT_PORT=$((1882 + n)) \
  STORE_DIR="$dir/n$n" ROUTE_1=nats-route://127.0.0.1:6222 ROUTE_2=nats-route://127.0.0.1:6223 ROUTE_3=nats-route://127.0.0.1:6224 \
    nats-server -c "$conf" >"$dir/n$n.log" 2>&1 &
  pids="$pids $!"
done
echo "nats cluster: MQTT on mqtt://127.0.0.1:1883, :1884, :1885; logs and JetStream in $dir"
wait
