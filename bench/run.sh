#!/usr/bin/env bash
# Loopback throughput/latency of the emulator against WireMock standalone and Prism, in one run.
#
#   bench/run.sh                                   # from anywhere; ~10 minutes with the defaults
#   BENCH_ROUNDS=1 BENCH_DURATION=3s BENCH_WARMUP=5s bench/run.sh    # a quick look
#
# Env (defaults): BENCH_DURATION (5s per measurement), BENCH_WARMUP (15s per server and endpoint,
#   before the first round), BENCH_ROUNDS (3), BENCH_CONNECTIONS ("1 32 128"),
#   BENCH_ENDPOINTS ("taskcron badge refresh"), BENCH_SERVERS ("emulator wiremock prism"),
#   BENCH_PIN (1: servers on CPU 0, wrk on CPU 1, so that the load generator does not take the
#   servers' core; 0: no pinning), JAVA (java).
#
# Like with like: all three servers answer the same three requests with the same bodies (WireMock's
# stubs are the emulator's own answers, fetched at start; Prism answers the spec's examples), each
# started as a user starts it: the emulator jar with its request log on, WireMock with its request
# journal (its default), Prism's mock with its request log. Rounds interleave the servers (the order
# rotates every round) and the table shows the median of the rounds.
# Installs wrk (apt-get), the WireMock jar (Maven) and Prism (npm, under bench/target) if missing;
# builds the emulator jar if missing.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$HERE/target"
DURATION="${BENCH_DURATION:-5s}"
WARMUP="${BENCH_WARMUP:-15s}"
ROUNDS="${BENCH_ROUNDS:-3}"
CONNECTIONS="${BENCH_CONNECTIONS:-1 32 128}"
ENDPOINTS="${BENCH_ENDPOINTS:-taskcron badge refresh}"
SERVERS="${BENCH_SERVERS:-emulator wiremock prism}"
PIN="${BENCH_PIN:-1}"
JAVA="${JAVA:-java}"
WIREMOCK_VERSION=3.13.2
PRISM_VERSION=5.14.2
WIREMOCK_JAR="$OUT/wiremock-standalone-$WIREMOCK_VERSION.jar"
PRISM="$OUT/prism/node_modules/.bin/prism"
EMULATOR_JAR="$ROOT/emulator/target/codearts-check-emulator.jar"
SPEC="$ROOT/openapi/src/main/openapi/codearts-check.yaml"
TOKEN=bench

declare -A PATHS=(
    [taskcron]="/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron"
    [badge]="/v4/task/aexxxx86/code-health-svg"
    [refresh]="/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false"
)
declare -A METHODS=([taskcron]=GET [badge]=GET [refresh]=PUT)

SERVER_CPU=(); WRK_CPU=()
if [[ "$PIN" == 1 ]] && (( $(nproc) >= 2 )) && command -v taskset >/dev/null 2>&1; then
    SERVER_CPU=(taskset -c 0); WRK_CPU=(taskset -c 1)
else
    PIN=0
fi

mkdir -p "$OUT"
log() { printf '[bench] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- prerequisites
if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk (apt-get)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [[ " $SERVERS " == *" wiremock "* && ! -f "$WIREMOCK_JAR" ]]; then
    log "fetching wiremock-standalone $WIREMOCK_VERSION"
    (cd "$ROOT" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory="$OUT" >&2)
fi
if [[ " $SERVERS " == *" prism "* && ! -x "$PRISM" ]]; then
    log "installing @stoplight/prism-cli $PRISM_VERSION (npm)"
    npm install --silent --no-audit --no-fund --prefix "$OUT/prism" "@stoplight/prism-cli@$PRISM_VERSION" >&2
fi
if [[ ! -f "$EMULATOR_JAR" ]]; then
    log "emulator jar missing: building (mvn -B -q install -DskipTests)"
    (cd "$ROOT" && mvn -B -q install -DskipTests >&2)
fi

# ---------------------------------------------------------------- processes
PIDS=()
cleanup() {
    for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && wait "$p" 2>/dev/null || true; done
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
# wait_up URL START_MS -> ms from START_MS until URL answers anything below 500 (60 s limit)
wait_up() {
    local url="$1" start="$2" deadline=$(( $2 + 60000 )) code
    while (( $(now_ms) < deadline )); do
        code="$(curl -s -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $TOKEN" "$url" 2>/dev/null || true)"
        if [[ "$code" =~ ^[1-4][0-9][0-9]$ ]]; then echo $(( $(now_ms) - start )); return 0; fi
        sleep 0.05
    done
    echo "no answer from $url within 60 s" >&2; return 1
}
fetch() { # fetch BASE ENDPOINT -> body
    curl -sf -X "${METHODS[$2]}" -H "X-Auth-Token: $TOKEN" "$1${PATHS[$2]}"
}

declare -A BASE STARTUP PID
start_emulator() {
    local port t0; port="$(free_port)"; t0="$(now_ms)"
    "${SERVER_CPU[@]}" "$JAVA" -jar "$EMULATOR_JAR" --port "$port" >"$OUT/emulator.out" 2>"$OUT/emulator.err" &
    PIDS+=($!); PID[emulator]=$!; BASE[emulator]="http://127.0.0.1:$port"
    STARTUP[emulator]="$(wait_up "${BASE[emulator]}/health" "$t0")"
}
start_wiremock() {
    local port t0 root="$OUT/wiremock-root"
    rm -rf "$root"; mkdir -p "$root/mappings" "$root/__files"
    for e in $ENDPOINTS; do # stubs answering exactly what the emulator answers
        python3 - "$e" "${METHODS[$e]}" "${PATHS[$e]}" "$OUT/body-$e" "$OUT/type-$e" "$root/mappings/$e.json" <<'PY'
import json, sys
name, method, path, body_file, type_file, out = sys.argv[1:]
url_path, _, query = path.partition("?")
request = {"method": method, "urlPath": url_path, "headers": {"X-Auth-Token": {"matches": ".+"}}}
if query:
    request["queryParameters"] = {k: {"equalTo": v} for k, _, v in (p.partition("=") for p in query.split("&"))}
body = open(body_file, encoding="utf-8").read()
ctype = open(type_file).read().strip()
json.dump({"request": request, "response": {"status": 200, "headers": {"Content-Type": ctype}, "body": body}},
          open(out, "w"))
PY
    done
    port="$(free_port)"; t0="$(now_ms)"
    "${SERVER_CPU[@]}" "$JAVA" -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$port" --disable-banner --root-dir "$root" \
        >"$OUT/wiremock.out" 2>"$OUT/wiremock.err" &
    PIDS+=($!); PID[wiremock]=$!; BASE[wiremock]="http://127.0.0.1:$port"
    STARTUP[wiremock]="$(wait_up "${BASE[wiremock]}/__admin/health" "$t0")"
}
start_prism() {
    local port t0; port="$(free_port)"; t0="$(now_ms)"
    "${SERVER_CPU[@]}" "$PRISM" mock -h 127.0.0.1 -p "$port" "$SPEC" >"$OUT/prism.out" 2>"$OUT/prism.err" &
    PIDS+=($!); PID[prism]=$!; BASE[prism]="http://127.0.0.1:$port"
    STARTUP[prism]="$(wait_up "${BASE[prism]}${PATHS[taskcron]}" "$t0")"
}

server_pid() { echo "${PID[$1]}"; }
to_ms() { # "1.23ms" | "845.00us" | "1.02s" -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
        printf "%.2f", n }'
}
# cpu_ticks PID -> user + system CPU time of the process, its threads and its children (Prism forks
# its HTTP server), in clock ticks
cpu_ticks() {
    local total=0 p t
    for p in "$1" $(pgrep -P "$1" || true); do
        for t in /proc/"$p"/task/*/stat; do
            total=$(( total + $(awk '{print $14 + $15}' "$t" 2>/dev/null || echo 0) ))
        done
    done
    echo "$total"
}
# measure SERVER ENDPOINT CONNS ROUND -> appends "server endpoint conns round rps p50 p99 non2xx errors cpu_us"
measure() {
    local s="$1" e="$2" c="$3" r="$4" f="$OUT/wrk-$1-$2-c$3-r$4.txt" t=2
    (( c < 2 )) && t=1
    local lua=(); [[ "${METHODS[$e]}" == PUT ]] && lua=(-s "$HERE/put.lua")
    local pid; pid="$(server_pid "$s")"
    local before; before="$(cpu_ticks "$pid")"
    "${WRK_CPU[@]}" wrk -t"$t" -c"$c" -d"$DURATION" --latency -H "X-Auth-Token: $TOKEN" "${lua[@]}" "${BASE[$s]}${PATHS[$e]}" >"$f"
    local after; after="$(cpu_ticks "$pid")"
    local rps p50 p99 non2xx errs cpu total
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$f")"
    p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$f")")"
    p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$f")")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$f")"
    errs="$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$f")"
    total="$(awk '/requests in/ {print $1}' "$f")"
    cpu="$(awk -v t=$(( after - before )) -v hz="$(getconf CLK_TCK)" -v n="$total" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$e" "$c" "$r" "$rps" "$p50" "$p99" "${non2xx:-0}" \
        "${errs:-0}" "$cpu" >>"$OUT/results.tsv"
    log "round $r $s $e c=$c: $rps req/s, p50 $p50 ms, p99 $p99 ms, $cpu us CPU/request${non2xx:+, non-2xx $non2xx}${errs:+, socket errors $errs}"
}

# ---------------------------------------------------------------- run
: >"$OUT/results.tsv"
LOAD_BEFORE="$(cut -d" " -f1-3 /proc/loadavg)"
START_ALL="$(now_ms)"
start_emulator
for e in $ENDPOINTS; do
    fetch "${BASE[emulator]}" "$e" >"$OUT/body-$e"
    curl -s -o /dev/null -w '%{content_type}' -X "${METHODS[$e]}" -H "X-Auth-Token: $TOKEN" \
        "${BASE[emulator]}${PATHS[$e]}" >"$OUT/type-$e"
done
[[ " $SERVERS " == *" wiremock "* ]] && start_wiremock
[[ " $SERVERS " == *" prism "* ]] && start_prism
for s in $SERVERS; do
    log "$s up in ${STARTUP[$s]} ms at ${BASE[$s]}"
    for e in $ENDPOINTS; do
        got="$(fetch "${BASE[$s]}" "$e" | wc -c)"
        log "  $e: ${METHODS[$e]} answers $got bytes (emulator: $(wc -c <"$OUT/body-$e"))"
        if [[ "$s" == wiremock ]] && ! cmp -s <(fetch "${BASE[$s]}" "$e") "$OUT/body-$e"; then
            log "WireMock's $e body differs from the emulator's"; exit 1
        fi
        "${WRK_CPU[@]}" wrk -t2 -c32 -d"$WARMUP" -H "X-Auth-Token: $TOKEN" \
            $([[ "${METHODS[$e]}" == PUT ]] && echo "-s $HERE/put.lua") "${BASE[$s]}${PATHS[$e]}" >/dev/null
    done
done
read -r -a ORDER <<<"$SERVERS"
for r in $(seq 1 "$ROUNDS"); do
    for e in $ENDPOINTS; do
        for c in $CONNECTIONS; do
            for i in "${!ORDER[@]}"; do
                measure "${ORDER[$(( (i + r - 1) % ${#ORDER[@]} ))]}" "$e" "$c" "$r"
            done
        done
    done
done
TOTAL_S=$(( ($(now_ms) - START_ALL) / 1000 ))
LOAD_AFTER="$(cut -d" " -f1-3 /proc/loadavg)"
EMU_LINES="$(wc -l <"$OUT/emulator.err")"
EMU_WARN="$(grep -c "WARNING\|SEVERE" "$OUT/emulator.err" || true)"

# ---------------------------------------------------------------- table of medians
echo
echo "Loopback, $(nproc) cores$([[ "$PIN" == 1 ]] && echo ", servers pinned to CPU 0 and wrk to CPU 1 (taskset)"); wrk ${DURATION} per measurement (-t1 at 1 connection, -t2 otherwise), median of"
echo "$ROUNDS interleaved rounds, after ${WARMUP} of warm-up per server and endpoint; whole run ${TOTAL_S} s."
echo "$("$JAVA" -version 2>&1 | head -1); node $(node --version 2>/dev/null); $(date -u '+%Y-%m-%d %H:%M UTC');"
echo "load average (1/5/15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER."
echo "Servers as a user starts them: emulator (java -jar, request log on, to a file), WireMock $WIREMOCK_VERSION"
echo "standalone (request journal on), Prism $PRISM_VERSION mock (request log on). Startup to first answer (ms):"
echo "$(for s in $SERVERS; do printf '%s %s; ' "$s" "${STARTUP[$s]}"; done)"
echo
python3 - "$OUT/results.tsv" "$SERVERS" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
servers = sys.argv[2].split()
data = {}
for s, e, c, r, rps, p50, p99, non2xx, errs, cpu in rows:
    d = data.setdefault((e, int(c)), {}).setdefault(s, {"rps": [], "p50": [], "p99": [], "cpu": [], "bad": 0})
    d["rps"].append(float(rps)); d["p50"].append(float(p50)); d["p99"].append(float(p99)); d["cpu"].append(float(cpu))
    d["bad"] += int(non2xx or 0) + int(errs or 0)
head = "| endpoint | conns | " + " | ".join(f"{s} req/s | {s} p50 / p99 ms | {s} CPU us/req" for s in servers)
ratios = [s for s in servers if s != "emulator"] if "emulator" in servers else []
head += "".join(f" | emulator : {s}" for s in ratios) + " |"
print(head)
print("|" + "---|" * (2 + 3 * len(servers) + len(ratios)))
bad = []
for (e, c) in sorted(data, key=lambda k: (["taskcron", "badge", "refresh"].index(k[0]) if k[0] in ["taskcron", "badge", "refresh"] else 9, k[1])):
    d = data[(e, c)]
    med = {s: {k: statistics.median(v[k]) for k in ("rps", "p50", "p99", "cpu")} for s, v in d.items()}
    cells = []
    for s in servers:
        if s in med:
            cells += [f"{med[s]['rps']:.0f}", f"{med[s]['p50']:.2f} / {med[s]['p99']:.2f}", f"{med[s]['cpu']:.0f}"]
        else:
            cells += ["-", "-", "-"]
        if s in d and d[s]["bad"]:
            bad.append(f"{s} {e} c={c}: {d[s]['bad']} non-2xx responses or socket errors")
    for s in ratios:
        cells.append(f"{med['emulator']['rps'] / med[s]['rps']:.1f}x" if s in med and "emulator" in med else "-")
    print(f"| {e} | {c} | " + " | ".join(cells) + " |")
print()
for b in bad:
    print("NOTE: " + b)
print("req/s, p50, p99: wrk; CPU us/req: the server process's user+system CPU time during the measurement")
print("divided by the requests wrk completed (lower is better; independent of what else runs on the machine).")
PY
echo "Emulator log: $EMU_LINES lines on stderr (one per request), of which WARNING/SEVERE: $EMU_WARN."
echo "Raw wrk output: bench/target/wrk-*.txt; all rounds: bench/target/results.tsv; server logs: bench/target/*.err, *.out"
