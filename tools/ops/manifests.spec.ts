import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { metricsRegistry } from '@phoi-hop/observability';
import { SERVICES } from '../dev/services';
import {
  OVERLAYS,
  appNames,
  metricNamesInCode,
  metricNamesInQuery,
  readYaml,
  renderOverlay,
  root,
  validateWithModels,
  type Manifest,
  type Overlay,
} from './ops-tools';

// What `kubectl apply -k k8s/overlays/<env>` would send, checked without a cluster: the Kubernetes
// schemas (kubernetes-models), and the promises of docs/operations.md that a schema cannot see.

const rendered = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, renderOverlay(overlay)])) as Record<Overlay, Manifest[]>;
const of = (overlay: Overlay, kind: string) => rendered[overlay].filter((m) => m.kind === kind);
const named = (overlay: Overlay, kind: string, name: string) => {
  const found = of(overlay, kind).find((m) => m.metadata.name === name);
  if (!found) throw new Error(`${overlay}: no ${kind} ${name}`);
  return found;
};
const serviceDeployments = (overlay: Overlay) => of(overlay, 'Deployment').filter((d) => d.metadata.labels?.['app.kubernetes.io/component'] === 'service');
const DATABASE_SERVICES = ['consultation', 'directory', 'evidence', 'intake', 'notification', 'press', 'reporting'];
/** Evidence's blobs (EVIDENCE_DIR) must outlive every pod: in dev a claim, its one writable place besides /tmp; in prod an S3 bucket. */
const BLOB_STORE = { volume: 'evidence-blobs', claim: 'evidence-blobs' };
const BLOBS_IN_S3: Record<Overlay, boolean> = { dev: false, prod: true };

describe.each(OVERLAYS)('k8s/overlays/%s', (overlay) => {
  const manifests = rendered[overlay];

  it('validates every manifest against the Kubernetes, Prometheus-operator and CloudNativePG schemas', () => {
    const result = validateWithModels(manifests);
    expect(result.invalid).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.validated).toHaveLength(manifests.length);
  });

  it('puts everything in its one namespace', () => {
    const namespace = overlay === 'prod' ? 'phoi-hop' : 'phoi-hop-dev';
    expect(named(overlay, 'Namespace', namespace).metadata.labels?.['pod-security.kubernetes.io/enforce']).toBeDefined();
    for (const m of manifests.filter((m) => m.kind !== 'Namespace'))
      expect(`${m.kind}/${m.metadata.name} in ${m.metadata.namespace}`).toBe(`${m.kind}/${m.metadata.name} in ${namespace}`);
  });

  it('has a Deployment, Service, ConfigMap, HPA and PDB for every app, on the port npm start gives it', () => {
    const deployments = serviceDeployments(overlay);
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(appNames());
    for (const spec of SERVICES) {
      const container = named(overlay, 'Deployment', spec.name).spec.template.spec.containers[0];
      expect(container.ports).toEqual([{ name: 'http', containerPort: spec.port, protocol: 'TCP' }]);
      expect(named(overlay, 'ConfigMap', `${spec.name}-config`).data?.['HTTP_PORT']).toBe(String(spec.port));
      expect(named(overlay, 'Service', spec.name).spec.ports[0]).toMatchObject({ port: spec.port, targetPort: 'http' });
      const hpa = named(overlay, 'HorizontalPodAutoscaler', spec.name);
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: spec.name });
      expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
      expect(named(overlay, 'PodDisruptionBudget', spec.name).spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': spec.name });
      // The HPA owns the replica count: a replicas field would reset it on every apply.
      expect(named(overlay, 'Deployment', spec.name).spec.replicas).toBeUndefined();
    }
  });

  it('probes /health/live and /health/ready, bounds resources and runs locked down', () => {
    for (const deployment of serviceDeployments(overlay)) {
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;
      const name = deployment.metadata.name;
      expect({ name, live: container.livenessProbe.httpGet, ready: container.readinessProbe.httpGet }).toEqual({
        name,
        live: { path: '/health/live', port: 'http' },
        ready: { path: '/health/ready', port: 'http' },
      });
      expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources.limits).toMatchObject({ memory: expect.any(String) });
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      // The only writable place: an emptyDir on /tmp; and for evidence its blob store, a claim (below).
      const blobStore = name === 'evidence' && !BLOBS_IN_S3[overlay] ? [BLOB_STORE.volume] : [];
      expect(container.volumeMounts.map((m: { name: string }) => m.name)).toEqual(['tmp', ...blobStore]);
      expect(container.volumeMounts[0]).toEqual({ name: 'tmp', mountPath: '/tmp' });
      expect(pod.volumes.map((v: { name: string }) => v.name)).toEqual(['tmp', ...blobStore]);
      expect(pod.volumes[0]).toEqual({ name: 'tmp', emptyDir: expect.any(Object) });
      expect(pod.serviceAccountName).toBe('phoi-hop');
      expect(pod.automountServiceAccountToken).toBe(false);
    }
    expect(named(overlay, 'ServiceAccount', 'phoi-hop').automountServiceAccountToken).toBe(false);
  });

  it('keeps evidence blobs where they outlive every pod: a ReadWriteMany claim at EVIDENCE_DIR (dev), an S3 bucket (prod)', () => {
    const pod = named(overlay, 'Deployment', 'evidence').spec.template.spec;
    const config = named(overlay, 'ConfigMap', 'evidence-config').data ?? {};
    const env = pod.containers[0].env as { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } } }[];
    if (BLOBS_IN_S3[overlay]) {
      expect(config).toMatchObject({
        EVIDENCE_STORAGE: 's3',
        EVIDENCE_S3_BUCKET: expect.any(String),
        EVIDENCE_S3_ENDPOINT: expect.stringMatching(/^https:\/\//),
      });
      expect(config['EVIDENCE_S3_REGION']).toBeTruthy();
      expect(config['EVIDENCE_DIR']).toBeUndefined();
      // The store's keys reach the AWS SDK's standard variables by reference only.
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])
        expect(env.find((e) => e.name === name)?.valueFrom?.secretKeyRef).toEqual({ name: 'phoi-hop-evidence-s3', key: expect.any(String) });
      expect(pod.volumes.map((v: { name: string }) => v.name)).not.toContain(BLOB_STORE.volume);
      expect(of(overlay, 'PersistentVolumeClaim').map((c) => c.metadata.name)).not.toContain(BLOB_STORE.claim);
    } else {
      const dir = config['EVIDENCE_DIR'];
      expect(config['EVIDENCE_STORAGE'] ?? 'filesystem').toBe('filesystem');
      expect(dir).toMatch(/^\/(?!tmp\b)/);
      expect(pod.containers[0].volumeMounts).toContainEqual({ name: BLOB_STORE.volume, mountPath: dir });
      expect(pod.volumes).toContainEqual({ name: BLOB_STORE.volume, persistentVolumeClaim: { claimName: BLOB_STORE.claim } });
      // Every replica writes uploads and captures and re-hashes every blob: one shared volume.
      expect(named(overlay, 'PersistentVolumeClaim', BLOB_STORE.claim).spec.accessModes).toEqual(['ReadWriteMany']);
    }
    // The signing key is required in production: by reference, and not optional.
    for (const name of ['EVIDENCE_SIGNING_KEY', 'EVIDENCE_SIGNING_KEY_ID']) {
      expect(env.find((e) => e.name === name)?.valueFrom?.secretKeyRef).toEqual({ name: 'phoi-hop-evidence-signing', key: expect.any(String) });
    }
  });

  it('commits no secret: no Secret object, secret settings only by reference, none in a ConfigMap', () => {
    expect(of(overlay, 'Secret')).toEqual([]);
    const secretish = /SECRET|PASSWORD|TOKEN_SECRET|DATABASE_URL|SMTP_URL|API_KEY|SIGNING_KEY/;
    for (const m of manifests.filter((m) => ['Deployment', 'Job'].includes(m.kind))) {
      const pod = m.spec.template.spec;
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        for (const env of container.env ?? []) {
          if (secretish.test(env.name))
            expect({ container: container.name, env: env.name, value: env.value, from: Boolean(env.valueFrom?.secretKeyRef) }).toEqual({
              container: container.name,
              env: env.name,
              value: undefined,
              from: true,
            });
        }
      }
    }
    for (const configMap of of(overlay, 'ConfigMap'))
      for (const key of Object.keys(configMap.data ?? {})) expect(`${configMap.metadata.name}.${key}`).not.toMatch(secretish);
  });

  it('runs every database migration in the Job, MIGRATE_ONLY, before the Deployments', () => {
    const job = named(overlay, 'Job', 'phoi-hop-migrate');
    const steps = job.spec.template.spec.initContainers as { name: string; image: string; env: { name: string; value?: string }[] }[];
    expect(steps.map((s) => s.name)).toEqual([
      'migrate-directory',
      'migrate-intake',
      'migrate-consultation',
      'migrate-notification',
      'migrate-evidence',
      'migrate-press',
      'migrate-reporting',
    ]);
    for (const step of steps) {
      const service = step.name.replace('migrate-', '');
      expect(step.image).toBe(named(overlay, 'Deployment', service).spec.template.spec.containers[0].image);
      expect(step.env.find((e) => e.name === 'MIGRATE_ONLY')?.value).toBe('true');
    }
    // Every service with a database is migrated by the Job, and only those read DATABASE_URL.
    const withDatabase = serviceDeployments(overlay)
      .filter((d) => d.spec.template.spec.containers[0].env.some((e: { name: string }) => e.name === 'DATABASE_URL'))
      .map((d) => d.metadata.name)
      .sort();
    expect(withDatabase).toEqual(DATABASE_SERVICES);
    // Each reaches its own schema: the per-service ConfigMap's settings beyond HTTP_PORT are rendered.
    for (const service of DATABASE_SERVICES)
      expect(`${service}: ${named(overlay, 'ConfigMap', `${service}-config`).data?.['DB_SCHEMA']}`).toBe(`${service}: ${service}`);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('denies all traffic by default, lets services reach only NATS, Postgres and DNS in the cluster, and exposes only the gateway and the press reply pages', () => {
    const policies = of(overlay, 'NetworkPolicy');
    expect(named(overlay, 'NetworkPolicy', 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const servicePods = serviceDeployments(overlay).map((d) => d.spec.template.metadata.labels as Record<string, string>);
    const selects = (selector: { matchLabels?: Record<string, string> }, labels: Record<string, string>) =>
      Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    // Every in-cluster destination a service pod may reach.
    for (const labels of servicePods) {
      const destinations = policies
        .filter((p) => p.spec.policyTypes.includes('Egress') && selects(p.spec.podSelector, labels))
        .flatMap(
          (p) => (p.spec.egress ?? []) as { to?: { podSelector?: { matchLabels: Record<string, string> }; ipBlock?: { cidr: string; except: string[] } }[] }[],
        )
        .flatMap((rule) => rule.to ?? [])
        .map((to) => (to.ipBlock ? `outside the cluster (except ${to.ipBlock.except.join(', ')})` : JSON.stringify(to.podSelector?.matchLabels)));
      const allowed = [
        JSON.stringify({ 'k8s-app': 'kube-dns' }),
        JSON.stringify({ 'app.kubernetes.io/name': 'nats' }),
        JSON.stringify({ 'cnpg.io/cluster': 'phoi-hop-db' }),
        JSON.stringify({ 'app.kubernetes.io/name': 'otel-collector' }),
        'outside the cluster (except 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16)',
      ];
      for (const destination of destinations) expect(allowed).toContain(destination);
    }
    // Outside the cluster: only the gateway (OIDC keys), notification (SMTP, webhooks), evidence
    // (captures of public pages) and reporting (the digest's news feeds), the last two http and https only.
    const outboundPolicies = policies.filter((p) => JSON.stringify(p.spec.egress ?? []).includes('0.0.0.0/0'));
    const outbound = outboundPolicies.map((p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name']);
    expect(outbound.sort()).toEqual(['evidence', 'gateway', 'notification', 'reporting']);
    for (const fetcher of ['evidence', 'reporting']) {
      const ports = outboundPolicies
        .filter((p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === fetcher)
        .flatMap((p) => p.spec.egress.flatMap((rule: { ports: { protocol: string; port: number }[] }) => rule.ports));
      expect({ fetcher, ports }).toEqual({
        fetcher,
        ports: [
          { protocol: 'TCP', port: 80 },
          { protocol: 'TCP', port: 443 },
        ],
      });
    }
    // Two Ingresses: GraphQL to the gateway, the press service's public statements feed, the reporting service's public transparency page and its signed document downloads;
    // and, with a body limit that fits a reply's files, the press service's one-time reply pages (journalists have no account), uploads and downloads.
    const backends = of(overlay, 'Ingress').flatMap((i) =>
      i.spec.rules.flatMap((r: { host: string; http: { paths: { path: string; backend: { service: { name: string } } }[] } }) =>
        r.http.paths.map((p) => `${i.metadata.name}: ${p.path} → ${p.backend.service.name}`),
      ),
    );
    expect(backends).toEqual([
      'gateway: /graphql → gateway',
      'gateway: /feeds/statements.atom → press',
      'gateway: /feeds/statements → press',
      'gateway: /transparency → reporting',
      'gateway: /reporting/documents → reporting',
      'gateway: /reporting/digest/documents → reporting',
      'press-replies: /press/reply → press',
      'press-replies: /press/uploads → press',
      'press-replies: /press/attachments → press',
    ]);
    const ingresses = of(overlay, 'Ingress');
    expect(new Set(ingresses.map((i) => i.spec.rules[0].host)).size).toBe(1);
    expect(named(overlay, 'Ingress', 'press-replies').metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('30m');
    for (const service of of(overlay, 'Service'))
      expect([service.metadata.name, service.spec.type ?? 'ClusterIP']).toEqual([service.metadata.name, 'ClusterIP']);
  });

  it('runs Postgres as a CloudNativePG Cluster whose application secret the services read', () => {
    const cluster = named(overlay, 'Cluster', 'phoi-hop-db');
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(cluster.spec.instances).toBe(overlay === 'prod' ? 3 : 1);
    expect(cluster.spec.storage.size).toMatch(/^\d+Gi$/);
    expect(cluster.spec.bootstrap.initdb).toEqual({ database: 'phoi_hop', owner: 'phoi_hop' });
    // The deprecated in-tree object store is never used.
    expect(cluster.spec.backup?.barmanObjectStore).toBeUndefined();
    const db = serviceDeployments(overlay)
      .flatMap((d) => d.spec.template.spec.containers[0].env)
      .filter((e: { name: string }) => e.name === 'DATABASE_URL');
    for (const env of db) expect(env.valueFrom.secretKeyRef).toEqual({ name: 'phoi-hop-db-app', key: 'uri' });
  });
});

describe('k8s/overlays/prod', () => {
  const common = named('prod', 'ConfigMap', 'phoi-hop-common').data!;

  it('creates the streams with 3 replicas, one on each node of the JetStream cluster, and sends traces to the collector', () => {
    expect(common['EVENTS_STREAM_REPLICAS']).toBe('3');
    expect(named('dev', 'ConfigMap', 'phoi-hop-common').data?.['EVENTS_STREAM_REPLICAS']).toBe('1');
    expect(common['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://otel-collector:4318');
    expect(common['NODE_ENV']).toBe('production');
    expect(common['AUTH_MODE']).toBe('oidc');
  });

  it('backs Postgres up through the Barman Cloud plugin: ObjectStore, WAL archiver, nightly ScheduledBackup', () => {
    const cluster = named('prod', 'Cluster', 'phoi-hop-db');
    const store = named('prod', 'ObjectStore', 'phoi-hop-backups');
    const plugin = 'barman-cloud.cloudnative-pg.io';
    expect(cluster.spec.plugins).toEqual([{ name: plugin, isWALArchiver: true, parameters: { barmanObjectName: store.metadata.name } }]);
    expect(cluster.spec.affinity).toMatchObject({ enablePodAntiAffinity: true, podAntiAffinityType: 'required' });
    expect(store.apiVersion).toBe('barmancloud.cnpg.io/v1');
    expect(store.spec.configuration.destinationPath).toMatch(/^s3:\/\/[a-z0-9.-]+\//);
    expect(store.spec.retentionPolicy).toMatch(/^[1-9][0-9]*[dwm]$/);
    // Credentials by reference to a Secret, in the shape the CRD requires ({ name, key }).
    for (const ref of Object.values(store.spec.configuration.s3Credentials) as { name: string; key: string }[])
      expect(Object.keys(ref).sort()).toEqual(['key', 'name']);
    // The ObjectStore's own serverName stays empty (kept only for compatibility).
    expect(store.spec.configuration.serverName).toBeUndefined();
    const backup = named('prod', 'ScheduledBackup', 'phoi-hop-db-nightly');
    expect(backup.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(backup.spec).toMatchObject({ method: 'plugin', pluginConfiguration: { name: plugin }, cluster: { name: cluster.metadata.name } });
    // CloudNativePG schedules have six fields: seconds first.
    expect(backup.spec.schedule.split(' ')).toHaveLength(6);
  });

  it('connects each service to NATS as its own user, the one the NATS values give its permissions', () => {
    const values = readYaml<{
      config: { merge: { accounts: Record<string, { users: { user: string; password: string }[] }> } };
      container: { env: Record<string, { valueFrom: { secretKeyRef: { name: string; key: string } } }> };
    }>('k8s/overlays/prod/nats/values.yaml');
    const users = values.config.merge.accounts['PHOIHOP']!.users;
    for (const deployment of serviceDeployments('prod')) {
      const env = deployment.spec.template.spec.containers[0].env as {
        name: string;
        value?: string;
        valueFrom?: { secretKeyRef: { name: string; key: string } };
      }[];
      const user = env.find((e) => e.name === 'NATS_USER')?.value;
      expect(user).toBe(`svc-${deployment.metadata.name}`);
      expect(env.find((e) => e.name === 'NATS_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({
        name: 'phoi-hop-nats-credentials',
        key: deployment.metadata.name,
      });
      const entry = users.find((u) => u.user === user);
      expect(entry).toBeDefined();
      // The server reads the same secret key through an environment variable of the NATS pods.
      const variable = /^<< \$(\w+) >>$/.exec(entry!.password)?.[1];
      expect(values.container.env[variable!]?.valueFrom.secretKeyRef).toEqual({ name: 'phoi-hop-nats-credentials', key: deployment.metadata.name });
    }
  });

  it('scrapes every service with a ServiceMonitor on its metrics port', () => {
    const monitors = of('prod', 'ServiceMonitor');
    expect(monitors.map((m) => m.metadata.name).sort()).toEqual(appNames());
    for (const monitor of monitors) {
      expect(monitor.spec.selector.matchLabels['app.kubernetes.io/name']).toBe(monitor.metadata.name);
      expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics', honorLabels: true })]);
    }
  });

  it('configures the OpenTelemetry Collector with pipelines made of components it defines', () => {
    const config = parse(named('prod', 'ConfigMap', 'otel-collector-config').data!['config.yaml']!) as Record<string, Record<string, unknown>> & {
      service: { pipelines: Record<string, Record<'receivers' | 'processors' | 'exporters', string[]>>; extensions: string[] };
    };
    expect(Object.keys(config.service.pipelines)).toContain('traces');
    for (const pipeline of Object.values(config.service.pipelines)) {
      for (const part of ['receivers', 'processors', 'exporters'] as const)
        for (const component of pipeline[part])
          expect(`${part}.${component}: ${Boolean(config[part]?.[component] !== undefined)}`).toBe(`${part}.${component}: true`);
    }
    for (const extension of config.service.extensions) expect(config['extensions']?.[extension]).toBeDefined();
    const http = (config['receivers'] as { otlp: { protocols: { http: { endpoint: string } } } }).otlp.protocols.http.endpoint;
    expect(http.split(':')[1]).toBe(new URL(common['OTEL_EXPORTER_OTLP_ENDPOINT']!).port);
  });
});

describe('k8s/overlays/prod/nats/values.yaml (official NATS chart 2.x)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const values = readYaml<any>('k8s/overlays/prod/nats/values.yaml');
  const users = values.config.merge.accounts.PHOIHOP.users as {
    user: string;
    password: string;
    permissions: { publish: { allow: string[] }; subscribe: { allow: string[] } };
  }[];

  it('runs a 3-node JetStream cluster on persistent volumes', () => {
    expect(values.config.cluster).toMatchObject({ enabled: true, replicas: 3 });
    expect(values.config.jetstream).toMatchObject({
      enabled: true,
      fileStore: { enabled: true, pvc: { enabled: true, size: expect.stringMatching(/^\d+Gi$/) } },
    });
    expect(values.fullnameOverride).toBe('nats');
  });

  it('reads every password from a Secret, none written in the values', () => {
    const variables = readFileSync(path.join(root, 'k8s/overlays/prod/nats/values.yaml'), 'utf8')
      .match(/<< \$(\w+) >>/g)!
      .map((v) => v.slice(4, -3));
    expect(variables.length).toBeGreaterThan(appNames().length);
    for (const variable of variables)
      expect(values.container.env[variable]?.valueFrom?.secretKeyRef).toMatchObject({ name: expect.any(String), key: expect.any(String) });
    for (const user of users) expect(user.password).toMatch(/^<< \$\w+ >>$/);
  });

  it('confines each agency feed user to its own subjects and its own durable consumer', () => {
    const agencies = users.filter((u) => u.user.startsWith('agency-'));
    expect(agencies.length).toBeGreaterThan(0);
    for (const agency of agencies) {
      const code = agency.user.slice('agency-'.length);
      expect(agency.permissions.subscribe.allow.sort()).toEqual([`_INBOX_${code}.>`, `agency.${code}.>`]);
      for (const subject of agency.permissions.publish.allow) expect(subject === '$JS.API.INFO' || subject.includes(`AGENCY_FEED.agency_${code}`)).toBe(true);
    }
  });

  it('lets a service publish events only under its own name', () => {
    for (const user of users.filter((u) => u.user.startsWith('svc-'))) {
      const service = user.user.slice('svc-'.length);
      for (const subject of user.permissions.publish.allow.filter((s) => s.startsWith('evt.'))) expect(subject).toBe(`evt.${service}.>`);
      expect(user.permissions.publish.allow.some((s) => s.startsWith('$JS.API.STREAM.DELETE') || s === '$JS.API.>' || s === '>')).toBe(false);
    }
  });
});

describe('Grafana dashboards and alert rules', () => {
  const dashboardsDir = 'k8s/overlays/prod/monitoring/dashboards';
  const known = new Set([
    ...metricNamesInCode(),
    ...metricsRegistry()
      .getMetricsAsArray()
      .map((m) => m.name),
  ]);
  // Metrics of the platform's distributed engines, documented by their projects; and Prometheus's own.
  const external = /^(barman_cloud_cloudnative_pg_io_[a-z_]+|up)$/;
  const dashboards = ['phoi-hop-platform.json', 'phoi-hop-workflow.json'].map((file) => ({
    file,
    json: JSON.parse(readFileSync(path.join(root, dashboardsDir, file), 'utf8')) as {
      uid: string;
      panels: { id: number; type: string; targets?: { expr: string }[] }[];
    },
  }));

  it.each(dashboards)('$file reads only metrics the code exports', ({ json }) => {
    const exprs = json.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr);
    expect(exprs.length).toBeGreaterThan(5);
    for (const expr of exprs)
      for (const metric of metricNamesInQuery(expr)) expect(`${metric}: ${known.has(metric) || external.test(metric)}`).toBe(`${metric}: true`);
    expect(new Set(json.panels.map((p) => p.id)).size).toBe(json.panels.length);
  });

  it('covers request rate and latency per operation, consumer lag, outbox backlog, deadlines, overdue cases and errors by code', () => {
    const all = dashboards.flatMap(({ json }) => json.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr)).join('\n');
    for (const needed of [
      /rate\(phoihop_rpc_duration_seconds_count\{service="gateway"\}/,
      /histogram_quantile\(0\.95, sum by \(le, subject\)/,
      /phoihop_consumer_pending/,
      /phoihop_outbox_pending/,
      /phoihop_due_work_pending\{state="due"\}/,
      /deadline\\\\\.escalated/,
      /sum by \(outcome\) \(rate\(phoihop_rpc_duration_seconds_count\{outcome!="ok"\}/,
    ])
      expect(all).toMatch(needed);
  });

  it('alerts only on metrics that exist, each with a runbook section in docs/operations.md', () => {
    const rule = named('prod', 'PrometheusRule', 'phoi-hop');
    const headings = new Set(
      readFileSync(path.join(root, 'docs/operations.md'), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) =>
          line
            .replace(/^#+\s*/, '')
            .trim()
            .toLowerCase()
            .replace(/[^a-z0-9 -]/g, '')
            .replace(/ /g, '-'),
        ),
    );
    const rules = rule.spec.groups.flatMap((g: { rules: { alert: string; expr: string; annotations: Record<string, string> }[] }) => g.rules);
    expect(rules.length).toBeGreaterThan(8);
    for (const r of rules) {
      for (const metric of metricNamesInQuery(r.expr))
        expect(`${r.alert}: ${metric}: ${known.has(metric) || external.test(metric)}`).toBe(`${r.alert}: ${metric}: true`);
      const anchor = /^docs\/operations\.md#([a-z0-9-]+)$/.exec(r.annotations['runbook_url'] ?? '')?.[1];
      expect(`${r.alert}: ${anchor}`).toBe(`${r.alert}: ${r.alert.toLowerCase()}`);
      expect(`${r.alert}: ${headings.has(anchor!)}`).toBe(`${r.alert}: true`);
    }
  });
});

describe('validate-manifests.mjs', () => {
  it('refuses a manifest that breaks the schema, so a passing run means something', () => {
    const broken = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'broken' },
      spec: { selector: {}, template: { spec: { containers: [{ name: 'x', image: 42 }] } } },
    };
    // CloudNativePG's CRDs: a misspelt field (the API server would drop it silently) and a value outside an enum.
    const misspelt = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'misspelt' }, spec: { instance: 3, storage: { size: '1Gi' } } };
    const badMethod = {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: { name: 'bad-method' },
      spec: { schedule: '0 0 0 * * *', cluster: { name: 'x' }, method: 'tape' },
    };
    const badRetention = {
      apiVersion: 'barmancloud.cnpg.io/v1',
      kind: 'ObjectStore',
      metadata: { name: 'bad-retention' },
      spec: { retentionPolicy: '30 days', configuration: { destinationPath: 's3://b/' } },
    };
    const result = validateWithModels([broken, misspelt, badMethod, badRetention, { apiVersion: 'example.com/v1', kind: 'Unknown', metadata: { name: 'u' } }]);
    expect(result.invalid.map((i) => i.name)).toEqual(['broken', 'misspelt', 'bad-method', 'bad-retention']);
    expect(result.invalid[1]!.error).toMatch(/additional properties/);
    expect(result.unknown).toEqual(['example.com/v1 Unknown/u']);
  });
});
