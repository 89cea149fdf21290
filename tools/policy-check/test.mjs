// Run with: node --test   (from tools/policy-check, after npm ci)
// Runs scan-render.mjs as a child process, as the release workflows do, on small render folders.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { isAccepted } from "./scan-render.mjs";

const SCRIPT = fileURLToPath(new URL("./scan-render.mjs", import.meta.url));

function run(...args) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

const namespace = (name, level) => `---
apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    pod-security.kubernetes.io/enforce: ${level}
`;

const jobTemplate = `---
apiVersion: v1
kind: ConfigMap
metadata:
  name: github-runner-job-template
  namespace: ci
data:
  job.yaml: |
    spec:
      containers:
        - name: $job
          securityContext:
            runAsUser: 0
`;

const deployment = (privileged) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: apps
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:1.0.0
          securityContext:
            privileged: ${privileged}
`;

/** A deliver render --out folder: component files, secrets/ descriptions, charts/. */
function renderFolder(files) {
  const dir = mkdtempSync(join(tmpdir(), "render-"));
  mkdirSync(join(dir, "secrets"));
  mkdirSync(join(dir, "charts"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test("a privileged container in a restricted namespace fails the scan, with the rule in the markdown summary", () => {
  const dir = renderFolder({ "cluster.yaml": namespace("apps", "restricted"), "app-api.yaml": deployment(true) });
  const r = run(dir, "--markdown");
  assert.equal(r.code, 1, r.out + r.err);
  assert.match(r.out, /^\*\*IaC scan failed\*\*/);
  assert.match(r.out, /\| \*\*error\*\* \| PSS\d+ pod-security-standards\/privileged-containers \| `Deployment\/apps\/api` \|/);
});

test("the embedded job template is scanned as a Pod and its accepted warnings do not fail", () => {
  const dir = renderFolder({ "cluster.yaml": namespace("ci", "baseline"), "ci.yaml": jobTemplate });
  const r = run(dir);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /^accepted warning PSS203 pod-security-standards\/running-as-non-root Pod\/ci\/github-job-template /m);
  assert.match(r.out, /^policy-check: 3 objects, \d+ rules, 0 errors, \d+ warnings not accepted, [1-9]\d* accepted/m);
});

test("a Secret the shell creates is a stand-in, so a reference to it is no missing link", () => {
  const withSecret = (described) => {
    const dir = renderFolder({
      "cluster.yaml": namespace("apps", "restricted"),
      "app-api.yaml": deployment(false).replace("      containers:", "      imagePullSecrets:\n        - name: registry-pull\n      containers:"),
    });
    if (described) writeFileSync(join(dir, "secrets", "apps-registry-pull.yaml"), "---\nsecret: apps/registry-pull\ntype: kubernetes.io/dockerconfigjson\nkeys: {}\n");
    return run(dir).out;
  };
  const missing = /^warning LNK001 resource-links\/no-missing-links Deployment\/apps\/api .*Unsatisfied resource link/m;
  assert.match(withSecret(false), missing);
  assert.doesNotMatch(withSecret(true), missing);
});

test("an empty folder is a failure, not a pass; a missing one is bad usage", () => {
  assert.equal(run(renderFolder({})).code, 1);
  assert.equal(run(join(tmpdir(), "no-such-render-folder")).code, 2);
});

test("* in an accepted object stands for exactly one name or namespace", () => {
  const list = [{ rule: "LNK001 resource-links/no-missing-links", object: "NetworkPolicy/*/*" }];
  assert.ok(isAccepted({ rule: "LNK001 resource-links/no-missing-links", object: "NetworkPolicy/ci/allow-dns" }, list));
  assert.ok(!isAccepted({ rule: "LNK001 resource-links/no-missing-links", object: "NetworkPolicy/ci" }, list));
  assert.ok(!isAccepted({ rule: "KBP102 practices/no-writable-fs", object: "NetworkPolicy/ci/allow-dns" }, list));
});

test("accepted.json is the one list: every entry has a reason, and the C# scan tests match through this tool instead of their own", () => {
  const { accepted } = JSON.parse(readFileSync(new URL("./accepted.json", import.meta.url), "utf8"));
  assert.ok(accepted.length > 0);
  for (const entry of accepted) assert.ok(entry.rule && entry.object && entry.reason, JSON.stringify(entry));
  const csharp = readFileSync(new URL("../../tests/Delivery.Core.Tests/Security/PolicyScanTests.cs", import.meta.url), "utf8");
  assert.match(csharp, /"accepted\.json"/);
  assert.doesNotMatch(csharp, /\("[A-Z]{3}\d{3} [a-z-]+\/[a-z-]+", "/, "PolicyScanTests lists accepted warnings of its own again");
  assert.doesNotMatch(csharp, /Regex/, "PolicyScanTests matches accepted warnings itself again (acceptedAs does)");
  const security = readFileSync(new URL("../../docs/SECURITY.md", import.meta.url), "utf8");
  for (const entry of accepted) assert.ok(security.includes(entry.rule.split(" ")[0]), `${entry.rule} is not justified in docs/SECURITY.md`);
});

// .ci/release-scan with a stand-in deliver: the IaC scan gates, the images and severity are handed on.
function releaseScan(stackArg, stacks, { env = { RELEASE_AGAINST: "HEAD~1" }, pulumi = null } = {}) {
  const work = mkdtempSync(join(tmpdir(), "release-scan-"));
  mkdirSync(join(work, "stacks"));
  for (const stack of stacks) writeFileSync(join(work, "stacks", `Pulumi.${stack}.yaml`), "config: {}\n");
  writeFileSync(join(work, "privileged.yaml"), namespace("apps", "restricted") + deployment(true));
  writeFileSync(join(work, "fine.yaml"), namespace("apps", "baseline") + deployment(false));
  const deliver = join(work, "deliver");
  writeFileSync(deliver, `#!/bin/sh
echo "$*" >> "${work}/calls"
case "$1 $*" in
  *--severity*) echo HIGH,CRITICAL ;;
  images*) echo "r.example.com/shop/$3:1.0.0" ;;
  render*) mkdir -p "$5"; case $3 in bad) cp "${work}/privileged.yaml" "$5/app.yaml" ;; *) cp "${work}/fine.yaml" "$5/app.yaml" ;; esac ;;
esac
`);
  chmodSync(deliver, 0o755);
  // A stand-in pulumi (or none: an empty bin folder first on PATH hides no real one, as none is installed here).
  const bin = join(work, "bin");
  mkdirSync(bin);
  if (pulumi !== null) {
    writeFileSync(join(bin, "pulumi"), `#!/bin/sh\necho "pulumi $*" >> "${work}/calls"\n${pulumi}\n`);
    chmodSync(join(bin, "pulumi"), 0o755);
  }
  const script = fileURLToPath(new URL("../../.ci/release-scan", import.meta.url));
  const r = spawnSync("bash", [script, stackArg], { cwd: work, encoding: "utf8", env: { PATH: `${bin}:${process.env.PATH}`, DELIVER: deliver, ...env } });
  const read = (path) => readFileSync(join(work, path), "utf8");
  return { code: r.status, out: r.stdout + r.stderr, read };
}

test(".ci/release-scan hands the images and severity on, and an IaC error stops the deploy", () => {
  const good = releaseScan("dev", ["dev"]);
  assert.equal(good.code, 0, good.out);
  assert.equal(good.read(".release-scan/images"), "r.example.com/shop/dev:1.0.0\n");
  assert.equal(good.read(".release-scan/severity"), "HIGH,CRITICAL\n");
  assert.match(good.read(".release-scan/summary.md"), /^### IaC scan of dev\n\n\*\*IaC scan passed\*\*/);
  assert.match(good.read(".release-scan/summary.md"), /### Images of dev to scan \(against HEAD~1, failing on HIGH,CRITICAL\)\n\n- `r\.example\.com\/shop\/dev:1\.0\.0`/);
  const bad = releaseScan("bad", ["bad"]);
  assert.equal(bad.code, 1, bad.out);
  assert.match(bad.read(".release-scan/summary.md"), /\*\*IaC scan failed\*\*[\s\S]*\*\*Refused:\*\* the IaC scan of bad found errors/);
});

test(".ci/release-scan judges the images against the releaseState pulumi up last applied, like .ci/release-stack", () => {
  const state = JSON.stringify(JSON.stringify({ apps: {} }));
  const deployed = releaseScan("dev", ["dev"], { env: { PULUMI_STACK: "acme/dev" }, pulumi: `echo '${state}'` });
  assert.equal(deployed.code, 0, deployed.out);
  const calls = deployed.read("calls");
  assert.match(calls, /^pulumi stack output releaseState --json --stack acme\/dev$/m);
  assert.match(calls, /^images --stack dev --changed-against \.release-scan\/releaseState\.json$/m);
  assert.equal(deployed.read(".release-scan/releaseState.json"), `${state}\n`);
  assert.match(deployed.read(".release-scan/summary.md"), /### Images of dev to scan \(against the releaseState pulumi up last applied, /);
  assert.doesNotMatch(deployed.read(".release-scan/summary.md"), /Warning/);
});

test(".ci/release-scan falls back to HEAD~1 only with a warning when the stack has no releaseState output", () => {
  // A push that created the branch has an all-zero "before": no revision, so the deployed state is asked for.
  const none = releaseScan("dev", ["dev"], { env: { RELEASE_AGAINST: "0".repeat(40) }, pulumi: `echo "error: current stack does not have output property 'releaseState'" >&2; exit 255` });
  assert.equal(none.code, 0, none.out);
  assert.match(none.out, /\*\*Warning:\*\* dev has no releaseState output \(or pulumi cannot read it\): the images are judged against HEAD~1, not the deployed state\./);
  assert.match(none.read(".release-scan/summary.md"), /\*\*Warning:\*\* dev has no releaseState output[\s\S]*### Images of dev to scan \(against HEAD~1, /);
  const revision = releaseScan("dev", ["dev"], { env: { RELEASE_AGAINST: "origin/main" }, pulumi: "exit 99" });
  assert.doesNotMatch(revision.read("calls"), /^pulumi /m, "an explicit RELEASE_AGAINST (a PR's base) asks pulumi nothing");
  assert.match(revision.read(".release-scan/summary.md"), /\(against origin\/main, /);
});

test(".ci/release-scan --all scans every stack into its own folder and fails if any one fails", () => {
  const all = releaseScan("--all", ["bad", "dev"]);
  assert.equal(all.code, 1, all.out);
  assert.match(all.read(".release-scan/dev/summary.md"), /IaC scan passed/);
  assert.match(all.read(".release-scan/bad/summary.md"), /IaC scan failed/);
});

test("the embedded templates are found under the names the core renders them with", async () => {
  const { JOB_TEMPLATES, RUNNER_TEMPLATES } = await import("./scan-render.mjs");
  const runners = readFileSync(new URL("../../components/Delivery.Core/Ci/GitHubRunners.cs", import.meta.url), "utf8");
  const [job, releaseJob] = Object.keys(JOB_TEMPLATES);
  const [scaleSet, releaseScaleSet] = Object.keys(RUNNER_TEMPLATES);
  assert.match(runners, new RegExp(` JobTemplateConfigMap = "${job}";`));
  assert.match(runners, new RegExp(`ReleaseJobTemplateConfigMap = "${releaseJob}";`));
  assert.match(runners, new RegExp(` ScaleSetRelease = "${scaleSet}";`));
  assert.match(runners, new RegExp(`ReleaseScaleSetRelease = "${releaseScaleSet}";`));
});

test("--json gives every finding with the accepted.json pattern it matched, for the C# tests", () => {
  const dir = mkdtempSync(join(tmpdir(), "scan-json-"));
  writeFileSync(join(dir, "ci.yaml"), namespace("ci", "baseline") + jobTemplate);
  const r = run(dir, "--json");
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out);
  assert.ok(result.objects > 0 && result.ruleCount > 0);
  const accepted = result.findings.filter((f) => f.accepted);
  assert.ok(accepted.length > 0, r.out);
  for (const f of accepted) assert.ok(f.acceptedAs && isAccepted(f), JSON.stringify(f));
  assert.ok(result.findings.filter((f) => !f.accepted).every((f) => f.acceptedAs === null));
  assert.equal(run(dir, "--json", "--markdown").code, 2);
});
