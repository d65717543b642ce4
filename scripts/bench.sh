#!/usr/bin/env bash
# The benchmarks (README "Performance"): builds the launcher jar, then runs `scenelog bench <name>` with the
# remaining arguments. Each benchmark reports ratios against a peer measured in the same run.
#
#   scripts/bench.sh commit                       # full run, a few minutes, embedded broker
#   scripts/bench.sh commit --quick               # smoke run, under a minute
#   scripts/bench.sh commit --markdown target/performance.md
#   scripts/bench.sh rest                         # REST API reads/writes, 50 clients, about 2 minutes
#   scripts/bench.sh rest --clients 10 --duration 5s --warmup 2s
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: scripts/bench.sh commit|rest [options]   (scripts/bench.sh rest --help lists them)" >&2
  exit 2
fi
scripts/bootstrap.sh
mvn -B -ntp -q -DskipTests package
exec java -jar app/target/scenelog.jar bench "$@"
