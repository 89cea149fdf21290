#!/usr/bin/env node
// The release gate's IaC scan: check.mjs over a `deliver render --stack S --out DIR` folder (the
// core's RenderFolder), judged against the accepted warnings (accepted.json, the one list). The one
// place that says what the scanner sees, for the release workflows and the C# PolicyScanTests alike
// (they write a RenderFolder and run this with --json): every rendered object (DIR/*.yaml), a
// stand-in for each Secret the Pulumi shell creates (DIR/secrets/, name and type only, so references
// resolve), and the pod templates written inside the ARC job ConfigMaps and the runner scale sets'
// chart values (DIR/charts/arc-runners.yaml, arc-release-runners.yaml), each as a Pod.
// Usage: node scan-render.mjs DIR [--markdown | --json]     Exit 0: no error; 1: errors (or no object); 2: bad usage.
import { readFileSync, readdirSync, existsSync, statSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, parseAllDocuments } from "yaml";
import { check, toResources } from "./check.mjs";

/**
 * The core's names (test.mjs holds them to GitHubRunners.cs): the job template ConfigMaps
 * (JobTemplateConfigMap, ReleaseJobTemplateConfigMap) and the scale set releases (ScaleSetRelease,
 * ReleaseScaleSetRelease) of the default and the release runners, and the Pods they are scanned as.
 */
export const JOB_TEMPLATES = { "github-runner-job-template": "github-job-template", "github-release-job-template": "github-release-job-template" };
export const RUNNER_TEMPLATES = { "arc-runners": "github-runner-template", "arc-release-runners": "github-release-runner-template" };

export function accepted() {
  return JSON.parse(readFileSync(fileURLToPath(new URL("accepted.json", import.meta.url)), "utf8")).accepted;
}

/** The accepted.json object pattern a warning matches, or null; `*` stands for any one name or namespace. */
export function acceptedAs(finding, list = accepted()) {
  const entry = list.find((a) => a.rule === finding.rule && new RegExp(`^${a.object.split("*").map(escape).join("[^/]+")}$`).test(finding.object));
  return entry?.object ?? null;
}

export const isAccepted = (finding, list = accepted()) => acceptedAs(finding, list) !== null;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const yamlFiles = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().map((f) => join(dir, f)) : []);

const pod = (name, namespace, spec) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace, labels: { scan: "embedded-template" } }, spec });

/** The scanner's input from a render folder, as one multi-document YAML text. */
export function scanInput(dir) {
  const objects = yamlFiles(dir).flatMap((file) => parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean));
  const standIns = yamlFiles(join(dir, "secrets")).map((file) => {
    const description = parse(readFileSync(file, "utf8"));
    const [namespace, name] = description.secret.split("/");
    return { apiVersion: "v1", kind: "Secret", metadata: { name, namespace }, type: description.type };
  });
  const embedded = [];
  for (const configMap of objects.filter((o) => o.kind === "ConfigMap" && o.metadata?.name in JOB_TEMPLATES)) {
    const template = parse(Object.values(configMap.data)[0]);
    embedded.push(pod(JOB_TEMPLATES[configMap.metadata.name], configMap.metadata.namespace, template.spec));
  }
  for (const [release, name] of Object.entries(RUNNER_TEMPLATES)) {
    const chartFile = join(dir, "charts", `${release}.yaml`);
    if (existsSync(chartFile)) {
      const chart = parse(readFileSync(chartFile, "utf8"));
      embedded.push(pod(name, chart.namespace, chart.values.template.spec));
    }
  }
  return [...objects, ...standIns, ...embedded];
}

/** Findings of a render folder, each marked accepted or not; errors are never accepted. */
export async function scanRender(dir) {
  const documents = scanInput(dir);
  const text = documents.map((d) => `---\n${JSON.stringify(d)}\n`).join("");
  const resources = toResources(text, dir);
  const { findings, ruleCount } = resources.length > 0 ? await check(resources) : { findings: [], ruleCount: 0 };
  const list = accepted();
  return {
    objects: resources.length,
    ruleCount,
    findings: findings.map((f) => {
      const pattern = f.level === "warning" ? acceptedAs(f, list) : null;
      return { ...f, accepted: pattern !== null, acceptedAs: pattern };
    }),
  };
}

export function report({ objects, ruleCount, findings }, markdown = false) {
  const errors = findings.filter((f) => f.level === "error");
  const accepted = findings.filter((f) => f.accepted);
  const other = findings.filter((f) => f.level === "warning" && !f.accepted);
  const line = (f) => `${f.level} ${f.rule} ${f.object} ${f.path}: ${f.message}`;
  const total = `policy-check: ${objects} objects, ${ruleCount} rules, ${errors.length} errors, ${other.length} warnings not accepted, ${accepted.length} accepted (tools/policy-check/accepted.json)`;
  if (!markdown) return [...errors.map(line), ...other.map(line), ...accepted.map((f) => `accepted ${line(f)}`), total].join("\n");
  const rows = [...errors, ...other].map((f) => `| ${f.level === "error" ? "**error**" : "warning"} | ${f.rule} | \`${f.object}\` | \`${f.path}\` | ${f.message.replaceAll("|", "\\|")} |`);
  return [
    `**${errors.length === 0 ? "IaC scan passed" : "IaC scan failed"}**: ${total.replace("policy-check: ", "")}`,
    "",
    ...(rows.length > 0 ? ["| level | rule | object | path | message |", "| --- | --- | --- | --- | --- |", ...rows] : ["No error and no warning beyond the accepted ones."]),
  ].join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const markdown = args.includes("--markdown");
  const json = args.includes("--json");
  const dirs = args.filter((a) => a !== "--markdown" && a !== "--json");
  if (dirs.length !== 1 || (markdown && json) || !existsSync(dirs[0]) || !statSync(dirs[0]).isDirectory()) {
    console.error("usage: node scan-render.mjs DIR [--markdown | --json]   (DIR: a deliver render --out folder)");
    process.exit(2);
  }
  const result = await scanRender(dirs[0]);
  console.log(json ? JSON.stringify(result) : report(result, markdown));
  process.exit(result.objects === 0 || result.findings.some((f) => f.level === "error") ? 1 : 0);
}

// Run as a script (not imported by the tests): compare real paths, since a symlinked or URL-encoded path
// would otherwise skip main() and exit 0 with no scan.
if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) await main();
