#!/usr/bin/env node
// Parse every `expr` of a Loki ruler rule file (Prometheus rule-file shape:
// groups[].rules[].expr) with Grafana's own LogQL grammar, @grafana/lezer-logql,
// in strict mode, so any syntax error throws instead of being skipped over.
// Usage: node check.mjs FILE | -     (- reads stdin)
// Exit 0: every expr parses (prints one "ok" line per rule). Exit 1: one line
// per problem, "group/rule: message", for every problem. Exit 2: usage.
import { readFileSync } from "node:fs";
import { parser } from "@grafana/lezer-logql";
import { parse } from "yaml";

const strict = parser.configure({ strict: true });

/** The problem with one LogQL query, or null when it parses. */
export function problemOf(expr) {
  if (typeof expr !== "string" || expr.trim() === "") return "expr is missing or empty";
  try {
    strict.parse(expr);
    return null;
  } catch (error) {
    const at = /No parse at (\d+)/.exec(error.message);
    return at ? `does not parse at offset ${at[1]}: ${JSON.stringify(expr.slice(Number(at[1]), Number(at[1]) + 30))} in ${expr}` : `${error.message} in ${expr}`;
  }
}

/** Every problem of a rule file's text; a file without rules is a problem too. */
export function checkRuleFile(text) {
  const document = parse(text);
  const groups = document?.groups;
  if (!Array.isArray(groups) || groups.length === 0) return { checked: [], problems: ["the file has no rule groups"] };
  const checked = [];
  const problems = [];
  for (const group of groups) {
    if (!Array.isArray(group.rules) || group.rules.length === 0) {
      problems.push(`${group.name}: the group has no rules`);
      continue;
    }
    for (const rule of group.rules) {
      const name = `${group.name}/${rule.alert ?? rule.record}`;
      const problem = problemOf(rule.expr);
      if (problem) problems.push(`${name}: ${problem}`);
      else checked.push(name);
    }
  }
  return { checked, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [source] = process.argv.slice(2);
  if (!source || process.argv.length > 3) {
    console.error("usage: node check.mjs FILE | -");
    process.exit(2);
  }
  const { checked, problems } = checkRuleFile(readFileSync(source === "-" ? 0 : source, "utf8"));
  for (const name of checked) console.log(`ok ${name}`);
  for (const problem of problems) console.error(problem);
  process.exit(problems.length === 0 ? 0 : 1);
}
