// Validates the committed CI definitions with real tools: GitHub workflows with action-validator
// (the workflow JSON schema), the GitLab pipeline by parsing it and checking every key against
// GitLab's keyword reference and every stage/needs/extends reference against the file itself.
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parse } from "yaml";
import { unpinnedScanners, unscannedGitHubDeploys, unscannedGitLabDeploys } from "./rules.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const validator = join(import.meta.dirname, "node_modules", ".bin", "action-validator");

function validate(file) {
  try {
    execFileSync(validator, [file], { stdio: "pipe" });
    return { ok: true, output: "" };
  } catch (error) {
    return { ok: false, output: `${error.stdout}${error.stderr}` };
  }
}

const workflows = readdirSync(join(root, ".github", "workflows")).filter((f) => f.endsWith(".yml"));

test("the preview and deploy workflows exist", () => {
  assert.deepEqual(workflows.sort(), ["deploy.yml", "preview.yml"]);
});

for (const workflow of workflows) {
  test(`${workflow} passes action-validator`, () => {
    const result = validate(join(root, ".github", "workflows", workflow));
    assert.ok(result.ok, result.output);
  });
}

test("action-validator rejects a broken workflow (the check can fail)", () => {
  const dir = mkdtempSync(join(tmpdir(), "workflow-"));
  const broken = join(dir, "broken.yml");
  writeFileSync(broken, "name: broken\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    step:\n      - run: echo\n");
  assert.equal(validate(broken).ok, false);
});

test("prod deploys only after staging, in the gated prod environment", () => {
  const deploy = parse(readFileSync(join(root, ".github", "workflows", "deploy.yml"), "utf8"));
  assert.equal(deploy.jobs.prod.environment, "prod");
  assert.equal(deploy.jobs.prod.needs, "staging");
  assert.equal(deploy.jobs.staging.needs, "dev");
});

test("previews are skipped on forks, which get no secrets", () => {
  const preview = parse(readFileSync(join(root, ".github", "workflows", "preview.yml"), "utf8"));
  assert.match(preview.jobs.preview.if, /head\.repo\.full_name == github\.repository/);
});

// GitLab CI keyword reference (docs.gitlab.com/ci/yaml): global keywords and job keywords.
const globalKeywords = new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script"]);
const jobKeywords = new Set([
  "after_script", "allow_failure", "artifacts", "before_script", "cache", "coverage", "dast_configuration", "dependencies",
  "environment", "extends", "hooks", "identity", "id_tokens", "image", "inherit", "interruptible", "manual_confirmation", "needs",
  "pages", "parallel", "release", "resource_group", "retry", "rules", "script", "secrets", "services", "stage", "tags",
  "timeout", "trigger", "variables", "when",
]);

test(".gitlab-ci.yml parses and uses only known keys and references", () => {
  const pipeline = parse(readFileSync(join(root, ".gitlab-ci.yml"), "utf8"));
  const jobs = Object.entries(pipeline).filter(([key]) => !globalKeywords.has(key));
  assert.ok(jobs.length >= 5);
  for (const [name, job] of jobs) {
    for (const key of Object.keys(job)) assert.ok(jobKeywords.has(key), `${name}: unknown keyword ${key}`);
    if (job.extends) for (const parent of [job.extends].flat()) assert.ok(pipeline[parent], `${name} extends missing ${parent}`);
    if (job.needs) for (const need of job.needs) assert.ok(pipeline[need], `${name} needs missing ${need}`);
    if (job.stage) assert.ok(pipeline.stages.includes(job.stage), `${name}: unknown stage ${job.stage}`);
  }
  assert.equal(pipeline["deploy-prod"].rules[0].when, "manual");
});

// Release gates (#11): each deploy job runs the one release script on its own cluster's runners.
test("every deploy job is a gated release through .ci/release-stack on its stack's own runners", () => {
  const deploy = parse(readFileSync(join(root, ".github", "workflows", "deploy.yml"), "utf8"));
  assert.equal(deploy.on.workflow_dispatch.inputs.gate_override_reason.type, "string");
  for (const stack of ["dev", "staging", "prod"]) {
    const job = deploy.jobs[stack];
    const release = job.steps.find((step) => step.run?.includes(`.ci/release-stack ${stack}`));
    assert.ok(release, `${stack}: no step runs .ci/release-stack ${stack}`);
    assert.equal(release.env.GATE_OVERRIDE_REASON, "${{ inputs.gate_override_reason }}");
    assert.match(release.env.PROMETHEUS_URL, /^http:\/\/[a-z0-9-]+\.monitoring\.svc:9090$/);
    assert.match(release.env.ALERTMANAGER_URL, /^http:\/\/[a-z0-9-]+\.monitoring\.svc:9093$/);
    const file = parse(readFileSync(join(root, "stacks", `Pulumi.${stack}.yaml`), "utf8"));
    const ci = file.config["delivery-platform:ci"];
    if (ci.mode === "github") assert.equal(job["runs-on"], `${ci.github.labels[0]}-release`, `${stack} must run on its own release scale set`);
  }
  const gitlab = parse(readFileSync(join(root, ".gitlab-ci.yml"), "utf8"));
  assert.ok(gitlab[".deploy"].script.some((line) => line.includes('.ci/release-stack "$STACK"')));
  // The protected release runner: its job pods alone mount the push credentials and reach the API server.
  assert.deepEqual(gitlab[".deploy"].tags, ["$STACK-cluster-release"]);
});

// Release scans (#12): Trivy pinned by SHA or digest; no pulumi up without the IaC and image scans before it.
const read = (path) => readFileSync(join(root, path), "utf8");
const github = () => Object.fromEntries(workflows.map((w) => [w, parse(read(join(".github", "workflows", w)))]));

test("every scanner action and image is pinned by full commit SHA or digest, and an unpinned one is caught", () => {
  assert.deepEqual(unpinnedScanners(github(), parse(read(".gitlab-ci.yml"))), []);
  const digest = /aquasec\/trivy:([\d.]+)@sha256:[0-9a-f]{64}/g;
  assert.ok(read(".github/workflows/deploy.yml").match(digest)?.length === 3, "deploy.yml scans each stack with the pinned Trivy image");
  const tagged = { "deploy.yml": parse(read(".github/workflows/deploy.yml").replace(digest, "aquasec/trivy:$1")) };
  assert.equal(unpinnedScanners(tagged, {}).length, 3);
  const action = { "x.yml": { jobs: { scan: { steps: [{ uses: "aquasecurity/trivy-action@v0.36.0" }, { uses: "aquasecurity/trivy-action@ed142fd0673e97e23eac54620cfb913e5ce36c25" }] } } } };
  assert.deepEqual(unpinnedScanners(action, {}), ["x.yml scan: aquasecurity/trivy-action@v0.36.0"]);
  const gitlab = parse(read(".gitlab-ci.yml").replace(digest, "aquasec/trivy:latest"));
  assert.deepEqual(unpinnedScanners({}, gitlab), [".gitlab-ci.yml .image-scan: aquasec/trivy:latest"]);
});

test("each GitHub deploy job runs the IaC scan, then the image scan, before its pulumi up; a job without is caught", () => {
  const deploy = parse(read(".github/workflows/deploy.yml"));
  assert.deepEqual(unscannedGitHubDeploys(deploy), []);
  for (const stack of ["dev", "staging", "prod"]) {
    const steps = deploy.jobs[stack].steps;
    assert.ok(steps.some((s) => s.run?.includes(`.ci/release-scan ${stack}`)), `${stack} scans its own stack`);
  }
  const without = structuredClone(deploy);
  without.jobs.staging.steps = without.jobs.staging.steps.filter((s) => !s.uses?.startsWith("docker://"));
  assert.deepEqual(unscannedGitHubDeploys(without), ["staging"]);
  const after = structuredClone(deploy);
  const steps = after.jobs.prod.steps;
  steps.push(steps.splice(steps.findIndex((s) => s.run?.includes(".ci/release-scan")), 1)[0]);
  assert.deepEqual(unscannedGitHubDeploys(after), ["prod"]);
  const direct = { jobs: { up: { steps: [{ uses: "pulumi/actions@v6", with: { command: "up" } }] }, other: { steps: [{ run: "pulumi preview" }] } } };
  assert.deepEqual(unscannedGitHubDeploys(direct), ["up"]);
});

test("each GitLab deploy job needs its stack's image scan, which needs its IaC scan; a job without is caught", () => {
  const pipeline = parse(read(".gitlab-ci.yml"));
  assert.deepEqual(unscannedGitLabDeploys(pipeline), []);
  const without = structuredClone(pipeline);
  without["deploy-staging"].needs = ["deploy-dev"];
  assert.deepEqual(unscannedGitLabDeploys(without), ["deploy-staging"]);
  const otherStack = structuredClone(pipeline);
  otherStack["deploy-prod"].needs = ["deploy-staging", "image-scan-staging"];
  assert.deepEqual(unscannedGitLabDeploys(otherStack), ["deploy-prod"]);
  const noIac = structuredClone(pipeline);
  delete noIac["image-scan-dev"].needs;
  assert.deepEqual(unscannedGitLabDeploys(noIac), ["deploy-dev"]);
  assert.ok(pipeline.stages.indexOf("scan") < pipeline.stages.indexOf("deploy"));
});

// .ci/image-scan with a stand-in for trivy: what each exit of Trivy means for the release.
function imageScan(images, trivyScript) {
  const dir = mkdtempSync(join(tmpdir(), "image-scan-"));
  writeFileSync(join(dir, "images"), images.map((i) => `${i}\n`).join(""));
  writeFileSync(join(dir, "severity"), "HIGH,CRITICAL\n");
  const trivy = join(dir, "trivy");
  writeFileSync(trivy, `#!/bin/sh\necho "trivy $*" >> "${dir}/calls"\n${trivyScript}\n`);
  chmodSync(trivy, 0o755);
  const r = spawnSync("sh", [join(root, ".ci", "image-scan"), dir], { encoding: "utf8", env: { PATH: process.env.PATH, TRIVY: trivy } });
  const read = (f) => { try { return readFileSync(join(dir, f), "utf8"); } catch { return ""; } };
  return { code: r.status, out: r.stdout + r.stderr, summary: read("summary.md"), calls: read("calls") };
}

test(".ci/image-scan fails on findings at the stack's severity and on an image Trivy cannot scan; passes clean ones", () => {
  const clean = imageScan(["r.example.com/shop/api:1.0.0@sha256:" + "a".repeat(64)], "exit 0");
  assert.equal(clean.code, 0, clean.out);
  assert.match(clean.calls, /^trivy image .*--severity HIGH,CRITICAL --exit-code 4 .*r\.example\.com\/shop\/api:1\.0\.0@sha256:a{64}$/m);
  assert.match(clean.summary, /^### Image scan \(fails on HIGH,CRITICAL\)/);
  const findings = imageScan(["r/a:1", "r/b:2"], 'case "$*" in *r/b:2*) echo "CVE-2026-0001 CRITICAL"; exit 4;; esac');
  assert.equal(findings.code, 1);
  assert.match(findings.summary, /- `r\/a:1`: pass/);
  assert.match(findings.summary, /- `r\/b:2`: \*\*fail\*\*: findings at HIGH,CRITICAL[\s\S]*CVE-2026-0001/);
  const broken = imageScan(["r/a:1"], 'echo "unauthorized"; exit 1');
  assert.equal(broken.code, 1);
  assert.match(broken.summary, /could not scan it \(exit 1\)/);
  const none = imageScan([], "exit 9");
  assert.equal(none.code, 0);
  assert.equal(none.calls, "");
});
