// Run with: node --test   (from tools/logql-check, after npm ci)
// Runs check.mjs as a child process, as the C# suite does, on a good and a broken rule file.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./check.mjs", import.meta.url));

function run(input) {
  const r = spawnSync(process.execPath, [SCRIPT, "-"], { input, encoding: "utf8" });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

const rules = (expr) => `groups:
  - name: api.logs
    rules:
      - alert: AppLogErrors
        expr: '${expr}'
`;

test("a well-formed metric query passes", () => {
  const r = run(rules('sum by (app) (rate({namespace="apps", app="api"} |~ `(?i)error` [10m])) * 60 > 5'));
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, "ok api.logs/AppLogErrors");
});

test("an unbalanced parenthesis is rejected with its rule and offset", () => {
  const r = run(rules('sum by (app) (rate({app="api"} |~ "x" [10m]) > 5'));
  assert.equal(r.code, 1);
  assert.match(r.err, /^api\.logs\/AppLogErrors: does not parse at offset \d+/);
});

test("a file without rules fails rather than passing vacuously", () => {
  const r = run("groups: []\n");
  assert.equal(r.code, 1);
  assert.equal(r.err, "the file has no rule groups");
});
