import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { readYaml, requireTool, root } from './ops-tools';

// The alert rules live in the PrometheusRule of the prod overlay; promtool reads plain rule files,
// so their groups are written to a temporary rules.yaml beside a copy of the unit tests.
const RULE = 'k8s/overlays/prod/monitoring/prometheus-rule.yaml';
const TESTS = 'k8s/overlays/prod/monitoring/alerts.test.yaml';

interface AlertRule {
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

describe('Prometheus alert rules', () => {
  const groups = readYaml<{ spec: { groups: { name: string; rules: AlertRule[] }[] } }>(RULE).spec.groups;
  const alerts = groups.flatMap((g) => g.rules);
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'phoi-hop-rules-'));
    writeFileSync(path.join(dir, 'rules.yaml'), stringify({ groups }));
    writeFileSync(path.join(dir, 'alerts.test.yaml'), readFileSync(path.join(root, TESTS)));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function promtool(...args: string[]): string {
    const binary = requireTool('promtool', 'prometheus');
    try {
      return execFileSync(binary, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`promtool ${args.join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
    }
  }

  it('pass promtool check rules', () => {
    expect(promtool('check', 'rules', 'rules.yaml')).toContain(`SUCCESS: ${alerts.length} rules found`);
  });

  it('pass their unit tests (promtool test rules)', () => {
    expect(promtool('test', 'rules', 'alerts.test.yaml')).toContain('SUCCESS');
  });

  it('have a unit test that fires each alert, with its labels and annotations', () => {
    const tests = parse(readFileSync(path.join(root, TESTS), 'utf8')) as {
      tests: { alert_rule_test: { alertname: string; exp_alerts: { exp_annotations?: Record<string, string> }[] }[] }[];
    };
    const firing = new Map<string, number>();
    for (const test of tests.tests)
      for (const check of test.alert_rule_test)
        if (check.exp_alerts.length > 0 && check.exp_alerts.every((a) => a.exp_annotations))
          firing.set(check.alertname, (firing.get(check.alertname) ?? 0) + 1);
    expect(alerts.map((a) => `${a.alert}: ${firing.has(a.alert)}`)).toEqual(alerts.map((a) => `${a.alert}: true`));
  });

  it('name a severity and carry a summary, a description and a runbook link', () => {
    for (const alert of alerts) {
      expect([alert.alert, alert.labels['severity']]).toEqual([alert.alert, expect.stringMatching(/^(critical|warning)$/)]);
      expect(Object.keys(alert.annotations).sort()).toEqual(['description', 'runbook_url', 'summary']);
    }
  });
});
