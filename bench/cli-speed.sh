#!/usr/bin/env bash
# CLI speed, side by side: runs each deliver command on each build N times, interleaved (so a load
# spike on this shared machine hits every build alike), and prints min/median/max wall time per
# command per build, and whether each build answered the same (output and exit code) as the first.
#   bench/cli-speed.sh [--runs N] [--ref REF] [LABEL=BINARY ...]
# --ref REF also builds REF's JIT build (git archive + dotnet build, cached in /tmp) as a build to
# compare with; with no LABEL=BINARY, the current build is ./deliver's (built by it if stale).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=7
builds=()
explicit=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --ref)
      sha=$(git -C "$root" rev-parse --short "$2")
      cache="/tmp/deliver-speed-$sha"
      if [[ ! -x $cache/bin/deliver ]]; then
        echo "building $2 ($sha, JIT) into $cache…" >&2
        rm -rf "$cache" && mkdir -p "$cache/src"
        git -C "$root" archive "$sha" | tar -x -C "$cache/src"
        dotnet build "$cache/src/cli/Deliver/Deliver.csproj" -c Release -o "$cache/bin" --nologo -v quiet >&2
      fi
      builds+=("$2 (JIT)=$cache/bin/deliver"); shift 2 ;;
    *=*) builds+=("$1"); explicit=true; shift ;;
    *) echo "error: unknown argument '$1' (usage: bench/cli-speed.sh [--runs N] [--ref REF] [LABEL=BINARY ...])" >&2; exit 2 ;;
  esac
done
if ! $explicit; then
  "$root/deliver" --version >/dev/null
  builds=("./deliver=$root/.deliver/deliver" "${builds[@]}")
fi

# The committed stacks: status, check and every release step (dry run; a refused one still loads,
# judges and reads the git history, which is the work being timed).
commands=(
  "status --stack prod"
  "check --all"
  "promote web 2.4.2 --stack dev --dry-run"
  "canary web 20 --stack staging --dry-run"
  "switch web --stack staging --dry-run"
  "rollback api --stack staging --dry-run"
)

millis() { awk '{ printf "%.1f", $1 / 1000000 }' <<<"$1"; }
echo "machine: $(nproc) cores; load: $(uptime | sed 's/.*load average: //'); $runs runs each, after one warm-up run"
printf '%-42s %-24s %9s %9s %9s  %s\n' command build min_ms median_ms max_ms answer
cd "$root"
for command in "${commands[@]}"; do
  read -ra args <<<"$command"
  declare -A times=() answers=()
  for build in "${builds[@]}"; do
    binary=${build#*=}
    answers[$build]=$( { "$binary" "${args[@]}" 2>&1; echo "exit $?"; } | sha256sum)
  done
  for ((run = 0; run < runs; run++)); do
    for build in "${builds[@]}"; do
      binary=${build#*=}
      start=$(date +%s%N)
      "$binary" "${args[@]}" >/dev/null 2>&1 || true
      times[$build]+="$(( $(date +%s%N) - start )) "
    done
  done
  first=${builds[0]}
  for build in "${builds[@]}"; do
    mapfile -t sorted < <(tr ' ' '\n' <<<"${times[$build]}" | grep . | sort -n)
    answer=$([[ ${answers[$build]} == "${answers[$first]}" ]] && echo same || echo DIFFERS)
    printf '%-42s %-24s %9s %9s %9s  %s\n' "$command" "${build%%=*}" "$(millis "${sorted[0]}")" \
      "$(millis "${sorted[$(( ${#sorted[@]} / 2 ))]}")" "$(millis "${sorted[-1]}")" "$answer"
  done
  unset times answers
done
