import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// Helpers of the specs that check deploy/ and k8s/ without a cluster (tools/ops/*.spec.ts).

export const root = path.resolve(__dirname, '..', '..');
export const OVERLAYS = ['dev', 'prod'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** A Kubernetes object as rendered (only the fields the checks read are typed). */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, string>;
  [field: string]: unknown;
}

/**
 * The path of a command line tool, or an error that says how CI gets it: these checks must fail
 * loudly on a machine without the tool, never pass by skipping.
 */
export function requireTool(name: 'kubectl' | 'promtool', debianPackage: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const where = found.stdout.trim();
  if (found.status !== 0 || !where) {
    throw new Error(`${name} is not installed: these checks need it (.ci/run installs it: apt-get install -y ${debianPackage})`);
  }
  return where;
}

/** The kustomize built into kubectl must read the kustomization fields of k8s/ (labels, patches with targets). */
const MIN_KUSTOMIZE_MAJOR = 5;

function kubectlWithKustomize(): string {
  const kubectl = requireTool('kubectl', 'kubectl');
  const version = spawnSync(kubectl, ['version', '--client'], { encoding: 'utf8' }).stdout ?? '';
  const major = Number(/Kustomize Version: v(\d+)/.exec(version)?.[1] ?? 0);
  if (major < MIN_KUSTOMIZE_MAJOR) {
    throw new Error(
      `kubectl at ${kubectl} has kustomize ${major ? `v${major}` : '(unknown)'}; k8s/ needs kustomize v${MIN_KUSTOMIZE_MAJOR} or later (kubectl 1.27+): ${version.trim()}`,
    );
  }
  return kubectl;
}

/** `kubectl kustomize k8s/overlays/<overlay>`, parsed. */
export function renderOverlay(overlay: Overlay): Manifest[] {
  const kubectl = kubectlWithKustomize();
  const text = execFileSync(kubectl, ['kustomize', path.join(root, 'k8s', 'overlays', overlay)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
}

export interface ModelValidation {
  validated: string[];
  invalid: { kind: string; name: string; error: string }[];
  unknown: string[];
}

/** Validates manifests against the Kubernetes and Prometheus-operator schemas (kubernetes-models). */
export function validateWithModels(manifests: unknown[]): ModelValidation {
  const result = spawnSync(process.execPath, [path.join(root, 'tools/ops/validate-manifests.mjs')], {
    input: JSON.stringify(manifests),
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`validate-manifests.mjs failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ModelValidation;
}

export function readYaml<T>(relativePath: string): T {
  return parse(readFileSync(path.join(root, relativePath), 'utf8')) as T;
}

/** The services: every folder of apps/ (a new app without manifests fails the checks). */
export function appNames(): string[] {
  return readdirSync(path.join(root, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Metric names the code registers (`name: 'phoihop_…'`), found in the sources of apps/ and libs/. */
export function metricNamesInCode(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) {
        for (const match of readFileSync(full, 'utf8').matchAll(/name: '(phoihop_[a-z0-9_]+)'/g)) names.add(match[1]!);
      }
    }
  };
  walk(path.join(root, 'apps'));
  walk(path.join(root, 'libs'));
  return names;
}

/** Metric names a PromQL expression reads (histogram and summary series reduced to their metric). */
export function metricNamesInQuery(expr: string): string[] {
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const names = [...withoutStrings.matchAll(/\b((?:phoihop|barman_cloud)_[a-zA-Z0-9_]+|up)\b(?!\s*\()/g)].map((m) => m[1]!);
  return [...new Set(names.map((name) => name.replace(/_(bucket|count|sum)$/, '')))];
}
