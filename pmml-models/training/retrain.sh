#!/usr/bin/env bash
# Retrains the shipped models exactly as they were made: the generator's shoppers (20,000 users,
# 60 days, seed 42), features as of day 30, labels from the 30 days after, then train.py and the
# PMML converter. Needs Debian's python3-sklearn and python3-pandas (apt-get install them).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin/appliance generate --users 20000 --days 60 --seed 42 --output "$work/events.jsonl"
bin/appliance features --input "$work/events.jsonl" --as-of 2026-10-31T00:00:00Z \
  --out "$work/training-table.csv"
bin/appliance train --table "$work/training-table.csv" --out-dir pmml-models/models "$@"
