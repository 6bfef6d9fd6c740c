#!/usr/bin/env bash
# Flink state per user and per item, and parallelism 1 vs 2 (also part of bench/run.sh)
# Usage: bench/memory.sh [small users] [large users] [rounds]   (default 10000 100000 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx4g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.MemoryBenchmark "$@"
