#!/usr/bin/env bash
# Flink state per user and per item, and parallelism 1 vs 2 (also part of bench/run.sh)
# Usage: bench/memory.sh [small users] [large users] [rounds] [rocksdb-only]   (default 10000 100000 3)
#   rounds 0 measures state only, without the parallelism runs; rocksdb-only leaves the heap
#   backend out. BENCH_HEAP sets the JVM's heap (default 4g); the heap backend needs about 12 KB
#   per active user, so 1 M users need 12g.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl bench -am
exec java "-Xmx${BENCH_HEAP:-4g}" -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.MemoryBenchmark "$@"
