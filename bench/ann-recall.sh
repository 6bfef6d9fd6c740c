#!/usr/bin/env bash
# ANN recall@10 of the API's kNN against exact cosine, on item and taste vectors the job's
# similarity stage learns from generated shopping, in a local Elasticsearch.
# Usage: bench/ann-recall.sh [users] [items] [days] [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx2g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.AnnRecallBenchmark "$@"
