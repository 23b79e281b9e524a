#!/usr/bin/env bash
# Checks the library quickstart the way a user runs it: installs gepa4j into the local Maven repository (the
# quickstart is a project of its own that depends on gepa4j's published coordinates through the BOM), runs it, and
# fails unless it prints a positive lift. CI runs this after ./run-tests, which has already built the javadoc and
# sources jars, so they are skipped here. On a developer's machine this leaves gepa4j snapshot jars in
# ~/.m2/repository/dev/gepa4j (delete that folder afterwards if they are in the way).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/find-jdk.sh"
require_jdk
cd "$ROOT"
./mvnw -q -B -ntp -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true install
out="$(./mvnw -q -B -ntp -f examples/library-quickstart/pom.xml compile exec:java)"
echo "$out"
lift="$(echo "$out" | sed -n 's/^seed score .*, lift \([-+][0-9.]*\) .*/\1/p')"
if [ -z "$lift" ] || ! awk -v l="$lift" 'BEGIN { exit !(l > 0) }'; then
  echo "check-quickstart: expected a positive lift, got '${lift:-no lift line}'" >&2
  exit 1
fi
echo "check-quickstart: the quickstart printed a positive lift ($lift)"
