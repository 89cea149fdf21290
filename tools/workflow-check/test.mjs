// Validates the committed CI definitions with real tools: GitHub workflows with action-validator
// (the workflow JSON schema), the GitLab pipeline by parsing it and checking every key against
// GitLab's keyword reference and every stage/needs/extends reference against the file itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..", "..");
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
    if (ci.mode === "github") assert.equal(job["runs-on"], ci.github.labels[0], `${stack} must run on its own scale set`);
  }
  const gitlab = parse(readFileSync(join(root, ".gitlab-ci.yml"), "utf8"));
  assert.ok(gitlab[".deploy"].script.some((line) => line.includes('.ci/release-stack "$STACK"')));
  assert.deepEqual(gitlab[".deploy"].tags, ["$STACK-cluster"]);
});
