#!/usr/bin/env bash
# Installs what Scenelog's build and tests need beyond Java 17 and Maven, idempotently, on Debian 12:
# Debian packages (docker-compose to validate compose.yaml) and the npm packages of the peer tests.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'bootstrap: %s\n' "$*"; }
fail() { printf 'bootstrap: ERROR: %s\n' "$*" >&2; exit 1; }

# --- Java and Maven: required, not installed here (they are the build itself) ---
command -v java >/dev/null || fail "java not found: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || fail "java $java_major found, Scenelog needs 17 or newer"
command -v mvn >/dev/null || fail "mvn not found: install Maven 3.8.7 or newer (Debian: apt-get install maven)"

# --- Debian packages ---
# docker-compose: validates compose.yaml without a Docker engine (ComposeFileIntegrationTest).
# nodejs/npm: the third-party peer tests (kafkajs, the AsyncAPI parser, avsc) run on Node, and the viewer page is
#   bundled with it.
# chromium: the viewer page's end-to-end tests drive Debian's headless Chromium (Playwright never downloads one).
# libvulkan1/mesa-vulkan-drivers: the renderer's Vulkan loader and, on a machine without a GPU, Mesa's lavapipe.
packages=(docker-compose nodejs npm chromium libvulkan1 mesa-vulkan-drivers)
missing=()
for p in "${packages[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "missing Debian packages ${missing[*]}: run this script as root"
    SUDO=sudo
  else
    SUDO=
  fi
  say "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- npm packages of the peer tests, the examples and the viewer page's build (exact versions from the committed
# package-lock.json) ---
for dir in peers/node examples/simulation-node livelink-bridge/viewer; do
  [ -f "$dir/package-lock.json" ] || continue
  stamp="$dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    say "installing npm packages in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
done
say "ready"
