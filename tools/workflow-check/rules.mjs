// The CI trust rules over the parsed CI definitions (#12, #22). Pure functions: test.mjs runs them
// on the committed files and on broken copies, so a rule that stopped firing fails.

const ACTION_BY_SHA = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const IMAGE_BY_DIGEST = /^(docker:\/\/)?[\w./:-]+@sha256:[0-9a-f]{64}$/;
const GITHUB_HOSTED = /^(ubuntu|windows|macos)-/;

const image = (value) => (typeof value === "object" && value !== null ? value.name : value);
const jobsOf = (workflow) => Object.entries(workflow.jobs ?? {});
const stepsOf = (job) => job.steps ?? [];

/** The jobs of a GitLab pipeline (not the hidden templates, not the global keywords). */
const GITLAB_GLOBALS = new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script"]);
const gitlabJobs = (pipeline) =>
  Object.entries(pipeline ?? {}).filter(([name, job]) => !GITLAB_GLOBALS.has(name) && typeof job === "object" && job !== null && !Array.isArray(job));

/**
 * Every action not pinned by full commit SHA and every image not pinned by sha256 digest, as
 * "where: what": GitHub `uses:` and job containers and services; GitLab's default and job images
 * and services.
 */
export function unpinned(github, gitlab, gitlabFile = ".gitlab-ci.yml") {
  const found = [];
  for (const [file, workflow] of Object.entries(github)) {
    for (const [name, job] of jobsOf(workflow)) {
      // A reusable workflow: by path in this repository (the same commit), else pinned by commit SHA.
      if (job.uses && !job.uses.startsWith("./") && !ACTION_BY_SHA.test(job.uses)) found.push(`${file} ${name}: ${job.uses}`);
      const images = [image(job.container), ...Object.values(job.services ?? {}).map(image)].filter(Boolean);
      for (const ref of images) if (!IMAGE_BY_DIGEST.test(ref)) found.push(`${file} ${name}: ${ref}`);
      for (const ref of stepsOf(job).map((s) => s.uses).filter(Boolean)) {
        const pinned = ref.startsWith("docker://") ? IMAGE_BY_DIGEST.test(ref) : ACTION_BY_SHA.test(ref);
        if (!pinned) found.push(`${file} ${name}: ${ref}`);
      }
    }
  }
  const images = (where, job) => [image(job?.image), ...(job?.services ?? []).map(image)].filter(Boolean).map((ref) => [where, ref]);
  for (const [where, ref] of [...images("default", gitlab?.default), ...images("image", { image: gitlab?.image }), ...gitlabJobs(gitlab).flatMap(([name, job]) => images(name, job))]) {
    if (!IMAGE_BY_DIGEST.test(ref)) found.push(`${gitlabFile} ${where}: ${ref}`);
  }
  return found;
}

/** Lines of a workflow's text whose `uses:` is pinned by SHA without the `# vX.Y.Z` it stands for. */
export function unlabelledPins(text) {
  return text.split("\n").filter((line) => /^\s*(-\s+)?uses:\s+[^\s#]+@[0-9a-f]{40}\b/.test(line) && !/#\s*v\d+\.\d+\.\d+\s*$/.test(line)).map((line) => line.trim());
}

const runs = (step, text) => typeof step.run === "string" && step.run.includes(text);
const deploys = (step) => runs(step, "pulumi up") || runs(step, ".ci/release-stack") || (/^pulumi\/actions@/.test(step.uses ?? "") && step.with?.command === "up");
const imageScan = (step) => /^docker:\/\/.*trivy/i.test(step.uses ?? "") && String(step.with?.args ?? "").includes(".ci/image-scan");
const needsOf = (job) => [job.needs ?? []].flat().map((n) => (typeof n === "object" ? n.job : n));
/** The stack a step names after a script: `.ci/release-stack dev` is dev. */
const stackOf = (steps, script) => steps.map((s) => (typeof s.run === "string" ? s.run.match(new RegExp(`${script.replace(".", "\\.")} ([\\w-]+)`))?.[1] : undefined)).find(Boolean);

/**
 * GitHub jobs that run pulumi up (directly, via .ci/release-stack or the Pulumi action) without
 * needing a job of the same stack that runs .ci/release-scan and then the Trivy image scan, and
 * holds no Pulumi credential: no scanner runs where a deploy credential is.
 */
export function unscannedGitHubDeploys(workflow) {
  const jobs = workflow.jobs ?? {};
  const found = [];
  for (const [name, job] of Object.entries(jobs)) {
    const steps = stepsOf(job);
    if (!steps.some(deploys)) continue;
    const stack = stackOf(steps, ".ci/release-stack");
    const scanned = needsOf(job).some((need) => {
      const scan = stepsOf(jobs[need] ?? {});
      const iac = scan.findIndex((s) => runs(s, ".ci/release-scan"));
      const trivy = scan.findIndex(imageScan);
      return iac >= 0 && iac < trivy && stackOf(scan, ".ci/release-scan") === stack && !holdsPulumiCredential(jobs[need]);
    });
    if (!scanned) found.push(name);
  }
  return found;
}

const holdsPulumiCredential = (job) =>
  job.permissions?.["id-token"] === "write" || JSON.stringify(job).includes("PULUMI_ACCESS_TOKEN") || Boolean(job.environment);

/** A GitLab job with its extends applied (the parents' keys first, its own over them). */
export function resolved(pipeline, name) {
  const job = pipeline[name] ?? {};
  const parents = [job.extends ?? []].flat().map((parent) => resolved(pipeline, parent));
  return Object.assign({}, ...parents, job, { variables: Object.assign({}, ...parents.map((p) => p.variables ?? {}), job.variables ?? {}) });
}

const script = (job) => [job.before_script ?? [], job.script ?? []].flat().join("\n");

/**
 * GitLab jobs that run pulumi up without needing their stack's image scan, which needs its stack's
 * IaC scan; and scan jobs that run in an environment (where its scoped Pulumi token would reach them).
 */
export function unscannedGitLabDeploys(pipeline) {
  const jobs = gitlabJobs(pipeline).map(([name]) => name).filter((name) => !name.startsWith("."));
  const found = [];
  for (const name of jobs) {
    const job = resolved(pipeline, name);
    if (!/pulumi up|\.ci\/release-stack/.test(script(job))) continue;
    const stack = job.variables.STACK;
    const sameStack = (other) => resolved(pipeline, other).variables.STACK === stack;
    const apart = (other) => !resolved(pipeline, other).environment;
    const trivy = needsOf(job).filter((n) => sameStack(n) && apart(n) && script(resolved(pipeline, n)).includes(".ci/image-scan") && /trivy/i.test(image(resolved(pipeline, n).image) ?? ""));
    const scanned = trivy.some((t) => needsOf(resolved(pipeline, t)).some((n) => sameStack(n) && apart(n) && script(resolved(pipeline, n)).includes(".ci/release-scan")));
    if (!scanned) found.push(name);
  }
  return found;
}

/** Every shell text of the CI definitions, as [where, text]: GitHub `run:`s, GitLab scripts. */
function shellTexts(github, gitlab) {
  const texts = [];
  for (const [file, workflow] of Object.entries(github))
    for (const [name, job] of jobsOf(workflow))
      for (const step of stepsOf(job)) if (typeof step.run === "string") texts.push([`${file} ${name}`, step.run]);
  for (const [name, job] of gitlabJobs(gitlab)) texts.push([`.gitlab-ci.yml ${name}`, [job.before_script ?? [], job.script ?? [], job.after_script ?? []].flat().join("\n")]);
  return texts;
}

/** `npm ci` / `npm install` that would run the packages' install scripts. */
export function installScripts(github, gitlab) {
  return shellTexts(github, gitlab).flatMap(([where, text]) =>
    text.split("\n").filter((line) => /\bnpm (ci|install|i)\b/.test(line) && !line.includes("--ignore-scripts")).map((line) => `${where}: ${line.trim()}`));
}

/** An installer piped into a shell (`curl … | sh`): unpinned code, unchecked. */
export function pipedInstallers(github, gitlab) {
  return shellTexts(github, gitlab).flatMap(([where, text]) =>
    text.split("\n").filter((line) => /\b(curl|wget)\b[^|]*\|\s*(sudo\s+)?(ba|z)?sh\b/.test(line)).map((line) => `${where}: ${line.trim()}`));
}

/** Whether a job pushes to the repository: the release script's push-back, the app pipeline's promotion branch, or a git push. */
const pushes = (job) => stepsOf(job).some((s) => s.env?.RELEASE_PUSH || runs(s, "git push") || runs(s, ".ci/propose-promotion"));

/**
 * Token scope problems of a workflow: workflow-level permissions other than none, a job without its
 * own permissions, `contents: write` on a job that does not push, a checkout that leaves its token
 * in .git/config (persist-credentials not false) in a job that does not push.
 */
export function tokenProblems(workflow) {
  const found = [];
  if (!(typeof workflow.permissions === "object" && workflow.permissions !== null && Object.keys(workflow.permissions).length === 0))
    found.push("workflow: permissions must be {} (each job says what it needs)");
  for (const [name, job] of jobsOf(workflow)) {
    if (!job.permissions) found.push(`${name}: no job-level permissions`);
    if (job.permissions?.contents === "write" && !pushes(job)) found.push(`${name}: contents: write but it pushes nothing`);
    for (const step of stepsOf(job))
      if (/^actions\/checkout@/.test(step.uses ?? "") && step.with?.["persist-credentials"] !== false && !pushes(job))
        found.push(`${name}: checkout persists its token but the job pushes nothing`);
  }
  return found;
}

const MAIN_ONLY = /github\.ref\s*==\s*'refs\/heads\/main'/;

/** With workflow_dispatch (any branch may be chosen), the jobs that are not kept to main by an `if` of their own or of a job they need. */
export function unguardedDispatch(workflow) {
  if (!workflow.on?.workflow_dispatch && workflow.on !== "workflow_dispatch") return [];
  const jobs = workflow.jobs ?? {};
  const guarded = (name, seen = new Set()) =>
    !seen.has(name) && jobs[name] !== undefined && (MAIN_ONLY.test(String(jobs[name].if ?? "")) || needsOf(jobs[name]).some((n) => guarded(n, new Set([...seen, name]))));
  return Object.keys(jobs).filter((name) => !guarded(name));
}

/**
 * Jobs on self-hosted runners whose `runs-on` is not `{group, labels}` naming a scale set some stack
 * serves, in the runner group that stack puts it in. `scaleSets`: [{ name, group, stack }] from
 * the stacks' rendered gha-runner-scale-set charts.
 */
export function unservedRunners(workflow, scaleSets) {
  const found = [];
  for (const [name, job] of jobsOf(workflow)) {
    if (job.uses) continue; // a reusable workflow's jobs say where they run, and are checked in its own file
    const target = job["runs-on"];
    if (typeof target === "string" && GITHUB_HOSTED.test(target)) continue;
    if (typeof target !== "object" || target === null || Array.isArray(target) || !target.group || !target.labels) {
      found.push(`${name}: runs-on ${JSON.stringify(target)} is not {group, labels}: a label alone may be served by any runner registered with it`);
      continue;
    }
    const labels = [target.labels].flat();
    const served = scaleSets.find((set) => labels.length === 1 && set.name === labels[0]);
    if (!served) found.push(`${name}: no stack serves the scale set ${JSON.stringify(labels)} (served: ${scaleSets.map((s) => s.name).join(", ")})`);
    else if (served.group !== target.group) found.push(`${name}: ${served.name} is in runner group "${served.group}" (stack ${served.stack}), not "${target.group}"`);
  }
  return found;
}

const environmentOf = (job) => (typeof job.environment === "object" && job.environment !== null ? job.environment.name : job.environment);

/**
 * Pulumi credentials out of place: an OIDC exchange (pulumi/auth-actions) or a stored
 * PULUMI_ACCESS_TOKEN in a job without an environment, or for a team not named after the job's
 * environment (Pulumi Cloud trusts each environment's token for its own team only); and on pull
 * requests, any environment but a "-preview" one.
 */
export function misplacedPulumiCredentials(workflow) {
  const onPullRequests = Boolean(workflow.on?.pull_request || workflow.on?.pull_request_target);
  const found = [];
  for (const [name, job] of jobsOf(workflow)) {
    const environment = environmentOf(job);
    if (onPullRequests && environment && !String(environment).endsWith("-preview"))
      found.push(`${name}: a pull request's job in the ${environment} environment`);
    const exchanges = stepsOf(job).filter((s) => /^pulumi\/auth-actions@/.test(s.uses ?? ""));
    const stored = JSON.stringify(job).includes("secrets.PULUMI_ACCESS_TOKEN");
    if ((exchanges.length > 0 || stored) && !environment) found.push(`${name}: a Pulumi credential outside any environment`);
    if (stored) found.push(`${name}: a stored PULUMI_ACCESS_TOKEN where an OIDC exchange would do`);
    for (const step of exchanges)
      if (environment && !String(step.with?.scope ?? "").startsWith(`team:${environment}`))
        found.push(`${name}: the ${environment} environment's token is for ${step.with?.scope ?? "the whole organization"}, not team:${environment}…`);
  }
  return found;
}

/**
 * GitLab merge request jobs in an environment other than a "-preview" one (its scoped variables
 * would reach MR code), or running pulumi outside any (its token would have to be unscoped).
 */
export function mergeRequestEnvironments(pipeline) {
  return gitlabJobs(pipeline)
    .filter(([name]) => !name.startsWith("."))
    .map(([name]) => [name, resolved(pipeline, name)])
    .filter(([, job]) => (job.rules ?? []).some((rule) => String(rule.if ?? "").includes("merge_request_event")))
    .flatMap(([name, job]) => {
      const environment = environmentOf(job);
      if (environment && !String(environment).endsWith("-preview")) return [`${name}: a merge request's job in the ${environment} environment`];
      if (!environment && /\bpulumi\b/.test(script(job))) return [`${name}: a merge request's pulumi job outside a -preview environment`];
      return [];
    });
}

const PRIVILEGED_TEXT = /--privileged|\/var\/run\/docker\.sock|\bdocker (build|buildx)\b/;
const DIND = /(^|\/)docker:[\w.-]*dind/;

/**
 * Image builds that need privilege, as "where: what": a GitHub job container or service started
 * with --privileged or the Docker socket, a Docker-in-Docker service (GitHub or GitLab), a
 * `docker build` in a script. Images are built by Kaniko, unprivileged (the app pipelines).
 */
export function privilegedBuilds(github, gitlabs) {
  const found = [];
  for (const [file, workflow] of Object.entries(github)) {
    for (const [name, job] of jobsOf(workflow)) {
      const containers = [job.container, ...Object.values(job.services ?? {})].filter((c) => typeof c === "object" && c !== null);
      for (const c of containers) if (PRIVILEGED_TEXT.test(String(c.options ?? ""))) found.push(`${file} ${name}: container options ${c.options}`);
      // A GitHub service names its image under `image:` (GitLab's under `name:`).
      for (const ref of Object.values(job.services ?? {}).map((c) => (typeof c === "object" && c !== null ? c.image : c)))
        if (DIND.test(String(ref))) found.push(`${file} ${name}: service ${ref}`);
      for (const step of stepsOf(job)) if (PRIVILEGED_TEXT.test(String(step.run ?? ""))) found.push(`${file} ${name}: ${String(step.run).trim().split("\n")[0]}`);
    }
  }
  for (const [file, pipeline] of Object.entries(gitlabs)) {
    for (const [name, job] of gitlabJobs(pipeline)) {
      for (const ref of (job.services ?? []).map(image)) if (DIND.test(String(ref))) found.push(`${file} ${name}: service ${ref}`);
      const text = [job.before_script ?? [], job.script ?? []].flat().join("\n");
      if (PRIVILEGED_TEXT.test(text)) found.push(`${file} ${name}: ${text.split("\n").find((l) => PRIVILEGED_TEXT.test(l)).trim()}`);
    }
  }
  return found;
}
