#!/usr/bin/env bash
# Builds OpsTower Connections and runs it on Payara Micro at http://localhost:8080/ with the
# embedded HSQLDB file database under ./data (or $OPSTOWER_DATA_DIR).
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-8080}"
./mvnw -q -B -DskipTests -pl app -am package

echo "Starting OpsTower Connections on http://localhost:${PORT}/ (data in ${OPSTOWER_DATA_DIR:-./data}) ..."
# preboot.asadmin turns HTTP/2 (h2c) off: Grizzly's h2c upgrade path can deadlock under load.
java ${JAVA_OPTS:-} -jar app/target/payara-micro.jar \
  --prebootcommandfile app/src/main/payara/preboot.asadmin \
  --deploy app/target/opstower.war --contextroot / \
  --port "${PORT}" --nocluster --disablephonehome --nohazelcast 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' INT TERM

# Payara Micro keeps running even when the deployment fails, so wait for the app's own readiness.
for _ in $(seq 1 180); do
  if curl -fs "http://localhost:${PORT}/health/ready" >/dev/null 2>&1; then
    echo
    echo "OpsTower Connections is ready: http://localhost:${PORT}/"
    echo "Sign in as 'admin' (on the first start without OPSTOWER_BOOTSTRAP_ADMIN_PASSWORD the generated password is in the log above)."
    wait "$server"
    exit $?
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "Payara Micro exited before the application was ready." >&2
    exit 1
  fi
  sleep 1
done
echo "The application did not become ready within 180 s; see the log above." >&2
kill "$server"
exit 1
