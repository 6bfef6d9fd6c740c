#!/usr/bin/env bash
# Benchmarks PMML scoring on this machine with JMH (one thread, one fork, short iterations) and
# prints scores/s per model for the compiled scorer, jpmml used per record, and a hand-written
# logistic regression, with the ratios against the goals. Usage: bench/scoring.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx1g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.github.clickstream.appliance.bench.ScoringReport "$@"
