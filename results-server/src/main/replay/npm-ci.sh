#!/bin/sh
# Installs the replay's npm packages exactly as package-lock.json pins them, into the build folder (Maven's
# generate-resources, see results-server/pom.xml). $1: this folder; $2: where to install.
set -e
src=$1
out=$2
if ! command -v npm >/dev/null 2>&1; then
    echo "ERROR: npm is missing: Bedside's build takes the replay recorder and player (rrweb) from npm." >&2
    echo "Install Node.js and npm (Debian: sudo apt-get install -y nodejs npm) and build again." >&2
    exit 1
fi
mkdir -p "$out"
if cmp -s "$src/package-lock.json" "$out/node_modules/.bedside-lock" 2>/dev/null; then
    exit 0 # installed from this very lock file already
fi
cp "$src/package.json" "$src/package-lock.json" "$out/"
(cd "$out" && npm ci --no-audit --no-fund --prefer-offline --ignore-scripts --loglevel=error)
cp "$src/package-lock.json" "$out/node_modules/.bedside-lock"
