#!/bin/bash
# Heap per held WebSocket of a bare Vert.x server (docs/perf/websocket-heap.md).
# usage: run.sh LABEL N [server JVM options]   e.g. run.sh strict 2000
# cp.txt: vertx-core 5.0.10 and its dependencies in the local Maven repository (mvn package fetches them).
# Knobs are -Dprobe.* system properties among the options (see ProbeServer.main).
set -e
label=$1; N=$2; shift 2; OPTS="$*"
HERE=$(cd "$(dirname "$0")" && pwd)
CLASSES=${CLASSES:-/tmp/heapprobe-classes}
CP=$(sed "s#/root/#$HOME/#g" "$HERE/cp.txt")
mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$CP" "$HERE/ProbeServer.java" "$HERE/ProbeClient.java"
CP=$CP:$CLASSES
d=${OUT:-/tmp/heapprobe-out}/$label; rm -rf "$d"; mkdir -p "$d"; cd "$d"
mkfifo sin cin
java -Xmx1g -XX:+UseG1GC $OPTS -cp "$CP" ProbeServer < sin > server.out 2>&1 &
SPID=$!
exec 3>sin
for i in $(seq 100); do grep -q PORT server.out && break; sleep 0.2; done
PORT=$(awk '/PORT/{print $2}' server.out)
java -Xmx256m -cp "$CP" ProbeClient $PORT < cin > client.out 2>&1 &
CPID=$!
exec 4>cin
waitopen() { for i in $(seq 600); do grep -q "OPEN $1\$" client.out && return 0; sleep 0.2; done; echo "timeout $1"; cat client.out server.out; }
snap() {
  sleep 1; jcmd $SPID GC.run >/dev/null; sleep 0.5; jcmd $SPID GC.run >/dev/null
  jcmd $SPID GC.heap_info > heap_$1.txt; jcmd $SPID GC.class_histogram > histo_$1.txt
}
echo 100 >&4; waitopen 100; snap A
echo $N >&4; waitopen $((N+100)); snap B
echo count >&3; sleep 1
kill $CPID; sleep 0.5; kill $SPID; wait $SPID 2>/dev/null || true
exec 3>&- 4>&-
python3 "$HERE/diff.py" histo_A.txt histo_B.txt $N heap_A.txt heap_B.txt > report.txt
head -1 server.out; grep HELD server.out || true; head -${TOP:-30} report.txt
