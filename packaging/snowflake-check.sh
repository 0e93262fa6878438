#!/usr/bin/env bash
# Drives a Snowflake profile through the packaged app as a user gets it: the installers leave snowflake-jdbc out, so the
# launcher's CLI first downloads it (from a loopback server with Maven's layout, holding the jar the build resolved),
# checks its SHA-256, then signs in to the fake Snowflake endpoint of the tests, deploys the pipeline, generates a run
# and reads the status. Run after ./mvnw -Ppackage package (which compiles the tests).
# Usage: packaging/snowflake-check.sh target/jpackage/dist
set -euo pipefail
dist="${1:?the directory -Ppackage wrote (target/jpackage/dist)}"
launcher="$dist/SnowPulse/bin/SnowPulse"
[ -x "$launcher" ] || { echo "no app-image launcher at $launcher" >&2; exit 1; }
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
if ls "$dist/SnowPulse/lib/app/lib" | grep -q snowflake-jdbc; then
  echo "the app-image carries snowflake-jdbc; it should download it on first use" >&2; exit 1
fi
scratch="$(mktemp -d)"
export SNOWPULSE_CONFIG_DIR="$scratch/config" SNOWPULSE_DATA_DIR="$scratch/data" SNOWFLAKE_HOME="$scratch/snowflake"
export SF_FAKE_PASSWORD="check-$$"
jar="$(ls target/lib/snowflake-jdbc-*.jar)"
version="$(basename "$jar" .jar)"; version="${version#snowflake-jdbc-}"
mkdir -p "$scratch/maven2/net/snowflake/snowflake-jdbc/$version"
cp "$jar" "$scratch/maven2/net/snowflake/snowflake-jdbc/$version/"
coproc REPO { exec "$JAVA_HOME/bin/jwebserver" -b 127.0.0.1 -p 0 -d "$scratch/maven2" 2> "$scratch/repo.err"; }
repo=$REPO_PID
coproc FAKE { exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:target/lib/*" \
  dev.snowpulse.testing.FakeSnowflakeServer 2> "$scratch/fake.err"; }
fake=$FAKE_PID
trap 'kill "$fake" "$repo" 2>/dev/null; rm -rf "$scratch"' EXIT
# each server prints its address once it listens
read -r -t 60 served <&"${REPO[0]}" || { cat "$scratch/repo.err" >&2; }
port="$(sed -n 's/.* port \([0-9]*\)$/\1/p' <<<"$served")"
[ -n "$port" ] || { echo "the loopback Maven repository did not start: $served" >&2; exit 1; }
export SNOWPULSE_MAVEN_REPOSITORY="http://127.0.0.1:$port/"
read -r -t 60 url <&"${FAKE[0]}" || { cat "$scratch/fake.err" >&2; }
[ -n "$url" ] || { echo "the fake Snowflake endpoint did not start" >&2; exit 1; }

run() {
  echo "\$ snowpulse $*"
  "$launcher" "$@"
}
run profiles add fake-retail --kind snowflake --account myorg-retail --user alice --snowflake-host "$url" \
  --password-source env --password-env SF_FAKE_PASSWORD
if "$launcher" driver status >/dev/null; then echo "snowpulse driver status should fail before the download" >&2; exit 1; fi
run driver install
run driver status
run --profile fake-retail profiles test
echo "\$ snowpulse --profile fake-retail pipeline deploy   (its last lines)"
"$launcher" --profile fake-retail pipeline deploy | tail -n 2
run --profile fake-retail pipeline generate --purchase-events 30
run --profile fake-retail pipeline status
echo "-- snowflake-jdbc downloaded into $(ls "$SNOWPULSE_DATA_DIR/drivers") ($(( $(stat -c %s "$SNOWPULSE_DATA_DIR"/drivers/snowflake-jdbc-*.jar) / 1024 / 1024 )) MiB)"
