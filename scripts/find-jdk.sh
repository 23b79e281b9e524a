# Sourced by ./gepa and ./run-tests: defines find_jdk, which prints the home of a JDK 21+ or nothing,
# and require_jdk, which exports JAVA_HOME to it or explains how to get one and exits.
# Search order: JAVA_HOME, javac on PATH, then /usr/lib/jvm/*, /opt, ~/.sdkman (newest first).

java_major() { # prints the major version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

is_jdk21() { # true when $1 is a JDK home with java and javac at release 21 or later
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local v; v="$(java_major "$1/bin/java")"
  [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && is_jdk21 "$JAVA_HOME"; then echo "$JAVA_HOME"; return; fi
  if command -v javac >/dev/null 2>&1; then
    local home; home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    if is_jdk21 "$home"; then echo "$home"; return; fi
  fi
  local best="" bestv=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$d" ] || continue
    is_jdk21 "$d" || continue
    v="$(java_major "$d/bin/java")"; v="${v%%.*}"
    if [ "$v" -gt "$bestv" ]; then best="$d"; bestv="$v"; fi
  done
  [ -n "$best" ] && echo "$best"
}

require_jdk() {
  local jdk; jdk="$(find_jdk || true)"
  if [ -z "$jdk" ]; then
    cat >&2 <<'MSG'
gepa: no JDK 21 or newer found (looked at JAVA_HOME, javac on PATH, /usr/lib/jvm/*, /opt, ~/.sdkman).
gepa needs a JDK (not just a JRE) at version 21 or later to build and run. Install one, for example
  Debian/Ubuntu:  apt-get install openjdk-21-jdk     (or Temurin 21/25 from adoptium.net)
  SDKMAN:         sdk install java 21-tem
then run the command again, or point JAVA_HOME at it: JAVA_HOME=/path/to/jdk ./gepa demo
MSG
    exit 3
  fi
  export JAVA_HOME="$jdk"
}
