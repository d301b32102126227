#!/usr/bin/env bash
# Benchmark of the agent executor: direct calls vs calls through OpsTower against one local
# upstream (latency at concurrency 1 and 32, throughput), then the server's heap while 50 calls at
# once receive a 100 MB body. Prints a table and writes bench/target/results.md.
# Not part of `./mvnw -B verify`. Takes a few minutes; run it on an otherwise idle machine.
#
# BENCH_OPTS passes -Dbench.* overrides to the bench JVM, e.g. a quick check:
#   BENCH_OPTS="-Dbench.c1.requests=200 -Dbench.c32.requests=1000" bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

war=app/target/opstower.war
micro=app/target/payara-micro.jar
# Rebuild when the WAR is missing or any source or pom of the application is newer than it.
if [[ ! -f $war || ! -f $micro ]] \
  || [[ -n "$(find pom.xml domain web app -path '*/target' -prune -o -type f -newer "$war" -print -quit)" ]]; then
  echo "Building the WAR ..."
  ./mvnw -q -B -DskipTests -pl app -am install
fi
echo "Building the bench ..."
./mvnw -q -B -Pbench -pl bench package

data_dir=$(mktemp -d "${TMPDIR:-/tmp}/opstower-bench.XXXXXX")
pid_file=bench/target/server.pid
rm -f "$pid_file"

# The bench JVM stops the server itself; this is for when that JVM dies or is killed.
cleanup() {
  if [[ -f $pid_file ]]; then
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
      echo "Stopping the server left behind (pid $pid) ..." >&2
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
  fi
  rm -rf "$data_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086 # BENCH_OPTS is a list of options
java -Xmx512m ${BENCH_OPTS:-} \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  -Dbench.data-dir="$data_dir" \
  -Dbench.micro-jar="$micro" \
  -Dbench.war="$war" \
  -Dbench.pid-file="$pid_file" \
  -Dbench.server-log=bench/target/server.log \
  -Dbench.results=bench/target/results.md \
  com.opstower.bench.BenchMain

echo
echo "Redaction cost per 64 KiB window (in process):"
java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  com.opstower.bench.RedactionBench
