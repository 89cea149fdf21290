// Validates the committed CI definitions with real tools: GitHub workflows with action-validator
// (the workflow JSON schema), the GitLab pipeline by parsing it and checking every key against
// GitLab's keyword reference and every stage/needs/extends reference against the file itself.
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parse } from "yaml";
import {
  unpinned, unlabelledPins, unscannedGitHubDeploys, unscannedGitLabDeploys, installScripts, pipedInstallers, tokenProblems,
  unguardedDispatch, unservedRunners, misplacedPulumiCredentials, mergeRequestEnvironments,
} from "./rules.mjs";

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

const read = (path) => readFileSync(join(root, path), "utf8");
const github = () => Object.fromEntries(workflows.map((w) => [w, parse(read(join(".github", "workflows", w)))]));
const gitlab = () => parse(read(".gitlab-ci.yml"));
const deployStacks = ["dev", "staging", "prod"];

test("each stack deploys only after the one upstream of it, prod behind its environment's reviewers", () => {
  const deploy = github()["deploy.yml"];
  assert.equal(deploy.jobs["staging-state"].needs, "dev");
  assert.equal(deploy.jobs.staging.needs, "staging-scan");
  assert.equal(deploy.jobs["prod-state"].needs, "staging");
  assert.equal(deploy.jobs.prod.needs, "prod-scan");
  assert.equal(deploy.jobs.prod.environment, "prod");
  const pipeline = gitlab();
  assert.deepEqual(pipeline["state-prod"].needs, ["deploy-staging"]);
  assert.equal(pipeline["deploy-prod"].environment.name, "prod");
});

test("pull requests preview dev only, in the dev-preview environment, and never on forks", () => {
  const preview = github()["preview.yml"];
  assert.deepEqual(Object.keys(preview.jobs).sort(), ["preview-dev", "test"]);
  assert.match(preview.jobs["preview-dev"].if, /head\.repo\.full_name == github\.repository/);
  assert.equal(preview.jobs["preview-dev"].environment, "dev-preview");
  assert.ok(preview.jobs["preview-dev"].steps.some((s) => s.with?.["stack-name"] === "${{ vars.PULUMI_ORG }}/dev"));
  assert.doesNotMatch(read(".github/workflows/preview.yml"), /\/(staging|prod)\b|matrix/);
  assert.deepEqual(Object.keys(gitlab()).filter((job) => /preview/.test(job)), ["preview-dev"]);
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
  const pipeline = gitlab();
  const jobs = Object.entries(pipeline).filter(([key]) => !globalKeywords.has(key));
  assert.ok(jobs.length >= 5);
  for (const [name, job] of jobs) {
    for (const key of Object.keys(job)) assert.ok(jobKeywords.has(key), `${name}: unknown keyword ${key}`);
    if (job.extends) for (const parent of [job.extends].flat()) assert.ok(pipeline[parent], `${name} extends missing ${parent}`);
    if (job.needs) for (const need of job.needs) assert.ok(pipeline[need], `${name} needs missing ${need}`);
    if (job.stage) assert.ok(pipeline.stages.includes(job.stage), `${name}: unknown stage ${job.stage}`);
  }
});

// Release gates (#11): each deploy job runs the one release script on its own cluster's runners.
test("every deploy job is a gated release through .ci/release-stack", () => {
  const deploy = github()["deploy.yml"];
  assert.equal(deploy.on.workflow_dispatch.inputs.gate_override_reason.type, "string");
  for (const stack of deployStacks) {
    const release = deploy.jobs[stack].steps.find((step) => step.run?.includes(`.ci/release-stack ${stack}`));
    assert.ok(release, `${stack}: no step runs .ci/release-stack ${stack}`);
    assert.equal(release.env.GATE_OVERRIDE_REASON, "${{ inputs.gate_override_reason }}");
    assert.match(release.env.PROMETHEUS_URL, /^http:\/\/[a-z0-9-]+\.monitoring\.svc:9090$/);
    assert.match(release.env.ALERTMANAGER_URL, /^http:\/\/[a-z0-9-]+\.monitoring\.svc:9093$/);
    assert.equal(deploy.jobs[stack].environment, stack);
  }
  const pipeline = gitlab();
  assert.ok(pipeline[".deploy"].script.some((line) => line.includes('.ci/release-stack "$STACK"')));
  // The protected release runner: its job pods alone mount the push credentials and reach the API server.
  assert.deepEqual(pipeline[".deploy"].tags, ["$STACK-cluster-release"]);
});

// Finding 2 (#22): the scale sets each stack serves, from its real rendering (deliver render).
function servedScaleSets() {
  const sets = [];
  for (const file of readdirSync(join(root, "stacks")).filter((f) => /^Pulumi\..+\.yaml$/.test(f))) {
    const stack = file.slice("Pulumi.".length, -".yaml".length);
    const out = mkdtempSync(join(tmpdir(), `render-${stack}-`));
    execFileSync(join(root, "deliver"), ["render", "--stack", stack, "--out", out], { cwd: root, stdio: "pipe" });
    const charts = join(out, "charts");
    for (const chart of existsSync(charts) ? readdirSync(charts) : []) {
      const spec = parse(readFileSync(join(charts, chart), "utf8"));
      if (String(spec.chart).endsWith("/gha-runner-scale-set")) sets.push({ name: spec.values.runnerScaleSetName, group: spec.values.runnerGroup ?? "", stack });
    }
  }
  return sets;
}

test("every self-hosted job targets {group, labels} of a scale set a stack serves, in its group; an unserved or bare label is caught", () => {
  const sets = servedScaleSets();
  assert.ok(sets.some((s) => s.name === "dev-cluster-release" && s.group === "delivery-dev-release"), JSON.stringify(sets));
  for (const [file, workflow] of Object.entries(github())) assert.deepEqual(unservedRunners(workflow, sets), [], file);
  const deploy = github()["deploy.yml"];
  for (const stack of deployStacks) assert.match(deploy.jobs[stack]["runs-on"].labels[0], new RegExp(`^${stack}-cluster-release$`));
  // Prod's cluster serves its release scale set only: no build runners there.
  assert.deepEqual(sets.filter((s) => s.stack === "prod").map((s) => s.name), ["prod-cluster-release"]);
  const broken = structuredClone(deploy);
  broken.jobs.prod["runs-on"] = { group: "delivery-prod", labels: ["prod-cluster"] };
  broken.jobs.staging["runs-on"] = "staging-cluster-release";
  broken.jobs.dev["runs-on"].group = "delivery-dev";
  assert.deepEqual(unservedRunners(broken, sets).map((p) => p.split(":")[0]).sort(), ["dev", "prod", "staging"]);
});

// Finding 6 (#22): every action by commit SHA (with its version), every image by digest.
test("every action is pinned by commit SHA with its version and every image by digest; an unpinned one is caught", () => {
  assert.deepEqual(unpinned(github(), gitlab()), []);
  for (const workflow of workflows) assert.deepEqual(unlabelledPins(read(join(".github", "workflows", workflow))), [], workflow);
  const deployText = read(".github/workflows/deploy.yml");
  const tagged = { "deploy.yml": parse(deployText.replace(/actions\/checkout@[0-9a-f]{40}/g, "actions/checkout@v4").replace(/(dotnet\/sdk:10\.0)@sha256:[0-9a-f]{64}/g, "$1")) };
  const found = unpinned(tagged, {});
  assert.ok(found.includes("deploy.yml check: actions/checkout@v4"), found.join("\n"));
  assert.ok(found.includes("deploy.yml dev: mcr.microsoft.com/dotnet/sdk:10.0"), found.join("\n"));
  assert.deepEqual(unpinned({ "x.yml": { jobs: { scan: { steps: [{ uses: "aquasec/trivy:0.73.0" }, { uses: "docker://aquasec/trivy:0.73.0" }] } } } }, {}),
    ["x.yml scan: aquasec/trivy:0.73.0", "x.yml scan: docker://aquasec/trivy:0.73.0"]);
  const pipeline = gitlab();
  pipeline.default.image = "mcr.microsoft.com/dotnet/sdk:10.0";
  pipeline[".image-scan"].image.name = "aquasec/trivy:latest";
  pipeline.test.services = ["docker:dind"];
  assert.deepEqual(unpinned({}, pipeline).sort(), [".gitlab-ci.yml .image-scan: aquasec/trivy:latest", ".gitlab-ci.yml default: mcr.microsoft.com/dotnet/sdk:10.0", ".gitlab-ci.yml test: docker:dind"]);
  assert.deepEqual(unlabelledPins("      - uses: a/b@" + "1".repeat(40) + "\n      - uses: a/c@" + "2".repeat(40) + " # v1.2.3\n"), ["- uses: a/b@" + "1".repeat(40)]);
});

test("no install script runs and no installer is piped into a shell; one that does is caught", () => {
  assert.deepEqual(installScripts(github(), gitlab()), []);
  assert.deepEqual(pipedInstallers(github(), gitlab()), []);
  const pipeline = gitlab();
  pipeline[".pulumi"].before_script = ["curl -fsSL https://get.pulumi.com | sh"];
  pipeline["release-scans"].script.push("npm ci --prefix tools/policy-check");
  assert.deepEqual(pipedInstallers({ "x.yml": { jobs: { a: { steps: [{ run: "wget -qO- https://example.com/install | sudo bash" }] } } } }, pipeline),
    ["x.yml a: wget -qO- https://example.com/install | sudo bash", ".gitlab-ci.yml .pulumi: curl -fsSL https://get.pulumi.com | sh"]);
  assert.deepEqual(installScripts({ "x.yml": { jobs: { a: { steps: [{ run: "npm ci --no-audit" }] } } } }, pipeline),
    ["x.yml a: npm ci --no-audit", ".gitlab-ci.yml release-scans: npm ci --prefix tools/policy-check"]);
});

test("tokens: no workflow-wide permissions, contents: write and a persisted token only where the job pushes; a wider one is caught", () => {
  for (const [file, workflow] of Object.entries(github())) assert.deepEqual(tokenProblems(workflow), [], file);
  const deploy = github()["deploy.yml"];
  assert.deepEqual(Object.entries(deploy.jobs).filter(([, job]) => job.permissions.contents === "write").map(([name]) => name), deployStacks);
  const wide = structuredClone(deploy);
  wide.permissions = { contents: "write" };
  wide.jobs.check.permissions.contents = "write";
  delete wide.jobs["dev-scan"].permissions;
  wide.jobs["dev-state"].steps[0].with = {};
  assert.deepEqual(tokenProblems(wide), [
    "workflow: permissions must be {} (each job says what it needs)",
    "check: contents: write but it pushes nothing",
    "dev-state: checkout persists its token but the job pushes nothing",
    "dev-scan: no job-level permissions",
  ]);
});

test("deploy.yml runs from main only, also by hand; a job that any branch could run is caught", () => {
  const deploy = github()["deploy.yml"];
  assert.deepEqual(unguardedDispatch(deploy), []);
  const open = structuredClone(deploy);
  delete open.jobs.check.if;
  assert.deepEqual(unguardedDispatch(open), Object.keys(deploy.jobs));
  assert.deepEqual(unguardedDispatch(github()["preview.yml"]), []);
});

test("Pulumi credentials: OIDC per environment for its own team, previews in -preview environments only; a misplaced one is caught", () => {
  for (const [file, workflow] of Object.entries(github())) assert.deepEqual(misplacedPulumiCredentials(workflow), [], file);
  assert.deepEqual(mergeRequestEnvironments(gitlab()), []);
  const preview = github()["preview.yml"];
  const staging = structuredClone(preview);
  staging.jobs["preview-dev"].environment = "staging";
  assert.deepEqual(misplacedPulumiCredentials(staging), [
    "preview-dev: a pull request's job in the staging environment",
    "preview-dev: the staging environment's token is for team:dev-preview, not team:staging…",
  ]);
  const stored = structuredClone(github()["deploy.yml"]);
  delete stored.jobs.dev.environment;
  stored.jobs["dev-scan"].steps[3].env.PULUMI_ACCESS_TOKEN = "${{ secrets.PULUMI_ACCESS_TOKEN }}";
  assert.deepEqual(misplacedPulumiCredentials(stored), [
    "dev-scan: a Pulumi credential outside any environment",
    "dev-scan: a stored PULUMI_ACCESS_TOKEN where an OIDC exchange would do",
    "dev: a Pulumi credential outside any environment",
  ]);
  const pipeline = gitlab();
  pipeline["preview-dev"].environment.name = "staging";
  assert.deepEqual(mergeRequestEnvironments(pipeline), ["preview-dev: a merge request's job in the staging environment"]);
  delete pipeline["preview-dev"].environment;
  assert.deepEqual(mergeRequestEnvironments(pipeline), ["preview-dev: a merge request's pulumi job outside a -preview environment"]);
});

// Release scans (#12, #22): no pulumi up without the IaC and image scans before it, in a job without a Pulumi credential.
test("each GitHub deploy job needs its stack's scan job (IaC, then image scan), which holds no Pulumi credential; a job without is caught", () => {
  const deploy = github()["deploy.yml"];
  assert.deepEqual(unscannedGitHubDeploys(deploy), []);
  const without = structuredClone(deploy);
  without.jobs["staging-scan"].steps = without.jobs["staging-scan"].steps.filter((s) => !s.uses?.startsWith("docker://"));
  assert.deepEqual(unscannedGitHubDeploys(without), ["staging"]);
  const after = structuredClone(deploy);
  const steps = after.jobs["dev-scan"].steps;
  steps.push(steps.splice(steps.findIndex((s) => s.run?.includes(".ci/release-scan")), 1)[0]);
  assert.deepEqual(unscannedGitHubDeploys(after), ["dev"]);
  const otherStack = structuredClone(deploy);
  otherStack.jobs.staging.needs = "dev-scan";
  assert.deepEqual(unscannedGitHubDeploys(otherStack), ["staging"]);
  const credentialed = structuredClone(deploy);
  credentialed.jobs["dev-scan"].environment = "dev";
  assert.deepEqual(unscannedGitHubDeploys(credentialed), ["dev"]);
  const direct = { jobs: { up: { steps: [{ uses: "pulumi/actions@v6", with: { command: "up" } }] }, other: { steps: [{ run: "pulumi preview" }] } } };
  assert.deepEqual(unscannedGitHubDeploys(direct), ["up"]);
});

test("each GitLab deploy job needs its stack's image scan, which needs its IaC scan, both outside any environment; a job without is caught", () => {
  const pipeline = gitlab();
  assert.deepEqual(unscannedGitLabDeploys(pipeline), []);
  const without = structuredClone(pipeline);
  without["deploy-staging"].needs = ["deploy-dev"];
  assert.deepEqual(unscannedGitLabDeploys(without), ["deploy-staging"]);
  const otherStack = structuredClone(pipeline);
  otherStack["deploy-staging"].needs = ["deploy-dev", "image-scan-dev"];
  assert.deepEqual(unscannedGitLabDeploys(otherStack), ["deploy-staging"]);
  const noIac = structuredClone(pipeline);
  delete noIac["image-scan-dev"].needs;
  assert.deepEqual(unscannedGitLabDeploys(noIac), ["deploy-dev"]);
  const credentialed = structuredClone(pipeline);
  credentialed["release-scan-dev"].environment = { name: "dev", action: "prepare" };
  assert.deepEqual(unscannedGitLabDeploys(credentialed), ["deploy-dev"]);
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

// .ci/install-pulumi: the pinned release, refused unless its sha256 is the pinned one.
test(".ci/install-pulumi installs nothing from an archive whose sha256 is not the pinned one", () => {
  const dir = mkdtempSync(join(tmpdir(), "install-pulumi-"));
  const script = read(".ci/install-pulumi");
  const version = script.match(/^version=(\d+\.\d+\.\d+)$/m)?.[1];
  assert.ok(version, "the version is pinned");
  assert.match(script, /^sha256=[0-9a-f]{64}$/m);
  assert.doesNotMatch(script.split("\n").filter((line) => !line.startsWith("#")).join("\n"), /\|\s*(ba)?sh\b/);
  const releases = join(dir, "releases");
  execFileSync("mkdir", ["-p", join(releases, "pulumi")]);
  writeFileSync(join(releases, "pulumi", "pulumi"), "#!/bin/sh\necho tampered\n");
  execFileSync("tar", ["-czf", join(releases, `pulumi-v${version}-linux-x64.tar.gz`), "-C", releases, "pulumi"]);
  const target = join(dir, "installed");
  const r = spawnSync("bash", [join(root, ".ci", "install-pulumi"), target], { encoding: "utf8", env: { PATH: process.env.PATH, HOME: dir, PULUMI_RELEASE_URL: `file://${releases}` } });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, new RegExp(`error: pulumi-v${version.replace(/\./g, "\\.")}-linux-x64\.tar\.gz from file://.* does not have the pinned sha256 [0-9a-f]{64}; refusing to install it\.`));
  assert.equal(existsSync(join(target, "bin", "pulumi")), false);
});

test("every job installs the pinned Pulumi before running it, and the Pulumi action is told that version so it downloads nothing", () => {
  const version = read(".ci/install-pulumi").match(/^version=(\S+)$/m)[1];
  const actions = Object.values(github()).flatMap((w) => Object.values(w.jobs)).flatMap((job) => job.steps ?? []).filter((s) => /^pulumi\/actions@/.test(s.uses ?? ""));
  assert.ok(actions.length > 0);
  for (const step of actions) assert.equal(step.with?.["pulumi-version"], version);
  const runsPulumi = (step) => /^pulumi\/actions@/.test(step.uses ?? "") || /(^|\s|\$\()pulumi\s|\.ci\/release-stack/.test(step.run ?? "");
  for (const [file, workflow] of Object.entries(github()))
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const steps = job.steps ?? [];
      const first = steps.findIndex(runsPulumi);
      if (first >= 0) assert.ok(steps.slice(0, first).some((s) => s.run?.includes(".ci/install-pulumi")), `${file} ${name} runs pulumi before .ci/install-pulumi`);
    }
});
