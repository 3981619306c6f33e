#!/usr/bin/env node
// Validates Kubernetes manifests (a JSON array on stdin) against the API schemas of
// `kubernetes-models` and of the Prometheus operator's CRDs (@kubernetes-models/prometheus-operator),
// and CloudNativePG's CRDs against their OpenAPI schemas kept in crds/cloudnative-pg.json (no npm
// package has them). The model packages are ES modules only, so the Jest specs (CommonJS) run this
// file as a child process.
// Prints one JSON object: { validated: [...], invalid: [{ kind, name, error }], unknown: [...] }.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

/**
 * A CRD's OpenAPI schema as the API server applies it to a manifest: fields it does not declare are
 * errors here (the server would drop them silently, which is how a misspelt field goes unnoticed).
 */
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === 'properties' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closed(v)])) : closed(value),
    ]),
  );
  if (copy.type === 'object' && copy.properties && !copy['x-kubernetes-preserve-unknown-fields'] && copy.additionalProperties === undefined)
    copy.additionalProperties = false;
  return copy;
}

// Kubernetes' own formats (int32, int64, ...) are not JSON Schema's: types are checked, formats not.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
const crdValidators = new Map(
  JSON.parse(readFileSync(new URL('./crds/cloudnative-pg.json', import.meta.url), 'utf8')).crds.map((crd) => {
    const schema = closed(crd.schema);
    // metadata is Kubernetes' ObjectMeta, not part of the CRD's own schema.
    schema.properties.metadata = { type: 'object' };
    return [`${crd.group}/${crd.version} ${crd.kind}`, ajv.compile(schema)];
  }),
);

/** The module of a model: core "v1" → kubernetes-models/v1, "apps/v1" → kubernetes-models/apps/v1. */
function modelModule(apiVersion) {
  if (apiVersion.startsWith('monitoring.coreos.com/')) return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  return `kubernetes-models/${apiVersion}`;
}

const documents = JSON.parse(readFileSync(0, 'utf8'));
const result = { validated: [], invalid: [], unknown: [] };
for (const doc of documents) {
  const id = `${doc.kind}/${doc.metadata?.name}`;
  const crd = crdValidators.get(`${doc.apiVersion} ${doc.kind}`);
  if (crd) {
    if (crd(doc)) result.validated.push(id);
    else result.invalid.push({ kind: doc.kind, name: doc.metadata?.name, error: ajv.errorsText(crd.errors, { dataVar: doc.kind }) });
    continue;
  }
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
