#!/usr/bin/env bash
# The README's test command, and what CI runs (.ci/run calls it). On a fresh Debian machine with the
# .NET SDK and Node.js it installs everything the tests check with: the monitoring tools at the
# versions the charts run (Debian trixie's, apt-pinned), the registry, nginx (Alertmanager's read-only door), yamllint, htpasswd, curl and
# git (the release script's tests), jq (the PR comment script's), and every tools/*/ npm folder. Then it runs the node checks and the tests (the full solution where the Pulumi
# packages restore, else the Pulumi-free filter, saying which) and fails under 80% line coverage of
# Delivery.Core. Logs stay in TestResults/ (ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
results=TestResults
logs=$results/logs

section() { printf '\n== %s\n' "$*"; }

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: installing the checking tools needs root: run this script as root, or with sudo available." >&2
    exit 2
  fi
}

# package:minimum version. The charts run Alertmanager 0.28 and Prometheus 3.4; Debian has no
# Prometheus 3, so promtool is 2.53 (trixie's; bookworm has 2.42 and Alertmanager 0.25, too old for
# msteamsv2, jira and *_file settings). What differs is said once, in docs/charts/README.md.
packages=(prometheus:2.53 promtool:2.53 prometheus-alertmanager:0.28 docker-registry:0 nginx:1.22 yamllint:0 apache2-utils:0 curl:0 git:0 jq:0)
monitoring_from_trixie=(prometheus promtool prometheus-alertmanager)

installed_at_least() {
  local version
  version=$(dpkg-query -W -f='${Version}' "$1" 2>/dev/null) || return 1
  [[ -n $version ]] && dpkg --compare-versions "$version" ge "$2"
}

section "tools"
missing=()
for entry in "${packages[@]}"; do
  installed_at_least "${entry%%:*}" "${entry#*:}" || missing+=("${entry%%:*}")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! grep -Rqs '\btrixie\b' /etc/apt/sources.list /etc/apt/sources.list.d/ && [[ $(. /etc/os-release && echo "${VERSION_CODENAME:-}") != trixie ]]; then
    # Only the monitoring packages come from trixie; everything else stays on the machine's suite.
    as_root tee /etc/apt/sources.list.d/delivery-platform-trixie.sources >/dev/null <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    as_root tee /etc/apt/preferences.d/delivery-platform-monitoring >/dev/null <<EOF
Package: *
Pin: release n=trixie
Pin-Priority: 100

Package: ${monitoring_from_trixie[*]}
Pin: release n=trixie
Pin-Priority: 990
EOF
  fi
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  for entry in "${packages[@]}"; do
    installed_at_least "${entry%%:*}" "${entry#*:}" || { echo "error: ${entry%%:*} ${entry#*:} or newer did not install." >&2; exit 1; }
  done
fi
# Debian starts these services on install; the tests run their own instances on loopback.
for service in prometheus prometheus-alertmanager docker-registry prometheus-node-exporter; do
  (command -v systemctl >/dev/null && as_root systemctl stop "$service") >/dev/null 2>&1 || true
done
echo "promtool $(promtool --version 2>&1 | awk 'NR==1{print $3}'), amtool $(amtool --version 2>&1 | awk 'NR==1{print $3}')"

rm -rf "$results"
mkdir -p "$logs"

status=0

section "node tools"
node_tools=()
for lock in tools/*/package-lock.json; do
  tool=$(dirname "$lock")
  node_tools+=("$tool")
  # npm ci only when the lock file changed since the last install; no package's install scripts run
  # (none of these needs one), as CI runs this on pull request code.
  if [[ ! -f $tool/node_modules/.package-lock.json || $lock -nt $tool/node_modules/.package-lock.json ]]; then
    npm ci --prefix "$tool" --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
done
: > "$logs/node.log"
for tool in "${node_tools[@]}"; do
  if node -e 'process.exit(require(process.argv[1]).scripts?.test ? 0 : 1)' "$(pwd)/$tool/package.json"; then
    echo "-- $tool"
    (cd "$tool" && npm test --silent) 2>&1 | tee -a "$logs/node.log" || status=1
  fi
done

section "dotnet"
if dotnet restore Infra.sln >"$logs/restore.log" 2>&1; then
  target=Infra.sln
  echo "Infra.sln restores: running the full solution (Infra.sln)."
elif missing_pulumi=$(bash tools/pulumi-restore-gap.sh "$logs/restore.log"); then
  target=Delivery.PulumiFree.slnf
  echo "The Pulumi packages are not served by this machine's NuGet source ($(paste -sd, <<<"$missing_pulumi" | sed 's/,/, /g')): running the Pulumi-free set (Delivery.PulumiFree.slnf)."
else
  echo "error: dotnet restore failed for a reason other than the Pulumi packages being unavailable (above; full log: $logs/restore.log)." >&2
  exit 1
fi
dotnet test "$target" --collect:"XPlat Code Coverage" --settings coverage.runsettings --results-directory "$results" \
  --logger "console;verbosity=minimal" 2>&1 | tee "$logs/dotnet.log" || status=1

section "code style"
# Using order, unused usings and file-scoped namespaces (.editorconfig), as the IDE would fix them.
if dotnet format style "$target" --verify-no-changes --no-restore >"$logs/format.log" 2>&1; then
  echo "dotnet format style: no change needed."
else
  cat "$logs/format.log"
  echo "error: the code style differs (above): run dotnet format style $target" >&2
  status=1
fi
# Indentation, spacing and line breaks. TierProfile keeps one row per tier, a table the formatter
# would break into one line per setting.
tables=components/Delivery.Core/Configuration/TierProfile.cs
if dotnet format whitespace "$target" --verify-no-changes --exclude "$tables" >"$logs/whitespace.log" 2>&1; then
  echo "dotnet format whitespace: no change needed."
else
  cat "$logs/whitespace.log"
  echo "error: the layout differs (above): run dotnet format whitespace $target --exclude $tables" >&2
  status=1
fi

section "coverage of Delivery.Core"
python3 - "$results" <<'PY' || status=1
import sys, glob, os, xml.etree.ElementTree as ET
covered = {}
# A line counts as covered if any test project's report covers it. Each report names files relative
# to its own <source> root (the common root of what it instrumented), so lines are keyed by full path.
for report in glob.glob(f"{sys.argv[1]}/*/coverage.cobertura.xml"):
    root = ET.parse(report).getroot()
    sources = [s.text or "" for s in root.iter("source")]
    def full_path(name):
        return next((os.path.normpath(os.path.join(s, name)) for s in sources if os.path.exists(os.path.join(s, name))), name)
    for package in root.iter("package"):
        if package.get("name") != "Delivery.Core":
            continue
        for cls in package.iter("class"):
            path = full_path(cls.get("filename"))
            for line in cls.iter("line"):
                key = (path, line.get("number"))
                covered[key] = covered.get(key, False) or int(line.get("hits")) > 0
if not covered:
    sys.exit("no coverage report for Delivery.Core")
rate = 100 * sum(covered.values()) / len(covered)
print(f"Delivery.Core line coverage: {rate:.1f}% of {len(covered)} lines (minimum 80%)")
sys.exit(0 if rate >= 80 else 1)
PY

# One closing line over both runners: the dotnet per-project summaries and node's totals.
python3 - "$logs" <<'PY'
import re, sys
dotnet = open(f"{sys.argv[1]}/dotnet.log").read()
node = open(f"{sys.argv[1]}/node.log").read()
passed = sum(int(n) for n in re.findall(r"Passed:\s+(\d+)", dotnet)) + sum(int(n) for n in re.findall(r"^# pass (\d+)", node, re.M))
failed = sum(int(n) for n in re.findall(r"Failed:\s+(\d+)", dotnet)) + sum(int(n) for n in re.findall(r"^# fail (\d+)", node, re.M))
print(f"tests: {passed} passed, {failed} failed")
PY
exit $status
