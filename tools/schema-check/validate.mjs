#!/usr/bin/env node
// Validate every Kubernetes object in multi-document YAML files against the
// OpenAPI/JSON schemas shipped by kubernetes-models and its CRD companions.
// Usage: node validate.mjs FILE... | -        (see README.md)
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const PACKAGES = [
  "kubernetes-models",
  "@kubernetes-models/prometheus-operator",
  "@kubernetes-models/gateway-api",
];
const VERSION_DIR = /^v\d+(?:(?:alpha|beta)\d+)?$/;

// apiVersion -> module specifiers, found by scanning the packages' folders:
// each package lays out <group>/<version>/index.js (the core group is just
// <version>/, e.g. kubernetes-models/v1) and exports it as "<pkg>/<group>/<version>".
// Scanning (cheap readdir) instead of a hand list means a package upgrade
// brings its new kinds with it. Modules are imported lazily because importing
// everything costs ~1.3 s.
function scanApiVersions() {
  const table = new Map();
  const add = (apiVersion, specifier) => {
    if (!table.has(apiVersion)) table.set(apiVersion, []);
    table.get(apiVersion).push(specifier);
  };
  for (const pkg of PACKAGES) {
    const root = dirname(fileURLToPath(import.meta.resolve(pkg)));
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith("_")) continue; // _schemas
      if (VERSION_DIR.test(entry.name)) {
        add(entry.name, `${pkg}/${entry.name}`);
        continue;
      }
      for (const version of readdirSync(join(root, entry.name))) {
        if (VERSION_DIR.test(version)) add(`${entry.name}/${version}`, `${pkg}/${entry.name}/${version}`);
      }
    }
  }
  return table;
}

const apiVersions = scanApiVersions();
const kindsByApiVersion = new Map(); // apiVersion -> Map(kind -> model class)

// The kind map comes from the classes' own static apiVersion/kind, so a folder
// that did not match its apiVersion would show up as "unknown", never as a
// silently wrong schema.
async function kindsOf(apiVersion) {
  if (!kindsByApiVersion.has(apiVersion)) {
    const kinds = new Map();
    for (const specifier of apiVersions.get(apiVersion) ?? []) {
      for (const value of Object.values(await import(specifier))) {
        if (typeof value === "function" && value.apiVersion === apiVersion && value.kind) kinds.set(value.kind, value);
      }
    }
    kindsByApiVersion.set(apiVersion, kinds);
  }
  return kindsByApiVersion.get(apiVersion);
}

// Parse like kubectl / the API server (sigs.k8s.io/yaml, i.e. go-yaml v2 = YAML 1.1):
// `yes`/`on`/`y` are booleans and `0644` is octal, so an unquoted `value: yes`
// fails here as it would in the cluster. go-yaml keeps timestamps and
// sexagesimal numbers (`1:30`) as strings, so those YAML 1.1 tags are dropped.
const YAML_OPTIONS = {
  version: "1.1",
  customTags: (tags) => tags.filter((t) => t.tag !== "tag:yaml.org,2002:timestamp" && t.format !== "TIME"),
};

function usage(message) {
  if (message) console.error(`schema-check: ${message}`);
  console.error("usage: node validate.mjs FILE... | -   (multi-document YAML; - reads stdin)");
  console.error("       node validate.mjs --list-kinds   (print every known apiVersion and kind)");
  process.exit(2);
}

async function listKinds() {
  const lines = [];
  for (const apiVersion of apiVersions.keys()) {
    for (const kind of (await kindsOf(apiVersion)).keys()) lines.push(`${apiVersion} ${kind}`);
  }
  console.log(lines.sort().join("\n"));
}

async function validateObject(obj) {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return "document is not a YAML mapping";
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return "missing apiVersion or kind";
  const Model = (await kindsOf(apiVersion)).get(kind);
  if (!Model) return `unknown apiVersion/kind: no schema for apiVersion "${apiVersion}" kind "${kind}"`;
  try {
    new Model(obj).validate();
    return null;
  } catch (err) {
    return formatErrors(err);
  }
}

// The packages' own message joins ajv errors with ", ", repeats identical ones
// (a $ref'd int32 port reports "must be integer" twice) and hides enum values.
// Rebuild it from the ajv error list (already localized by validate()).
function formatErrors(err) {
  if (!Array.isArray(err.errors)) return err.message;
  const lines = err.errors.map((e) => {
    const allowed = e.params?.allowedValues ? ` [${e.params.allowedValues.join(", ")}]` : "";
    return `data${e.instancePath} ${e.message}${allowed}`;
  });
  return [...new Set(lines)].join("; ");
}

const args = process.argv.slice(2);
if (args.length === 0) usage("no input files");
if (args.length === 1 && args[0] === "--list-kinds") {
  await listKinds();
  process.exit(0);
}
for (const arg of args) if (arg.startsWith("-") && arg !== "-") usage(`unknown option ${arg}`);

// Read and parse everything first: a broken file is a usage error (exit 2)
// and must not be hidden behind partial validation output.
const inputs = [];
let parseFailed = false;
for (const file of args) {
  const label = file === "-" ? "<stdin>" : file;
  let text;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (err) {
    usage(`${label}: ${err.message}`);
  }
  const docs = parseAllDocuments(text, YAML_OPTIONS);
  for (const doc of docs) {
    for (const err of doc.errors) {
      console.error(`${label}: YAML error: ${err.message.split("\n")[0]}`); // drop the code frame
      parseFailed = true;
    }
  }
  inputs.push({ label, docs });
}
if (parseFailed) process.exit(2);

let valid = 0;
let invalid = 0;
for (const { label, docs } of inputs) {
  for (const doc of docs) {
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue; // empty document, e.g. a trailing `---`
    const error = await validateObject(obj);
    if (!error) {
      valid++;
      continue;
    }
    invalid++;
    const meta = obj?.metadata ?? {};
    const id = [obj?.kind ?? "-", meta.namespace ?? "-", meta.name ?? meta.generateName ?? "-"].join("/");
    console.log(`${label}: ${id}: ${error}`);
  }
}
console.log(`schema-check: ${valid} objects valid, ${invalid} invalid`);
if (valid + invalid === 0) console.error("schema-check: no objects read");
process.exit(invalid === 0 && valid > 0 ? 0 : 1);
