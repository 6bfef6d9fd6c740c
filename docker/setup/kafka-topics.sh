#!/bin/sh
# Creates the appliance's topics before the job starts (the job subscribes to clickstream by name).
# Runs in the Kafka image against the broker; idempotent.
set -eu
bootstrap="${KAFKA_BOOTSTRAP:?KAFKA_BOOTSTRAP is not set}"
topics=/opt/kafka/bin/kafka-topics.sh

create() {
    "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --replication-factor 1 "$@"
}

create --topic clickstream --partitions 4
create --topic clickstream-dead-letters --partitions 1
create --topic marketing-actions --partitions 1
# Erasures: kept for good (the job rebuilds its list of erased users from the whole topic).
create --topic erasures --partitions 1 --config retention.ms=-1
# Model updates: the last PMML file per slot (the key) must stay, and may be up to 16 MiB.
create --topic models --partitions 1 \
    --config cleanup.policy=compact --config max.message.bytes=16781312
"$topics" --bootstrap-server "$bootstrap" --list
