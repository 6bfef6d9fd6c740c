#!/usr/bin/env bash
# Runs the benchmarks on this machine: builds them, then prints each round and the ratios
# against the baselines measured in the same run. Usage: bench/run.sh [users] [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests install -pl bench -am
exec java -Xmx4g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.PipelineThroughputBenchmark "$@"
