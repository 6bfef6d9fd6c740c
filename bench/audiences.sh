#!/usr/bin/env bash
# Marketer endpoints on generated users: CSV export rows/s and heap growth through the search API
# against paging the same users straight from Elasticsearch (point in time + search_after), then
# audience search latency at a fixed arrival rate against the same query sent straight to
# Elasticsearch, alternating. Usage: bench/audiences.sh [users] [requests/s] [seconds per run] [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx1g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.AudienceBenchmark "$@"
