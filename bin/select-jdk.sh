# Sourced by ./mvnw, ./run.sh and .ci/run: make JAVA_HOME point at a JDK of version 21 or newer.
# Order: an existing JAVA_HOME that is new enough, the `java` on PATH, then the newest JDK installed
# under the usual folders (Debian's /usr/lib/jvm, SDKMAN, macOS). Prints nothing when all is well.

_jdk_major() { # $1 = path to a java binary; prints its feature version (17, 21, 25...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

_select_jdk() {
  local want=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(_jdk_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge "$want" ] 2>/dev/null; then return 0; fi
    echo "JAVA_HOME=$JAVA_HOME is JDK ${major:-?}; looking for JDK $want+ instead" >&2
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(command -v java)
    major=$(_jdk_major "$candidate")
    if [ "${major:-0}" -ge "$want" ] 2>/dev/null; then
      best=$(dirname "$(dirname "$(readlink -f "$candidate")")"); best_major=$major
    fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java /opt/java/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(_jdk_major "$candidate")
    if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null && [ -x "$(dirname "$candidate")/javac" ]; then
      best=$(dirname "$(dirname "$candidate")"); best_major=$major
    fi
  done
  if [ "$best_major" -ge "$want" ]; then
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
    return 0
  fi
  echo "No JDK $want or newer found. Install one (e.g. Temurin 21) and set JAVA_HOME." >&2
  return 1
}
_select_jdk
