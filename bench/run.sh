#!/usr/bin/env bash
# Loopback throughput/latency of the emulator against WireMock standalone, measured in the same run.
#
#   bench/run.sh                              # from the repository root (or anywhere)
#   BENCH_DURATION=5s BENCH_WARMUP=2s bench/run.sh
#
# Env: BENCH_DURATION (10s), BENCH_WARMUP (5s), BENCH_THREADS (2), BENCH_CONNECTIONS (32),
#      BENCH_QUIET_RUN (1: also run the emulator with its per-request log off),
#      BENCH_NODELAY_RUN (0; 1: also run it with -Dsun.net.httpserver.nodelay=true, the emulator's default since the fix),
#      BENCH_HEALTH_ROW (0: 1 adds a GET /health row on the emulator, +15 s), JAVA (java).
# Installs wrk (apt-get) and the WireMock jar (Maven) if missing; builds the emulator jar if missing.
# Prints one table; every figure is relative to WireMock measured in this run (before and after).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$HERE/target"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-5s}"
THREADS="${BENCH_THREADS:-2}"
CONNS="${BENCH_CONNECTIONS:-32}"
QUIET_RUN="${BENCH_QUIET_RUN:-1}"
NODELAY_RUN="${BENCH_NODELAY_RUN:-0}"
HEALTH_ROW="${BENCH_HEALTH_ROW:-0}"
JAVA="${JAVA:-java}"
WIREMOCK_VERSION=3.13.2
WIREMOCK_JAR="$OUT/wiremock-standalone-$WIREMOCK_VERSION.jar"
EMULATOR_JAR="$ROOT/emulator/target/codearts-check-emulator.jar"
TOKEN=bench
TASKCRON=/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron

mkdir -p "$OUT"
log() { printf '[bench] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- prerequisites
if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk (apt-get)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [[ ! -f "$WIREMOCK_JAR" ]]; then
    log "fetching wiremock-standalone $WIREMOCK_VERSION"
    (cd "$ROOT" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory="$OUT" >&2)
fi
if [[ ! -f "$EMULATOR_JAR" ]]; then
    log "emulator jar missing: building (mvn -B -q install -DskipTests)"
    (cd "$ROOT" && mvn -B -q install -DskipTests >&2)
fi

# ---------------------------------------------------------------- processes
PIDS=()
cleanup() {
    for p in "${PIDS[@]:-}"; do
        [[ -n "$p" ]] && kill "$p" 2>/dev/null || true
    done
    for p in "${PIDS[@]:-}"; do
        [[ -n "$p" ]] && wait "$p" 2>/dev/null || true
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    local p
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    echo "no free port found" >&2; return 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_200 URL START_MS -> prints ms from START_MS to the first 200 (30 s limit)
wait_200() {
    local url="$1" start="$2" deadline=$(( $2 + 30000 ))
    while (( $(now_ms) < deadline )); do
        if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" == 200 ]]; then
            echo $(( $(now_ms) - start )); return 0
        fi
        sleep 0.01
    done
    echo "no 200 from $url within 30 s" >&2; return 1
}

SERVER_PID=""
# start_emulator NAME [java opts...] -> sets SERVER_PID, PORT, STARTUP_MS
start_emulator() {
    local name="$1"; shift
    PORT="$(free_port)"
    local t0; t0="$(now_ms)"
    "$JAVA" "$@" -jar "$EMULATOR_JAR" --port "$PORT" >"$OUT/$name.out" 2>"$OUT/$name.err" &
    SERVER_PID=$!; PIDS+=("$SERVER_PID")
    STARTUP_MS="$(wait_200 "http://127.0.0.1:$PORT/health" "$t0")"
}
start_wiremock() {
    local name="$1"
    PORT="$(free_port)"
    local t0; t0="$(now_ms)"
    "$JAVA" -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$PORT" --no-request-journal \
        --disable-banner --root-dir "$OUT/wiremock-root" >"$OUT/$name.out" 2>"$OUT/$name.err" &
    SERVER_PID=$!; PIDS+=("$SERVER_PID")
    STARTUP_MS="$(wait_200 "http://127.0.0.1:$PORT/__admin/health" "$t0")"
}
stop_server() {
    RSS_KB="$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")"
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
}

# single NAME URL: one connection for 2 s on an already warm server -> $OUT/single.tsv (name rps p50)
single() {
    local f="$OUT/wrk1-$1.txt"
    wrk -t1 -c1 -d2s --latency -H "X-Auth-Token: $TOKEN" "$2" >"$f"
    printf '%s\t%s\t%s\n' "$1" "$(awk '/^Requests\/sec:/ {print $2}' "$f")" \
        "$(to_ms "$(awk '$1 == "50%" {print $2}' "$f")")" >>"$OUT/single.tsv"
}

# to_ms "1.23ms" | "845.00us" | "1.02s" -> milliseconds
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
        printf "%.2f", n }'
}

# bench NAME URL [wrk args...] -> appends a row to $OUT/rows.tsv (name rps p50 p99 non2xx errors)
bench() {
    local name="$1" url="$2"; shift 2
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -H "X-Auth-Token: $TOKEN" "$@" "$url" >/dev/null
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -H "X-Auth-Token: $TOKEN" "$@" "$url" \
        >"$OUT/wrk-$name.txt"
    local f="$OUT/wrk-$name.txt" rps p50 p99 non2xx errs
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$f")"
    p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$f")")"
    p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$f")")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$f")"
    errs="$(awk '/Socket errors:/ {print $0}' "$f")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errs:-}" \
        >>"$OUT/rows.tsv"
    log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms${non2xx:+, NON-2xx: $non2xx}${errs:+, $errs}"
}

: >"$OUT/rows.tsv"; : >"$OUT/single.tsv"
rm -rf "$OUT/wiremock-root"; cp -r "$HERE/wiremock" "$OUT/wiremock-root"   # WireMock writes __files/
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"
START_ALL="$(now_ms)"
log "wrk -t$THREADS -c$CONNS -d$DURATION (after ${WARMUP} warm-up), $(nproc) cores"

# 1. WireMock (baseline, first round)
start_wiremock wiremock-1
WM1_START="$STARTUP_MS"; WM_URL="http://127.0.0.1:$PORT$TASKCRON"
log "wiremock up in $WM1_START ms (port $PORT)"
WM_BODY="$(curl -sf -H "X-Auth-Token: $TOKEN" "$WM_URL")"
bench wiremock-get "$WM_URL"
single wiremock "$WM_URL"
stop_server; WM_RSS="$RSS_KB"

# 2. Emulator, request log on (stderr to a file), GET taskcron + PUT refresh
start_emulator emulator
EMU_START="$STARTUP_MS"; EMU_URL="http://127.0.0.1:$PORT$TASKCRON"
log "emulator up in $EMU_START ms (port $PORT)"
EMU_BODY="$(curl -sf -H "X-Auth-Token: $TOKEN" "$EMU_URL")"
if [[ "$EMU_BODY" != "$WM_BODY" ]]; then
    log "bodies differ:"; log "emulator: $EMU_BODY"; log "wiremock: $WM_BODY"; exit 1
fi
REFRESH_BYTES="$(curl -sf -X PUT -H "X-Auth-Token: $TOKEN" -o /dev/null -w '%{size_download}' \
    "http://127.0.0.1:$PORT/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false")"
bench emulator-get "$EMU_URL"
single emulator "$EMU_URL"
bench emulator-refresh "http://127.0.0.1:$PORT/" -s "$HERE/refresh.lua"
if [[ "$HEALTH_ROW" == 1 ]]; then   # no resource work: the HTTP stack's own ceiling
    bench emulator-health "http://127.0.0.1:$PORT/health"
fi
stop_server; EMU_RSS="$RSS_KB"
EMU_LOG_LINES="$(wc -l <"$OUT/emulator.err")"
EMU_ERR_LINES="$(grep -c "WARNING\|SEVERE" "$OUT/emulator.err" || true)"

# 3. Emulator, request log off (JUL level of io.codeartscheck.emulator.requests raised to WARNING)
if [[ "$QUIET_RUN" == 1 ]]; then
    start_emulator emulator-quiet "-Djava.util.logging.config.file=$HERE/quiet-requests.properties"
    EMUQ_START="$STARTUP_MS"
    bench emulator-get-nolog "http://127.0.0.1:$PORT$TASKCRON"
    stop_server; EMUQ_RSS="$RSS_KB"
    EMUQ_LOG_LINES="$(wc -l <"$OUT/emulator-quiet.err")"
    EMUQ_ERR_LINES="$(grep -c "WARNING\|SEVERE" "$OUT/emulator-quiet.err" || true)"
fi

# 4. Emulator with TCP_NODELAY on the JDK HTTP server's sockets (off by default: Nagle + delayed ACK)
if [[ "$NODELAY_RUN" == 1 ]]; then
    start_emulator emulator-nodelay -Dsun.net.httpserver.nodelay=true
    EMUN_START="$STARTUP_MS"
    bench emulator-get-nodelay "http://127.0.0.1:$PORT$TASKCRON"
    single emulator-nodelay "http://127.0.0.1:$PORT$TASKCRON"
    stop_server; EMUN_RSS="$RSS_KB"
fi

# 5. WireMock again: the baseline is taken before and after, its mean is the divisor
start_wiremock wiremock-2
WM2_START="$STARTUP_MS"
bench wiremock-get-2 "http://127.0.0.1:$PORT$TASKCRON"
stop_server; WM2_RSS="$RSS_KB"
TOTAL_S=$(( ($(now_ms) - START_ALL) / 1000 ))
LOAD_AFTER="$(cut -d" " -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- table
field() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n {print $c}' "$OUT/rows.tsv"; }
WM_RPS="$(awk -v a="$(field wiremock-get 2)" -v b="$(field wiremock-get-2 2)" 'BEGIN {printf "%.2f", (a + b) / 2}')"
WM_P50="$(awk -v a="$(field wiremock-get 3)" -v b="$(field wiremock-get-2 3)" 'BEGIN {printf "%.2f", (a + b) / 2}')"
WM_P99="$(awk -v a="$(field wiremock-get 4)" -v b="$(field wiremock-get-2 4)" 'BEGIN {printf "%.2f", (a + b) / 2}')"

echo
echo "Loopback, wrk -t$THREADS -c$CONNS -d$DURATION after a $WARMUP warm-up per row; $(nproc) cores;"
echo "$("$JAVA" -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC'); whole run ${TOTAL_S} s;"
echo "load average (1/5/15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER."
echo "Baseline = mean of the two WireMock rows (before and after). Ratios > 1: emulator faster (req/s)"
echo "or slower (latency)."
echo
printf '| %-48s | %9s | %8s | %8s | %10s | %10s | %10s |\n' \
    "server / endpoint" "req/s" "p50 ms" "p99 ms" "req/s : WM" "p50 : WM" "p99 : WM"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..50})" "----------:" "---------:" \
    "---------:" "-----------:" "-----------:" "-----------:"
row() {
    local name="$1" label="$2"
    [[ -z "$(field "$name" 1)" ]] && return
    local rps p50 p99
    rps="$(field "$name" 2)"; p50="$(field "$name" 3)"; p99="$(field "$name" 4)"
    printf '| %-48s | %9.0f | %8.2f | %8.2f | %10s | %10s | %10s |\n' "$label" "$rps" "$p50" "$p99" \
        "$(awk -v a="$rps" -v b="$WM_RPS" 'BEGIN {printf "%.2f", a / b}')" \
        "$(awk -v a="$p50" -v b="$WM_P50" 'BEGIN {printf "%.2f", a / b}')" \
        "$(awk -v a="$p99" -v b="$WM_P99" 'BEGIN {printf "%.2f", a / b}')"
}
row wiremock-get "WireMock --no-request-journal, GET taskcron (1)"
row wiremock-get-2 "WireMock --no-request-journal, GET taskcron (2)"
row emulator-get "emulator, GET taskcron"
row emulator-get-nolog "emulator, GET taskcron, request log off"
row emulator-get-nodelay "emulator, GET taskcron, TCP_NODELAY on"
row emulator-refresh "emulator, PUT refresh async=false (${REFRESH_BYTES} B)"
row emulator-health "emulator, GET /health (no token, no resource)"
echo
printf '| %-34s | %16s | %12s |\n' "process" "startup to 200" "VmRSS after"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "-----------------:" "-------------:"
printf '| %-34s | %13s ms | %9s MB |\n' "WireMock (1) /__admin/health" "$WM1_START" "$((WM_RSS / 1024))"
printf '| %-34s | %13s ms | %9s MB |\n' "WireMock (2) /__admin/health" "$WM2_START" "$((WM2_RSS / 1024))"
printf '| %-34s | %13s ms | %9s MB |\n' "emulator /health" "$EMU_START" "$((EMU_RSS / 1024))"
if [[ "$QUIET_RUN" == 1 ]]; then
    printf '| %-34s | %13s ms | %9s MB |\n' "emulator, request log off" "$EMUQ_START" "$((EMUQ_RSS / 1024))"
fi
if [[ "$NODELAY_RUN" == 1 ]]; then
    printf '| %-34s | %13s ms | %9s MB |\n' "emulator, nodelay" "$EMUN_START" "$((EMUN_RSS / 1024))"
fi
echo
echo "One connection (wrk -t1 -c1 -d2s, GET taskcron, right after the row above on the same warm process):"
awk -F'\t' '{printf "  %-18s %8.0f req/s, p50 %6.2f ms\n", $1, $2, $3}' "$OUT/single.tsv"
echo
echo "Emulator startup : WireMock startup = $(awk -v a="$EMU_START" -v b="$WM1_START" -v c="$WM2_START" 'BEGIN {printf "%.2f", a / ((b + c) / 2)}');" \
     "emulator RSS : WireMock RSS = $(awk -v a="$EMU_RSS" -v b="$WM_RSS" -v c="$WM2_RSS" 'BEGIN {printf "%.2f", a / ((b + c) / 2)}')."
echo "Lines on the emulator's stderr: $EMU_LOG_LINES with the request log on, ${EMUQ_LOG_LINES:-n/a} with it off;"
echo "of these WARNING/SEVERE (client hung up mid-response when wrk stopped): $EMU_ERR_LINES and ${EMUQ_ERR_LINES:-n/a}."
awk -F'\t' '$5 != 0 || $6 != "" {printf "WARNING: %s had %s non-2xx responses %s\n", $1, $5, $6; bad = 1}
    END {exit bad}' "$OUT/rows.tsv" || echo "Rows above with non-2xx responses or socket errors are not comparable."
echo "Raw wrk output: bench/target/wrk-*.txt; server logs: bench/target/*.err"
