import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** How the local TSA answers the next requests: properly, with an HTTP error, or not at all (the connection is dropped). */
export type LocalTsaMode = 'ok' | 'http-error' | 'drop';

export interface LocalTsa {
  /** http://127.0.0.1:<port>/tsr */
  url: string;
  /** The throwaway CA that issued the TSA's certificate (what EVIDENCE_TSA_CERTS trusts). */
  caCertPem: string;
  /** The TSA's own signing certificate (extendedKeyUsage critical, timeStamping). */
  tsaCertPem: string;
  /** The TSA's subject, as a token names it. */
  tsaName: string;
  /** Time-stamp queries received (DER), in order. */
  queries: Buffer[];
  setMode(mode: LocalTsaMode): void;
  close(): Promise<void>;
}

const TSA_SUBJECT = { cn: 'Phoi Hop Test TSA', o: 'Phoi Hop Tests' };

/**
 * An RFC 3161 time-stamping authority on loopback for tests: `openssl ts -reply` behind a tiny HTTP
 * server (POST application/timestamp-query, answer application/timestamp-reply), with a CA and a
 * TSA certificate made for it in a temporary directory. Needs the `openssl` command.
 */
export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = await mkdtemp(path.join(tmpdir(), 'phoi-hop-tsa-'));
  const at = (name: string) => path.join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=Phoi Hop Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', ['req', ...ec, '-keyout', at('tsa.key'), '-out', at('tsa.csr'), '-subj', `/CN=${TSA_SUBJECT.cn}/O=${TSA_SUBJECT.o}`]);
  await writeFile(
    at('tsa.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,nonRepudiation',
      'extendedKeyUsage=critical,timeStamping',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
    ].join('\n'),
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    at('tsa.csr'),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-out',
    at('tsa.crt'),
    '-days',
    '2',
    '-extfile',
    at('tsa.ext'),
  ]);
  await writeFile(at('tsaserial'), '01\n');
  await writeFile(
    at('tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `serial = ${at('tsaserial')}`,
      'crypto_device = builtin',
      `signer_cert = ${at('tsa.crt')}`,
      `certs = ${at('ca.crt')}`,
      `signer_key = ${at('tsa.key')}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
    ].join('\n'),
  );
  const queries: Buffer[] = [];
  let mode: LocalTsaMode = 'ok';
  const reply = async (query: Buffer): Promise<Buffer> => {
    const id = randomUUID();
    await writeFile(at(`${id}.tsq`), query);
    try {
      await run('openssl', ['ts', '-reply', '-config', at('tsa.cnf'), '-queryfile', at(`${id}.tsq`), '-out', at(`${id}.tsr`)]);
      return await readFile(at(`${id}.tsr`));
    } finally {
      await rm(at(`${id}.tsq`), { force: true });
      await rm(at(`${id}.tsr`), { force: true });
    }
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const query = Buffer.concat(chunks);
      queries.push(query);
      if (mode === 'drop') return req.socket.destroy();
      if (mode === 'http-error' || req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
        return;
      }
      reply(query).then(
        (der) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(der),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsr`,
    caCertPem: await readFile(at('ca.crt'), 'utf8'),
    tsaCertPem: await readFile(at('tsa.crt'), 'utf8'),
    tsaName: `CN=${TSA_SUBJECT.cn}, O=${TSA_SUBJECT.o}`,
    queries,
    setMode: (next) => {
      mode = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
