#!/usr/bin/env bash
# The test command (README "Run the tests"; .ci/run calls exactly this): installs what the tests need, then runs
# every unit test (Surefire) and integration test (Failsafe: real Kafka broker, registry over HTTP, peers).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec mvn -B -ntp verify "$@"
