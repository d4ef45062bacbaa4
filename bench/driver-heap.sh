#!/usr/bin/env bash
# Issue 12's heap goal (driver heap < 2 GB at 10 M cases), measured where it can be: on a Spark standalone
# cluster, so that the executors' memory (execution, shuffle, cached rows) lives in a JVM of its own and the
# driver's GC log holds the driver's heap alone. In local mode (bin/gevinst, bin/benchmark) one heap holds both.
#
#   bench/driver-heap.sh DATA AS_OF WORK [DRIVER_XMX] [EXECUTOR_MEMORY]
#
# Starts a Master and a Worker (2 cores) from target/lib, as StandaloneClusterIT does, submits the thin jar in
# client mode with the driver capped at DRIVER_XMX (default 2g: the goal itself) and a GC log, and prints the
# exit, wall seconds and the driver's peak heap before and live heap after a collection. WORK is emptied.
# Needs the build (mvn -DskipTests package: target/gevinst.jar, target/lib, target/submit-lib).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(cd "$1" && pwd)"; as_of="$2"; work="$3"; driver_xmx="${4:-2g}"; executor_memory="${5:-8g}"
target="$home/target"
for built in gevinst.jar lib submit-lib jvm-options; do
  [ -e "$target/$built" ] || { echo "driver-heap: $target/$built is missing; run mvn -DskipTests package first" >&2; exit 2; }
done
# WORK is emptied, so it must be new or one this script made (its marker file), never a folder of other things.
if [ -e "$work" ] && [ ! -f "$work/.driver-heap" ]; then
  echo "driver-heap: $work exists and was not made by this script; give a new folder" >&2; exit 2
fi
rm -rf "$work" && mkdir -p "$work/spark-home" "$work/events" && touch "$work/.driver-heap"
work="$(cd "$work" && pwd)"
ln -s "$target/lib" "$work/spark-home/jars"   # Spark's launcher starts executors from SPARK_HOME/jars
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
opens="$(cat "$target/jvm-options")"
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
master_port="$(free_port)"; master_ui="$(free_port)"
master="spark://127.0.0.1:$master_port"
pids=()
cleanup() { for p in "${pids[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done; }
# An EXIT trap alone does not run when bash itself is killed: the daemons would be left on their ports.
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
# shellcheck disable=SC2086
java -Xmx512m $opens -cp "$target/lib/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$master_port" \
  --webui-port "$master_ui" > "$work/master.log" 2>&1 & pids+=($!)
# shellcheck disable=SC2086
java -Xmx512m $opens -cp "$target/lib/*" org.apache.spark.deploy.worker.Worker "$master" --host 127.0.0.1 --port "$(free_port)" \
  --webui-port "$(free_port)" --cores 2 --memory "$executor_memory" --work-dir "$work/worker" > "$work/worker.log" 2>&1 & pids+=($!)
registered=no
for _ in $(seq 1 120); do
  if curl -s "http://127.0.0.1:$master_ui/json/" 2>/dev/null | grep -q '"aliveworkers" *: *1'; then registered=yes; break; fi
  sleep 1
done
if [ "$registered" = no ]; then
  echo "driver-heap: the worker did not register with the master in 120 s; see $work/master.log and $work/worker.log" >&2; exit 2
fi
start=$(date +%s.%N)
set +e
# shellcheck disable=SC2086
java -Xmx"$driver_xmx" -Xlog:gc:file="$work/driver-gc.log" $opens -cp "$target/lib/*" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --deploy-mode client --conf "spark.executor.extraJavaOptions=$opens" --conf "spark.executor.memory=$executor_memory" \
  --conf spark.ui.enabled=false --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$work/events" \
  --conf spark.driver.memory="$driver_xmx" \
  --class dk.gevinst.cli.Main --jars "$target/submit-lib/*.jar" "$target/gevinst.jar" \
  run --config "$home/jobs/nightly.yaml" --pilots "$home/jobs/pilots" --data "$data" --out "$work/out" --as-of "$as_of" --demo-key \
  > "$work/submit.log" 2>&1 &
pids+=($!)
wait $!
code=$?
set -e
wall=$(/usr/bin/python3 -c "import time; print(round(time.time() - $start, 1))")
/usr/bin/python3 - "$work/driver-gc.log" "$code" "$wall" "$driver_xmx" <<'PY'
import re, sys
log, code, wall, xmx = sys.argv[1:]
before = after = cap = 0
for m in re.finditer(r"GC\(\d+\) Pause.* (\d+)M->(\d+)M\((\d+)M\)", open(log, errors="replace").read()):
    before, after, cap = max(before, int(m[1])), max(after, int(m[2])), max(cap, int(m[3]))
# "Live" is the most left after any collection, a young one included: an upper bound of the live set.
print(f"driver-heap: exit {code}, {wall} s wall, driver -Xmx{xmx}: peak {before} MB in use before a collection, "
      f"at most {after} MB live after one, heap capacity {cap} MB")
PY
grep -v -E "^[0-9]{2}/[0-9]{2}/[0-9]{2} [0-9:]{8} (INFO|WARN) " "$work/submit.log" | tail -n 8
exit "$code"
