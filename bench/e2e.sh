#!/usr/bin/env bash
# End to end through Kafka alone (also part of bench/run.sh): builds, then prints each round and the ratios
# against the q11-style baseline measured in the same run. Usage: bench/e2e.sh [users] [rounds] [days]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx4g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.EndToEndBenchmark "$@"
