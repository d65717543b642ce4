#!/usr/bin/env bash
# The run command (README "Run it"): builds the launcher jar and runs the whole platform on this machine
# (embedded Kafka broker, schema registry, ...). Arguments go to `scenelog up` (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
mvn -B -ntp -q -DskipTests package
exec java -jar app/target/scenelog.jar up "$@"
