// Run with: node --test   (from tools/schema-check, after npm ci)
// Every test runs validate.mjs as a child process, exactly as the C# suite does,
// and asserts the exit code and the full output lines.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./validate.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "schema-check-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args, input) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { input, encoding: "utf8" });
  const lines = (s) => s.split("\n").filter(Boolean);
  return { code: r.status, out: lines(r.stdout), err: lines(r.stderr) };
}

function fixture(name, yaml) {
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return file;
}

const VALID = {
  Deployment: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 8080, name: http}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
          env: [{name: MODE, value: "yes"}]
`,
  Service: `
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}, {name: alt, port: 81, targetPort: 8080}]
`,
  ServiceMonitor: `
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  endpoints: [{port: http, interval: 30s, path: /metrics}]
`,
  PrometheusRule: `
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: web, namespace: shop}
spec:
  groups:
    - name: web
      rules:
        - alert: WebDown
          expr: up{job="web"} == 0
          for: 5m
          labels: {severity: critical}
`,
  HTTPRoute: `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: public}]
  hostnames: [shop.example.com]
  rules:
    - matches: [{path: {type: PathPrefix, value: /}}]
      backendRefs: [{name: web, port: 80}]
`,
  Gateway: `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: envoy
  listeners: [{name: http, protocol: HTTP, port: 80}]
`,
  NetworkPolicy: `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  ingress: [{from: [{namespaceSelector: {}}], ports: [{protocol: TCP, port: 8080}]}]
`,
  PodDisruptionBudget: `
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: web}}
`,
};
const stream = (...docs) => docs.join("---\n");

test("all valid fixtures pass, one multi-document file", () => {
  const file = fixture("valid.yaml", stream(...Object.values(VALID)) + "---\n"); // trailing empty doc is skipped
  assert.deepEqual(run([file]), { code: 0, out: ["schema-check: 8 objects valid, 0 invalid"], err: [] });
});

test("each valid fixture passes on its own, read from stdin", () => {
  for (const [kind, yaml] of Object.entries(VALID)) {
    assert.deepEqual(run(["-"], yaml), { code: 0, out: ["schema-check: 1 objects valid, 0 invalid"], err: [] }, kind);
  }
});

// Each bad object sits next to a valid one so the test also proves that only
// the bad object is named and the valid one is still counted.
const INVALID = [
  {
    name: "Deployment with replicas: three",
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: bad-replicas, namespace: shop}
spec:
  replicas: three
  selector: {matchLabels: {app: web}}
  template: {spec: {containers: [{name: web, image: nginx}]}}
`,
    line: "Deployment/shop/bad-replicas: data/spec/replicas must be integer",
  },
  {
    name: "Service with a string port",
    yaml: `
apiVersion: v1
kind: Service
metadata: {name: bad-port, namespace: shop}
spec:
  ports: [{name: http, port: eighty}]
`,
    line: "Service/shop/bad-port: data/spec/ports/0/port must be integer",
  },
  {
    name: "Deployment without selector",
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: no-selector, namespace: shop}
spec:
  template: {spec: {containers: [{name: web, image: nginx}]}}
`,
    line: "Deployment/shop/no-selector: data/spec must have required property selector",
  },
  {
    name: "unknown kind",
    yaml: `
apiVersion: example.com/v1
kind: Widget
metadata: {name: gadget, namespace: shop}
`,
    line: 'Widget/shop/gadget: unknown apiVersion/kind: no schema for apiVersion "example.com/v1" kind "Widget"',
  },
  {
    name: "known apiVersion with a misspelled kind",
    yaml: `
apiVersion: apps/v1
kind: Deployement
metadata: {name: typo, namespace: shop}
`,
    line: 'Deployement/shop/typo: unknown apiVersion/kind: no schema for apiVersion "apps/v1" kind "Deployement"',
  },
  {
    name: "HTTPRoute with a string backend port",
    yaml: `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: bad-route, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules: [{backendRefs: [{name: web, port: "80"}]}]
`,
    line: "HTTPRoute/shop/bad-route: data/spec/rules/0/backendRefs/0/port must be integer",
  },
  {
    name: "HTTPRoute with a bad path match type (enum)",
    yaml: `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: bad-match, namespace: shop}
spec:
  rules: [{matches: [{path: {type: Prefix, value: /}}]}]
`,
    line: "HTTPRoute/shop/bad-match: data/spec/rules/0/matches/0/path/type must be equal to one of the allowed values [Exact, PathPrefix, RegularExpression]",
  },
  {
    name: "PrometheusRule rule without expr",
    yaml: `
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: no-expr, namespace: shop}
spec: {groups: [{name: g, rules: [{alert: A}]}]}
`,
    line: "PrometheusRule/shop/no-expr: data/spec/groups/0/rules/0 must have required property expr",
  },
  {
    // YAML 1.1 like kubectl: unquoted yes is a boolean, and env values must be strings.
    name: "unquoted yes in an env value (YAML 1.1 boolean)",
    yaml: `
apiVersion: v1
kind: Pod
metadata: {name: yes-bool}
spec:
  containers: [{name: c, image: nginx, env: [{name: A, value: yes}]}]
`,
    line: "Pod/-/yes-bool: data/spec/containers/0/env/0/value must be string",
  },
];

for (const { name, yaml, line } of INVALID) {
  test(`fails: ${name}`, () => {
    const file = fixture(`${name.replace(/\W+/g, "-")}.yaml`, stream(VALID.Deployment, yaml));
    assert.deepEqual(run([file]), {
      code: 1,
      out: [`${file}: ${line}`, "schema-check: 1 objects valid, 1 invalid"],
      err: [],
    });
  });
}

test("several files and stdin are reported under their own names", () => {
  const good = fixture("good.yaml", VALID.Service);
  const r = run([good, "-"], INVALID[0].yaml);
  assert.equal(r.code, 1);
  assert.deepEqual(r.out, [`<stdin>: ${INVALID[0].line}`, "schema-check: 1 objects valid, 1 invalid"]);
});

test("documents without apiVersion/kind or that are not mappings are invalid", () => {
  const r = run(["-"], "kind: Secret\nmetadata: {name: s}\n---\n- just\n- a list\n");
  assert.equal(r.code, 1);
  assert.deepEqual(r.out, [
    "<stdin>: Secret/-/s: missing apiVersion or kind",
    "<stdin>: -/-/-: document is not a YAML mapping",
    "schema-check: 0 objects valid, 2 invalid",
  ]);
});

test("unparsable YAML exits 2 and validates nothing", () => {
  const r = run(["-"], stream(VALID.Service, "a: [unclosed\n"));
  assert.equal(r.code, 2);
  assert.deepEqual(r.out, []);
  assert.match(r.err[0], /^<stdin>: YAML error: /);
});

test("usage errors exit 2", () => {
  assert.equal(run([]).code, 2);
  assert.equal(run(["--strict"]).code, 2);
  assert.equal(run([join(dir, "missing.yaml")]).code, 2);
});

test("no objects read exits 1", () => {
  const r = run(["-"], "# only a comment\n---\n");
  assert.equal(r.code, 1);
  assert.deepEqual(r.out, ["schema-check: 0 objects valid, 0 invalid"]);
});

test("--list-kinds covers core, apps, policy, networking, CRDs", () => {
  const r = run(["--list-kinds"]);
  assert.equal(r.code, 0);
  for (const k of [
    "v1 ConfigMap", "v1 Service", "apps/v1 StatefulSet", "batch/v1 CronJob", "policy/v1 PodDisruptionBudget",
    "networking.k8s.io/v1 Ingress", "autoscaling/v2 HorizontalPodAutoscaler", "rbac.authorization.k8s.io/v1 RoleBinding",
    "monitoring.coreos.com/v1 PodMonitor", "monitoring.coreos.com/v1alpha1 ScrapeConfig",
    "gateway.networking.k8s.io/v1 GatewayClass", "gateway.networking.k8s.io/v1 GRPCRoute",
  ]) assert.ok(r.out.includes(k), k);
  assert.ok(r.out.length > 250, `only ${r.out.length} kinds`);
});

// Documents a limit rather than a wish: the packages' compiled schemas have no
// additionalProperties: false, so misspelled fields pass. If an upgrade starts
// rejecting them, this test fails and README.md must be updated.
test("known limit: unknown / misspelled fields are NOT rejected", () => {
  const r = run(["-"], VALID.Deployment.replace("replicas: 3", "replica: 3") + "bogusTopLevel: 1\n");
  assert.deepEqual(r, { code: 0, out: ["schema-check: 1 objects valid, 0 invalid"], err: [] });
});
