#!/usr/bin/env bash
# Smoke-starts what -Ppackage built: the app-image's launcher, and the launcher unpacked from the .deb, each under
# Xvfb with --smoke-test (window on screen, Local demo connected if a PostgreSQL answers, exit 0). Prints the time to
# the window (budget 3 s) and the sizes, and fails when a size is over its budget (app-image 120 MB, .deb 60 MB).
# Usage: packaging/smoke-test.sh target/jpackage/dist
set -euo pipefail
dist="${1:?the directory -Ppackage wrote (target/jpackage/dist)}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

smoke() {
  local launcher="$1" what="$2"
  echo "-- $what: $launcher --smoke-test"
  SNOWPULSE_CONFIG_DIR="$scratch/$what/config" SNOWPULSE_DATA_DIR="$scratch/$what/data" SNOWPULSE_LOCAL_DEMO=external \
    PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-postgres}" \
    timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
    bash -c 'SNOWPULSE_LAUNCHED_AT="$(date +%s%3N)" exec "$0" --smoke-test' "$launcher"
}

image="$dist/SnowPulse"
[ -x "$image/bin/SnowPulse" ] || { echo "no app-image at $image" >&2; exit 1; }
smoke "$image/bin/SnowPulse" app-image

deb="$(ls "$dist"/snowpulse_*.deb 2>/dev/null | head -n 1 || true)"
[ -n "$deb" ] || { echo "no .deb in $dist" >&2; exit 1; }
dpkg-deb -x "$deb" "$scratch/deb"
smoke "$scratch/deb/opt/snowpulse/bin/SnowPulse" deb
grep -q '^Depends:.*libgtk-3-0' <(dpkg-deb -f "$deb") || { echo ".deb does not depend on libgtk-3-0" >&2; exit 1; }

# the budgets are decimal megabytes; the sizes are what a user downloads (.deb) and what the app-image takes on disk
image_mb="$(( $(du -sb "$image" | cut -f1) / 1000000 ))"
deb_mb="$(( $(stat -c %s "$deb") / 1000000 ))"
installed_mb="$(( $(dpkg-deb -f "$deb" Installed-Size) / 1000 ))"
echo "-- sizes: app-image ${image_mb} MB (budget 120), .deb ${deb_mb} MB (budget 60; ${installed_mb} MB once installed): $(basename "$deb")"
[ "$image_mb" -le 120 ] || { echo "the app-image is over its 120 MB budget" >&2; exit 1; }
[ "$deb_mb" -le 60 ] || { echo "the .deb is over its 60 MB budget" >&2; exit 1; }
