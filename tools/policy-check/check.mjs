#!/usr/bin/env node
// Run @monokle/validation's offline core plugins over multi-document Kubernetes YAML:
// pod-security-standards (every rule on, also those off by default, as errors), practices and
// resource-links. No plugin that fetches anything (schemas, OPA wasm, community plugins) is used.
// Pod Security findings are judged like Pod Security admission: in a namespace whose rendered
// Namespace object enforces "baseline", the restricted-only rules (PSS2xx) are warnings; where it
// enforces "privileged", every PSS rule is. Everywhere else, and where no Namespace object says, errors.
// Usage: node check.mjs FILE | -          (see README.md)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { MonokleValidator, ResourceParser, DefaultPluginLoader, DisabledFixer, processRefs } from "@monokle/validation";

export const PLUGINS = ["pod-security-standards", "practices", "resource-links"];

function usage(message) {
  if (message) console.error(`policy-check: ${message}`);
  console.error("usage: node check.mjs FILE | -   (multi-document YAML; - reads stdin)");
  process.exit(2);
}

export function toResources(text, filePath) {
  const resources = [];
  let index = 0;
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new Error(`${filePath}: ${document.errors[0].message}`);
    const content = document.toJS();
    if (content === null || content === undefined) continue;
    const { apiVersion, kind, metadata = {} } = content;
    resources.push({
      id: `${kind}/${metadata.namespace ?? "-"}/${metadata.name}#${index++}`,
      fileId: filePath,
      filePath,
      fileOffset: 0,
      name: metadata.name,
      apiVersion,
      kind,
      namespace: metadata.namespace,
      content,
      text: document.toString(),
    });
  }
  return resources;
}

/** Every rule of the plugins on, at its own level ("err" or "warn"); the PSS rules that are off by default at "err". */
async function validator() {
  const monokle = new MonokleValidator({ loader: new DefaultPluginLoader(), parser: new ResourceParser(), fixer: new DisabledFixer() });
  const plugins = Object.fromEntries(PLUGINS.map((p) => [p, true]));
  await monokle.preload({ plugins });
  const rules = {};
  for (const plugin of PLUGINS) {
    for (const rule of monokle.rules[plugin] ?? []) {
      const level = rule.configuration?.level === "warning" ? "warn" : "err";
      rules[`${plugin}/${rule.name}`] = plugin === "pod-security-standards" ? "err" : level;
    }
  }
  await monokle.preload({ plugins, rules });
  return { monokle, ruleCount: Object.keys(rules).length };
}

export async function check(resources) {
  const { monokle, ruleCount } = await validator();
  processRefs(resources, new ResourceParser());
  const response = await monokle.validate({ resources });
  const byId = new Map(resources.map((r) => [r.id, r]));
  const enforced = new Map(
    resources
      .filter((r) => r.kind === "Namespace")
      .map((r) => [r.name, r.content.metadata?.labels?.["pod-security.kubernetes.io/enforce"] ?? "restricted"]),
  );
  const allowedByAdmission = (rule, resource) => {
    if (!rule.id.startsWith("PSS") || !resource) return false;
    const level = enforced.get(resource.namespace) ?? "restricted";
    return level === "privileged" || (level === "baseline" && Number(rule.id.slice(3)) >= 200);
  };
  const findings = [];
  for (const run of response.runs) {
    for (const result of run.results) {
      const plugin = result.rule.toolComponent.name;
      const rule = run.tool.extensions.find((e) => e.name === plugin).rules[result.rule.index];
      const located = result.locations.find((l) => l.physicalLocation?.artifactLocation?.uriBaseId === "RESOURCE");
      const resource = byId.get(located?.physicalLocation.artifactLocation.uri);
      const path = located?.logicalLocations?.find((l) => l.kind === "element")?.fullyQualifiedName ?? "";
      findings.push({
        level: result.level === "error" && !allowedByAdmission(rule, resource) ? "error" : "warning",
        rule: `${rule.id} ${plugin}/${rule.name}`,
        object: resource ? `${resource.kind}/${resource.namespace ?? "-"}/${resource.name}` : "?",
        path,
        message: result.message.text,
      });
    }
  }
  return { findings, ruleCount };
}

// readFileSync(0) fails with EAGAIN on a non-blocking pipe; read the stream instead.
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1) usage();
  const file = args[0];
  const text = file === "-" ? await readStdin() : readFileSync(file, "utf8");
  let resources;
  try {
    resources = toResources(text, file === "-" ? "<stdin>" : file);
  } catch (error) {
    console.error(`policy-check: ${error.message}`);
    process.exit(2);
  }
  if (resources.length === 0) {
    console.log("policy-check: no object read");
    process.exit(1);
  }
  const { findings, ruleCount } = await check(resources);
  for (const f of findings) console.log(`${f.level} ${f.rule} ${f.object} ${f.path}: ${f.message}`);
  const errors = findings.filter((f) => f.level === "error").length;
  console.log(`policy-check: ${resources.length} objects, ${ruleCount} rules, ${errors} errors, ${findings.length - errors} warnings`);
  process.exit(errors > 0 ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
