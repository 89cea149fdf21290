// The release-scan rules over the parsed CI definitions (#12): every scanner pinned by commit SHA or
// image digest, and no pulumi up without the scans before it. Pure functions: test.mjs runs them on
// the committed files and on broken copies, so a rule that stopped firing fails.

const TRIVY = /trivy/i;
const ACTION_BY_SHA = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const IMAGE_BY_DIGEST = /^(docker:\/\/)?[\w./:-]+@sha256:[0-9a-f]{64}$/;

const image = (value) => (typeof value === "object" && value !== null ? value.name : value);

/** Every Trivy action or image not pinned by full commit SHA (actions) or sha256 digest (images), as "where: what". */
export function unpinnedScanners(github, gitlab) {
  const found = [];
  for (const [file, workflow] of Object.entries(github)) {
    for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
      for (const ref of [image(job.container), ...(job.steps ?? []).map((s) => s.uses)]) {
        if (!ref || !TRIVY.test(ref)) continue;
        const pinned = ref.startsWith("docker://") ? IMAGE_BY_DIGEST.test(ref) : ACTION_BY_SHA.test(ref);
        if (!pinned) found.push(`${file} ${name}: ${ref}`);
      }
    }
  }
  for (const [name, job] of Object.entries(gitlab ?? {})) {
    const ref = image(job?.image);
    if (ref && TRIVY.test(ref) && !IMAGE_BY_DIGEST.test(ref)) found.push(`.gitlab-ci.yml ${name}: ${ref}`);
  }
  return found;
}

const runs = (step, text) => typeof step.run === "string" && step.run.includes(text);
const deploys = (step) => runs(step, "pulumi up") || runs(step, ".ci/release-stack") || (/^pulumi\/actions@/.test(step.uses ?? "") && step.with?.command === "up");
const imageScan = (step) => /^docker:\/\/.*trivy/i.test(step.uses ?? "") && String(step.with?.args ?? "").includes(".ci/image-scan");

/** GitHub jobs with a step that runs pulumi up (directly, via .ci/release-stack or the Pulumi action) without .ci/release-scan and then the Trivy image scan before it. */
export function unscannedGitHubDeploys(workflow) {
  const found = [];
  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    const steps = job.steps ?? [];
    const up = steps.findIndex(deploys);
    if (up < 0) continue;
    const iac = steps.findIndex((s) => runs(s, ".ci/release-scan"));
    const trivy = steps.findIndex(imageScan);
    if (iac < 0 || trivy < 0 || !(iac < trivy && trivy < up)) found.push(name);
  }
  return found;
}

/** A GitLab job with its extends applied (the parents' keys first, its own over them). */
export function resolved(pipeline, name) {
  const job = pipeline[name] ?? {};
  const parents = [job.extends ?? []].flat().map((parent) => resolved(pipeline, parent));
  return Object.assign({}, ...parents, job, { variables: Object.assign({}, ...parents.map((p) => p.variables ?? {}), job.variables ?? {}) });
}

const script = (job) => [job.before_script ?? [], job.script ?? []].flat().join("\n");

/** GitLab jobs that run pulumi up without needing their stack's image scan, which needs its stack's IaC scan. */
export function unscannedGitLabDeploys(pipeline) {
  const jobs = Object.keys(pipeline).filter((name) => !name.startsWith(".") && typeof pipeline[name] === "object" && pipeline[name] !== null && !Array.isArray(pipeline[name]));
  const found = [];
  for (const name of jobs) {
    const job = resolved(pipeline, name);
    if (!/pulumi up|\.ci\/release-stack/.test(script(job))) continue;
    const stack = job.variables.STACK;
    const sameStack = (other) => resolved(pipeline, other).variables.STACK === stack;
    const needs = (j) => [j.needs ?? []].flat().map((n) => (typeof n === "object" ? n.job : n));
    const trivy = needs(job).filter((n) => sameStack(n) && script(resolved(pipeline, n)).includes(".ci/image-scan") && TRIVY.test(image(resolved(pipeline, n).image) ?? ""));
    const scanned = trivy.some((t) => needs(resolved(pipeline, t)).some((n) => sameStack(n) && script(resolved(pipeline, n)).includes(".ci/release-scan")));
    if (!scanned) found.push(name);
  }
  return found;
}
