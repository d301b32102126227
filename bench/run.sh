#!/usr/bin/env bash
# Benchmark of the agent executor: direct calls vs calls through OpsTower against one local
# upstream (latency at concurrency 1 and 32, throughput), then the server's heap while 50 calls at
# once receive a 100 MB body. Prints a table and writes bench/target/results.md.
# Not part of `./mvnw -B verify`. Takes a few minutes; run it on an otherwise idle machine.
#
# BENCH_OPTS passes -Dbench.* overrides to the bench JVM, e.g. a quick check:
#   BENCH_OPTS="-Dbench.c1.requests=200 -Dbench.c32.requests=1000" bench/run.sh
# bench/run.sh scale  runs only the scale bench (wrk and nginx; ScaleBench, bench/target/scale.md):
#   BENCH_OPTS="-Dbench.scale.levels=100,1000 -Dbench.scale.seconds=10" bench/run.sh scale
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
only="${1:-all}"
# The scale bench drives the server with Debian's wrk and compares it with nginx as a proxy.
if ! command -v wrk >/dev/null 2>&1 || [[ ! -x /usr/sbin/nginx ]]; then
  if [[ $(id -u) == 0 ]]; then
    echo "Installing wrk and nginx-light ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
  else
    echo "The scale bench needs wrk and nginx: sudo apt-get install wrk nginx-light" >&2
    exit 1
  fi
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

bench_java() {
  # shellcheck disable=SC2086 # BENCH_OPTS is a list of options
  java -Xmx512m ${BENCH_OPTS:-} \
    -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    -Dbench.data-dir="$1" \
    -Dbench.micro-jar="$micro" \
    -Dbench.war="$war" \
    -Dbench.pid-file="$pid_file" \
    -Dbench.server-log=bench/target/server.log \
    -Dbench.results=bench/target/results.md \
    "$2"
}

if [[ $only != scale ]]; then
  bench_java "$data_dir" com.opstower.bench.BenchMain
fi
rm -rf "$data_dir" && mkdir -p "$data_dir"
bench_java "$data_dir" com.opstower.bench.ScaleBench

if [[ $only != scale ]]; then
  echo
  echo "Redaction cost per 64 KiB window (in process):"
  java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    com.opstower.bench.RedactionBench
fi
