#!/usr/bin/env bash
# Reads a failed `dotnet restore` log (argument 1) and tells whether the only failures are the
# Pulumi packages not being served by this machine's NuGet source (exit 0, printing each missing
# package), or anything else (exit 1, printing those errors): only the first may fall back to the
# Pulumi-free solution filter.
set -euo pipefail
pulumi_packages='Pulumi(\.Kubernetes|\.Docker|\.Random)?'
pulumi_missing="error NU110[123]: Unable to find (a stable )?package ${pulumi_packages}[ .]"
errors=$(grep -E 'error [A-Z]+[0-9]+' "$1" | sort -u || true)
if [[ -z $errors ]]; then
  echo "restore failed with no error code:" >&2
  tail -20 "$1" >&2
  exit 1
fi
others=$(grep -vE "$pulumi_missing" <<<"$errors" || true)
if [[ -n $others ]]; then
  printf '%s\n' "$others" >&2
  exit 1
fi
grep -oE "package ${pulumi_packages}[ .]" <<<"$errors" | sed -E 's/^package //; s/[ .]$//' | sort -u
