#!/usr/bin/env bash
# Builds OpsTower Connections and runs it on Payara Micro at http://localhost:8080/ with the
# embedded HSQLDB file database under ./data (or $OPSTOWER_DATA_DIR). The server's own log goes to
# <data-dir>/logs/server.log; the terminal shows only the address, the user and, on the very first
# start, the generated password.
#   PORT=9090 ./run.sh              another port
#   OPSTOWER_SKIP_BUILD=1 ./run.sh  start the WAR already built, without Maven (scripts, instances)
#   OPSTOWER_CLUSTER_MEMBERS=10.0.0.1:5701,10.0.0.2:5701 OPSTOWER_CLUSTER_PORT=5701 ./run.sh
#                                   one of several instances that serve as one (same database and
#                                   keys; docs/operations.md, "Several instances")
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-8080}"
DATA_DIR="${OPSTOWER_DATA_DIR:-./data}"
WAR=app/target/opstower.war
MICRO=app/target/payara-micro.jar

if [[ "${OPSTOWER_SKIP_BUILD:-}" == "1" ]]; then
  if [[ ! -f $WAR || ! -f $MICRO ]]; then
    echo "OPSTOWER_SKIP_BUILD=1 but $WAR or $MICRO is missing: build once with ./run.sh or ./mvnw -B -DskipTests -pl app -am package." >&2
    exit 1
  fi
else
  echo "Building (./mvnw -q -B -DskipTests -pl app -am package) ..."
  ./mvnw -q -B -DskipTests -pl app -am package
fi

mkdir -p "$DATA_DIR/logs"
LOG="$DATA_DIR/logs/server.log"
# the previous run's log is kept as server.log.1
if [[ -f $LOG ]]; then mv "$LOG" "$LOG.1"; fi
echo "Starting OpsTower Connections on http://localhost:${PORT}/ (data in ${DATA_DIR}, log in ${LOG}) ..."
# The Payara Micro options every launch shares (the ITs and the bench read the same file);
# preboot.asadmin among them turns HTTP/2 (h2c) off: Grizzly's h2c upgrade path can deadlock.
PAYARA_DIR=app/src/main/payara
mapfile -t MICRO_OPTIONS < <(sed -e 's/\r$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$PAYARA_DIR/launch.options" \
  | grep -v -e '^#' -e '^$' | sed "s|{payara}|$PAYARA_DIR|g")
# Several instances: Payara's Hazelcast member joins the listed members (TCP/IP, no multicast).
if [[ -n "${OPSTOWER_CLUSTER_MEMBERS:-}" ]]; then
  CLUSTER_PORT="${OPSTOWER_CLUSTER_PORT:-5701}"
  if ! [[ "$CLUSTER_PORT" =~ ^[0-9]+$ ]]; then
    echo "OPSTOWER_CLUSTER_PORT must be a port number, not '$CLUSTER_PORT'." >&2
    exit 1
  fi
  for member in ${OPSTOWER_CLUSTER_MEMBERS//,/ }; do
    if ! [[ "$member" =~ ^[^:]+:[0-9]+$ ]]; then
      echo "OPSTOWER_CLUSTER_MEMBERS is a comma-separated list of host:port, not '$member'." >&2
      exit 1
    fi
  done
  kept=()
  for option in "${MICRO_OPTIONS[@]}"; do
    [[ "$option" == "--nohazelcast" ]] || kept+=("$option")
  done
  MICRO_OPTIONS=("${kept[@]}" --clustermode "tcpip:${OPSTOWER_CLUSTER_MEMBERS}" \
    --startport "$CLUSTER_PORT" --clustername opstower-connections)
  echo "Clustering: this instance's cluster port ${CLUSTER_PORT}, members ${OPSTOWER_CLUSTER_MEMBERS}."
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -jar "$MICRO" "${MICRO_OPTIONS[@]}" \
  --deploy "$WAR" --port "${PORT}" >>"$LOG" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' INT TERM

# Payara Micro keeps running even when the deployment fails, so wait for the app's own readiness.
for second in $(seq 1 180); do
  if curl -fs "http://localhost:${PORT}/health/ready" >/dev/null 2>&1; then
    echo
    echo "OpsTower Connections is ready: http://localhost:${PORT}/"
    echo "Sign in as 'admin'."
    generated=$(grep -o "generated password [A-Za-z0-9]*" "$LOG" | head -1 | awk '{print $3}' || true)
    if [[ -n "$generated" ]]; then
      line="  First start: the password of 'admin' is  ${generated}  "
      border=$(printf '%*s' "${#line}" '' | tr ' ' '=')
      echo
      echo "  ${border}"
      echo "  ${line}"
      echo "  ${border}"
      echo "  It is shown this once. Sign in and change it under Account."
    elif [[ -z "${OPSTOWER_BOOTSTRAP_ADMIN_PASSWORD:-}" ]]; then
      echo "(The password was generated on the first start; if it is lost, see docs/operations.md.)"
    fi
    echo
    echo "Server log: ${LOG}. Ctrl+C stops the server."
    wait "$server"
    exit $?
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo >&2
    echo "Payara Micro exited before the application was ready. The end of ${LOG}:" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
  if (( second % 5 == 0 )); then
    printf '.'
  fi
  sleep 1
done
echo >&2
echo "The application did not become ready within 180 s. The end of ${LOG}:" >&2
tail -n 30 "$LOG" >&2
kill "$server"
exit 1
