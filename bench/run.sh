#!/usr/bin/env bash
# The benchmark suite: builds once, then runs every benchmark in turn, each interleaving ours and
# its baseline over several rounds, prints one table (medians, ratio, min-max of the rounds, goal)
# and writes bench/results/latest.md and latest.json with the machine description.
# Usage: bench/run.sh [--quick] [--rounds N] [--only parsing,scoring,ingest,pipeline,e2e,api-latency,audiences,memory,ann-recall]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx4g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.SuiteRunner "$@"
