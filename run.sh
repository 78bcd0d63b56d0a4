#!/usr/bin/env bash
# Starts the whole payments system on this machine, no Docker needed: an embedded MariaDB server, a KRaft Kafka
# broker, the Toss sandbox and the four services. Builds whatever is missing first. Ctrl-C stops everything.
# Details: docs/local-runner.md
set -euo pipefail
cd "$(dirname "$0")"

VERSION=0.1.0-SNAPSHOT
APPS=(toss-sandbox payment-service order-service settlement-service admin-service)
RUNNER_JAR="local-runner/target/local-runner-$VERSION-exec.jar"

usage() {
  cat <<EOF
Usage: ./run.sh [--reset] [--rebuild] [--only=a,b | --infra-only] [--instances=N] [--help]

Starts MariaDB (127.0.0.1:3307), Kafka (127.0.0.1:9092), the Toss sandbox (:8090) and the payment, order,
settlement and admin services (:8081-8084), waits until all are healthy and prints their URLs.
A service that dies is restarted (back-off 1 s, doubling up to 30 s) and reported with a time stamp here and
in .local/logs/supervisor.log. Data lives in .local/data, logs in .local/logs. Ctrl-C stops everything.

  --reset        delete .local/data (all databases and Kafka topics) before starting
  --rebuild      build the jars even if they exist (./mvnw -DskipTests install); use after changing code
  --only=LIST    start only these applications (comma-separated: ${APPS[*]})
  --infra-only   start only MariaDB and Kafka (e.g. to run a service from your IDE)
  --instances=N  run N instances (1-9) of each of the four services on consecutive ports (payment-service
                 8110.., order-service 8120.., settlement-service 8130.., admin-service 8140..); a round-robin
                 front on each service's own port (8081-8084) spreads connections across them and skips an
                 instance that refuses (dead or restarting). The sandbox runs once. Default 1.
  --help         this text

Environment: TOSS_API_BASE_URL (passed to every service; default: the local sandbox), DB_PORT, KAFKA_PORT.
EOF
}

reset=false
rebuild=false
runner_args=()
wanted=("${APPS[@]}")
for arg in "$@"; do
  case "$arg" in
    --reset) reset=true ;;
    --rebuild) rebuild=true ;;
    -h|--help) usage; exit 0 ;;
    --infra-only) runner_args+=("$arg"); wanted=() ;;
    --only=*) runner_args+=("$arg"); IFS=',' read -r -a wanted <<< "${arg#--only=}" ;;
    --instances=*) runner_args+=("$arg") ;;
    *) echo "Unknown option: $arg" >&2; echo >&2; usage >&2; exit 2 ;;
  esac
done

. bin/select-jdk.sh

if $reset; then
  pid=$(awk '$1 == "launcher" { print $2 }' .local/pids 2>/dev/null || true)
  if [ -n "$pid" ] && ps -p "$pid" -o args= 2>/dev/null | grep -q local-runner; then
    echo "A ./run.sh is still running (pid $pid). Stop it first (Ctrl-C in its terminal), then reset." >&2
    exit 1
  fi
  if [ -d .local/data ]; then
    echo "Reset: deleting $PWD/.local/data (MariaDB databases of all services, Kafka topics and offsets)"
    rm -rf .local/data
  else
    echo "Reset: $PWD/.local/data does not exist, nothing to delete"
  fi
fi

missing=()
[ -f "$RUNNER_JAR" ] || missing+=("$RUNNER_JAR")
for app in ${wanted[@]+"${wanted[@]}"}; do
  jar="$app/target/$app-$VERSION-exec.jar"
  [ -f "$jar" ] || missing+=("$jar")
done
if $rebuild || [ ${#missing[@]} -gt 0 ]; then
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Not built yet: ${missing[*]}"
  fi
  echo "Building all modules: ./mvnw -q -B -ntp -DskipTests install"
  echo "(the first build downloads the dependencies and takes a few minutes; later ones take about a minute)"
  if ! ./mvnw -q -B -ntp -DskipTests install; then
    echo "The build failed (see above). Fix it, then run ./run.sh again." >&2
    exit 1
  fi
fi

java_opts=(-Xmx512m)
# JDK 23+ warns on every start about Kafka's use of sun.misc.Unsafe; older JDKs refuse this flag, so probe first.
if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi

exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$RUNNER_JAR" ${runner_args[@]+"${runner_args[@]}"}
