#!/usr/bin/env bash
# Benchmark of the release gates: how long `deliver verify` and `deliver gate` take, end to end (a
# fresh process each, as the release script runs them), against a real Prometheus and Alertmanager
# on loopback. Prometheus scrapes a small generator of OTel HTTP metrics (api: blue live, green
# candidate) every second. Prints min / median / max of RUNS runs per case. A measurement, not a test.
# Usage: bench/gates.sh [RUNS]   (needs prometheus, prometheus-alertmanager, python3, git, dotnet)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() { for _ in $(seq 1 120); do curl -fsS -o /dev/null "$1" 2>/dev/null && return; sleep 0.5; done; echo "error: $1 not ready" >&2; exit 2; }

dotnet build "$root/cli/Deliver/Deliver.csproj" -c Release -o "$work/deliver" --nologo -v quiet >/dev/null
deliver=(dotnet "$work/deliver/deliver.dll")

metrics=$(free_port) prometheus=$(free_port) alertmanager=$(free_port)
python3 - "$metrics" >/dev/null 2>&1 <<'PY' &
import http.server, sys, time
start = time.time()
def body(slot):
    n = 20 * (time.time() - start)
    lines = []
    for code, share in (("200", 0.999), ("500", 0.001)):
        labels = f'http_request_method="GET",http_response_status_code="{code}"'
        count = int(n * share)
        for le in ("0.025", "0.05", "0.1", "+Inf"):
            lines.append(f'http_server_request_duration_seconds_bucket{{{labels},le="{le}"}} {0 if le == "0.025" else count}')
        lines.append(f"http_server_request_duration_seconds_count{{{labels}}} {count}")
        lines.append(f"http_server_request_duration_seconds_sum{{{labels}}} {count * 0.04}")
    return ("\n".join(lines) + "\n").encode()
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        data = body(self.path.rsplit("/", 1)[-1])
        self.send_response(200); self.send_header("Content-Type", "text/plain"); self.end_headers(); self.wfile.write(data)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
pids+=($!)

cat >"$work/prometheus.yml" <<YAML
global: {scrape_interval: 1s, scrape_timeout: 1s}
scrape_configs:
  - job_name: api
    static_configs:
      - {targets: ["127.0.0.1:$metrics"], labels: {namespace: apps, delivery_platform_slot: blue, __metrics_path__: /metrics/blue}}
      - {targets: ["127.0.0.1:$metrics"], labels: {namespace: apps, delivery_platform_slot: green, __metrics_path__: /metrics/green}}
YAML
printf 'route: {receiver: "null"}\nreceivers: [{name: "null"}]\n' >"$work/alertmanager.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom" --web.listen-address="127.0.0.1:$prometheus" >"$work/prometheus.log" 2>&1 &
pids+=($!)
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/am" --web.listen-address="127.0.0.1:$alertmanager" --cluster.listen-address= >"$work/alertmanager.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$prometheus/-/ready"
wait_ready "http://127.0.0.1:$alertmanager/-/ready"
# The always-firing Watchdog of a live alert pipeline: without it the gate refuses every release.
curl -fsS -o /dev/null -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$alertmanager/api/v2/alerts" \
  -d "[{\"labels\":{\"alertname\":\"Watchdog\",\"severity\":\"none\"},\"endsAt\":\"$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)\"}]"

# A project whose last commit stages api 1.1.0 in green (a release) and whose branch "rolled" goes back.
project="$work/project"
mkdir -p "$project/stacks" && cp "$root/Pulumi.yaml" "$project/"
stack() {
  cat >"$project/stacks/Pulumi.bench.yaml" <<YAML
config:
  delivery-platform:environment: local
  delivery-platform:cluster: {mode: k3s-docker}
  delivery-platform:registry: {mode: docker}
  delivery-platform:apps:
    api:
      image: shop/api
      blue: 1.0.0
      green: $1
      live: $2
YAML
}
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@invalid
git -C "$project" init -q -b main
stack 1.1.0 blue && git -C "$project" add -A && git -C "$project" commit -qm staged
stack 1.1.0 green && git -C "$project" commit -qam switch
stack 1.1.0 blue && git -C "$project" commit -qam rollback
git -C "$project" checkout -q HEAD~1 # "switch": a release against HEAD~1

echo "waiting 12s for a 10s window of scrapes..."
sleep 12

time_case() {
  local name=$1 expect=$2
  shift 2
  local times=() code
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    code=0
    (cd "$project" && "${deliver[@]}" "$@" >/dev/null 2>&1) || code=$?
    end=$(date +%s%N)
    [[ $code == "$expect" ]] || { echo "error: $name exited $code, expected $expect" >&2; exit 1; }
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v runs="$runs" '
    { t[NR] = $1 } END { printf "%-44s %6d %8d %6d  (%d runs)\n", name, t[1], t[int((NR + 1) / 2)], t[NR], runs }'
}

prom="http://127.0.0.1:$prometheus" am="http://127.0.0.1:$alertmanager"
printf '%-44s %6s %8s %6s\n' "case (wall ms, one deliver process each)" min median max
time_case "verify idle (4 checks, 5 queries): pass" 0 verify api --stack bench --prometheus "$prom" --window 10s --slot idle
time_case "verify live (3 checks, 3 queries): pass" 0 verify api --stack bench --prometheus "$prom" --window 10s --slot live
time_case "gate: release, nothing firing, budgets" 0 gate --stack bench --alertmanager "$am" --prometheus "$prom"
curl -fsS -o /dev/null -H 'Content-Type: application/json' -X POST "$am/api/v2/alerts" \
  -d '[{"labels":{"alertname":"AppErrorBudgetFastBurn","severity":"critical","app":"api"},"annotations":{"summary":"api burns"}}]'
time_case "gate: release, one critical alert firing" 1 gate --stack bench --alertmanager "$am" --prometheus "$prom"
git -C "$project" checkout -q main
time_case "gate: rollback (passes without querying)" 0 gate --stack bench --alertmanager "$am" --prometheus "$prom"
time_case "deliver --help (process start, for scale)" 0 --help
