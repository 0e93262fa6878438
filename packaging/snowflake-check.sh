#!/usr/bin/env bash
# Drives a Snowflake profile through the packaged app's own snowflake-jdbc (the installers carry a lean build of it:
# see packaging/README.md): the launcher's CLI signs in to the fake Snowflake endpoint of the tests, deploys the
# pipeline, generates a run and reads the status. Run after ./mvnw -Ppackage package (which compiles the tests).
# Usage: packaging/snowflake-check.sh target/jpackage/dist
set -euo pipefail
dist="${1:?the directory -Ppackage wrote (target/jpackage/dist)}"
launcher="$dist/SnowPulse/bin/SnowPulse"
[ -x "$launcher" ] || { echo "no app-image launcher at $launcher" >&2; exit 1; }
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
scratch="$(mktemp -d)"
export SNOWPULSE_CONFIG_DIR="$scratch/config" SNOWPULSE_DATA_DIR="$scratch/data" SNOWFLAKE_HOME="$scratch/snowflake"
export SF_FAKE_PASSWORD="check-$$"
coproc FAKE { exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:target/lib/*" \
  dev.snowpulse.testing.FakeSnowflakeServer 2> "$scratch/fake.err"; }
fake=$FAKE_PID
trap 'kill "$fake" 2>/dev/null; rm -rf "$scratch"' EXIT
# the endpoint prints its address once it listens
read -r -t 60 url <&"${FAKE[0]}" || { cat "$scratch/fake.err" >&2; }
[ -n "$url" ] || { echo "the fake Snowflake endpoint did not start" >&2; exit 1; }

run() {
  echo "\$ snowpulse $*"
  "$launcher" "$@"
}
run profiles add fake-retail --kind snowflake --account myorg-retail --user alice --snowflake-host "$url" \
  --password-source env --password-env SF_FAKE_PASSWORD
run --profile fake-retail profiles test
echo "\$ snowpulse --profile fake-retail pipeline deploy   (its last lines)"
"$launcher" --profile fake-retail pipeline deploy | tail -n 2
run --profile fake-retail pipeline generate --purchase-events 30
run --profile fake-retail pipeline status
echo "-- the packaged snowflake-jdbc: $(ls "$dist/SnowPulse/lib/app/lib" | grep snowflake-jdbc) ($(( $(stat -c %s "$dist"/SnowPulse/lib/app/lib/snowflake-jdbc-*.jar) / 1024 / 1024 )) MiB)"
