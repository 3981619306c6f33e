#!/usr/bin/env node
// Validates Kubernetes manifests (a JSON array on stdin) against the API schemas of
// `kubernetes-models` and of the Prometheus operator's CRDs (@kubernetes-models/prometheus-operator).
// Those packages are ES modules only, so the Jest specs (CommonJS) run this file as a child process.
// Prints one JSON object: { validated: [...], invalid: [{ kind, name, error }], unknown: [...] }.
import { readFileSync } from 'node:fs';

/** The module of a model: core "v1" → kubernetes-models/v1, "apps/v1" → kubernetes-models/apps/v1. */
function modelModule(apiVersion) {
  if (apiVersion.startsWith('monitoring.coreos.com/')) return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  return `kubernetes-models/${apiVersion}`;
}

const documents = JSON.parse(readFileSync(0, 'utf8'));
const result = { validated: [], invalid: [], unknown: [] };
for (const doc of documents) {
  const id = `${doc.kind}/${doc.metadata?.name}`;
  let Model;
  try {
    Model = (await import(modelModule(doc.apiVersion)))[doc.kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== 'function') {
    result.unknown.push(`${doc.apiVersion} ${id}`);
    continue;
  }
  try {
    new Model(doc).validate();
    result.validated.push(id);
  } catch (error) {
    result.invalid.push({ kind: doc.kind, name: doc.metadata?.name, error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(result));
