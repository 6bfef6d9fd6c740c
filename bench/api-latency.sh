#!/usr/bin/env bash
# Recommendation latency at a fixed arrival rate: the search API's /recommendations against the
# same kNN query sent straight to Elasticsearch, alternating, on a local node with generated
# vectors. Usage: bench/api-latency.sh [requests/s] [seconds per run] [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx1g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.ApiLatencyBenchmark "$@"
