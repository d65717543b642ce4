#!/usr/bin/env bash
# The benchmarks (README "Performance"): builds the launcher jar, then runs `scenelog bench <name>` with the
# remaining arguments. Each benchmark reports ratios against a peer measured in the same run.
#
#   scripts/bench.sh commit                       # full run, a few minutes, embedded broker
#   scripts/bench.sh commit --quick               # smoke run, under a minute
#   scripts/bench.sh commit --markdown target/performance.md
#   scripts/bench.sh rest                         # REST API reads/writes, 50 clients, about 2 minutes
#   scripts/bench.sh rest --clients 10 --duration 5s --warmup 2s
#   scripts/bench.sh fanout                       # Livelink fan-out, 50 and 500 clients vs a bare WebSocket
#                                                 # broadcast, about 6 minutes
#   scripts/bench.sh fanout --clients 50 --json target/fanout.json --markdown target/fanout.md
#   scripts/bench.sh frames                       # the renderer's frame pipeline per stage (Vulkan, lavapipe
#                                                 # without a GPU; H.264 and VP8) vs FFmpeg's own ffmpeg program
#   scripts/bench.sh frames --frames 30 --warmup 10 --sizes 640x360 --codecs h264 --markdown target/frames.md
#   scripts/bench.sh cache                        # the node cache: a 50 MB asset cold and warm vs a direct
#                                                 # download and a plain file read; 10 readers -> one upstream copy
#   scripts/bench.sh cache --size-mb 10 --readers 4 --rounds 3 --json target/cache.json
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: scripts/bench.sh commit|rest|fanout|frames|cache|sessions|glass [options]   (scripts/bench.sh fanout --help lists them)" >&2
  exit 2
fi
scripts/bootstrap.sh
mvn -B -ntp -q -DskipTests package
exec java -jar app/target/scenelog.jar bench "$@"
