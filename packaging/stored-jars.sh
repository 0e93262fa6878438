#!/usr/bin/env bash
# Copies the app's class-path input for the Linux installers with every jar's entries stored instead of deflated.
# A .deb (and an .rpm) compresses its whole payload with xz, which packs stored class files far tighter than it can
# pack jars that are already deflated one entry at a time: 7 MB less to download, for 24 MB more on disk once
# installed. The app-image keeps the deflated jars, which are smaller on disk. Run by -Ppackage on Linux.
# Usage: packaging/stored-jars.sh FROM TO   (both directories; TO is replaced)
set -euo pipefail
from="$(cd "${1:?the input directory jpackage gets}" && pwd)"
to="${2:?the directory to write}"
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
rm -rf "$to" && mkdir -p "$to" && to="$(cd "$to" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(cd "$from" && find . -type f) | while read -r file; do
  mkdir -p "$to/$(dirname "$file")"
  if [[ "$file" != *.jar ]]; then
    cp "$from/$file" "$to/$file"
    continue
  fi
  rm -rf "$scratch/x" && mkdir "$scratch/x"
  (cd "$scratch/x" && "$JAVA_HOME/bin/jar" xf "$from/$file")
  # the manifest first, as in any jar; -X leaves out file owners and times, which class loading never reads
  (cd "$scratch/x" && { [ -f META-INF/MANIFEST.MF ] && zip -q -0 -X "$to/$file" META-INF/MANIFEST.MF || true; } \
    && zip -q -0 -X -r "$to/$file" . -x META-INF/MANIFEST.MF)
done
