import { X509Certificate, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// RFC 3161 trusted timestamps with pkijs/asn1js: the request a client sends, the response a
// time-stamping authority (TSA) answers, and the offline verification of the token it signed.

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const EXTENDED_KEY_USAGE = '2.5.29.37';
const CONTENT_TYPE_ATTRIBUTE = '1.2.840.113549.1.9.3';
/** PKIStatus values that carry a token: granted, grantedWithMods. */
const GRANTED = [0, 1];
const RDN_NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST' };

const view = (bytes: Buffer): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
/** An INTEGER's bytes without leading zeros, as hex (how a nonce or serial number compares and prints). */
const integerHex = (value: asn1js.Integer): string =>
  Buffer.from(value.valueBlock.valueHexView)
    .toString('hex')
    .replace(/^(00)+(?=.)/, '');

/** A time-stamp request and the nonce it carries, to check the answer against. */
export interface TimeStampRequest {
  der: Buffer;
  /** Hex, without leading zeros. */
  nonce: string;
}

/** A TimeStampReq (DER) for a SHA-256 digest, asking for the TSA's certificate in the token and carrying a fresh nonce. */
export function createTimeStampRequest(sha256Hex: string): TimeStampRequest {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new Error('not a SHA-256');
  const nonce = randomBytes(16);
  // A positive INTEGER of 16 bytes: the top bit clear, the top byte not zero.
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: view(Buffer.from(sha256Hex, 'hex')) }),
    }),
    nonce: new asn1js.Integer({ valueHex: view(nonce) }),
    certReq: true,
  });
  return { der: Buffer.from(request.toSchema().toBER(false)), nonce: nonce.toString('hex') };
}

/** The token a TSA granted (DER of its ContentInfo), or why it did not. */
export type TimeStampAnswer = { granted: true; token: Buffer } | { granted: false; reason: string };

/** Reads a TimeStampResp (DER): the token when the TSA granted one. */
export function readTimeStampResponse(der: Buffer): TimeStampAnswer {
  const asn = asn1js.fromBER(view(der));
  if (asn.offset === -1) return { granted: false, reason: 'the answer is not DER' };
  let response: pkijs.TimeStampResp;
  try {
    response = new pkijs.TimeStampResp({ schema: asn.result });
  } catch (error) {
    return { granted: false, reason: `the answer is not a TimeStampResp: ${(error as Error).message}` };
  }
  const status = response.status.status;
  if (!GRANTED.includes(status) || !response.timeStampToken) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    return { granted: false, reason: `the TSA refused (status ${status}${text ? `: ${text}` : ''})` };
  }
  return { granted: true, token: Buffer.from(response.timeStampToken.toSchema().toBER(false)) };
}

/** What a token says and whether it holds. */
export interface TimeStampVerification {
  valid: boolean;
  /** Why it does not hold; null when valid. */
  problem: string | null;
  /** The TSA's time of the timestamp (TSTInfo.genTime). */
  genTime: Date | null;
  /** The TSA as the token names it (TSTInfo.tsa, else the signing certificate's subject). */
  tsaName: string | null;
  /** Hex. */
  serialNumber: string | null;
  policy: string | null;
  /** Whether the signing certificate was checked to chain to a trusted certificate. */
  chained: boolean;
}

export interface TimeStampExpectation {
  /** The SHA-256 (hex) the token must be about. */
  sha256: string;
  /** The nonce of the request (hex), when verifying a fresh answer. */
  nonce?: string;
  /** PEM certificates the signing certificate must chain to; none: the signature is checked against the certificate in the token only. */
  trustedCertsPem?: string | null;
}

function distinguishedName(names: pkijs.RelativeDistinguishedNames): string {
  return names.typesAndValues.map((tv) => `${RDN_NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(', ');
}

function certificatesOf(pem: string): pkijs.Certificate[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
    (match) => pkijs.Certificate.fromBER(view(new X509Certificate(match[0]).raw)) as pkijs.Certificate,
  );
}

function isTimeStampingCertificate(certificate: pkijs.Certificate): boolean {
  const eku = certificate.extensions?.find((e) => e.extnID === EXTENDED_KEY_USAGE);
  // RFC 3161 2.3: the TSA's certificate has exactly one, critical, extended key usage: timeStamping.
  const usages = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  return Boolean(eku?.critical) && usages.length === 1 && usages[0] === TIME_STAMPING_EKU;
}

/**
 * Verifies a time-stamp token (DER ContentInfo of SignedData over a TSTInfo) offline: its message
 * imprint is the expected SHA-256, its nonce the request's (when given), the CMS signature holds
 * with the signing certificate in the token, that certificate is a TSA's (critical timeStamping
 * usage), and it chains to one of the trusted certificates (when given).
 */
export async function verifyTimeStampToken(token: Buffer, expected: TimeStampExpectation): Promise<TimeStampVerification> {
  const result: TimeStampVerification = { valid: false, problem: null, genTime: null, tsaName: null, serialNumber: null, policy: null, chained: false };
  const fail = (problem: string): TimeStampVerification => ({ ...result, valid: false, problem });
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(view(token)) as pkijs.ContentInfo;
    if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA) return fail('the token is not CMS SignedData');
    signed = new pkijs.SignedData({ schema: contentInfo.content });
    if (signed.encapContentInfo.eContentType !== pkijs.id_eContentType_TSTInfo) return fail('the token does not hold a TSTInfo');
    const content = signed.encapContentInfo.eContent;
    if (!content) return fail('the token has no TSTInfo');
    info = pkijs.TSTInfo.fromBER(content.getValue()) as pkijs.TSTInfo;
  } catch (error) {
    return fail(`the token cannot be read: ${(error as Error).message}`);
  }
  result.genTime = info.genTime;
  result.serialNumber = integerHex(info.serialNumber);
  result.policy = info.policy;
  const signer = (signed.certificates ?? []).find((c): c is pkijs.Certificate => c instanceof pkijs.Certificate && signerMatches(signed, c));
  result.tsaName =
    info.tsa && info.tsa.type === 4 ? distinguishedName(info.tsa.value as pkijs.RelativeDistinguishedNames) : signer ? distinguishedName(signer.subject) : null;
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) return fail('the token is not about a SHA-256 digest');
  if (Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex') !== expected.sha256)
    return fail('the token is about another hash than the item’s SHA-256');
  if (expected.nonce !== undefined && (!info.nonce || integerHex(info.nonce) !== expected.nonce.replace(/^(00)+(?=.)/, '')))
    return fail('the token’s nonce is not the request’s');
  if (!signer) return fail('the token carries no signing certificate');
  if (!isTimeStampingCertificate(signer)) return fail('the signing certificate is not a time-stamping certificate (critical extendedKeyUsage timeStamping)');
  const trusted = expected.trustedCertsPem ? certificatesOf(expected.trustedCertsPem) : [];
  if (expected.trustedCertsPem && !trusted.length) return fail('no trusted certificate could be read');
  const contentType = signed.signerInfos[0]?.signedAttrs?.attributes.find((a) => a.type === CONTENT_TYPE_ATTRIBUTE)?.values[0];
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== pkijs.id_eContentType_TSTInfo)
    return fail('the signed content-type attribute is not TSTInfo');
  // pkijs checks a TSTInfo against the original data, which a verifier of a hash does not hold; the
  // imprint is compared above and the content type just now, so the signature is checked as over plain content.
  signed.encapContentInfo.eContentType = pkijs.id_ContentType_Data;
  try {
    const verified = await signed.verify({ signer: 0, checkChain: trusted.length > 0, trustedCerts: trusted, checkDate: info.genTime, extendedMode: true });
    if (!verified.signatureVerified) return fail('the signature does not verify');
  } catch (error) {
    const e = error as pkijs.SignedDataVerifyError;
    if (e.signerCertificateVerified === false) return fail(`the signing certificate does not chain to a trusted certificate: ${e.message}`);
    return fail(`the signature does not verify: ${e.message}`);
  }
  return { ...result, valid: true, chained: trusted.length > 0 };
}

/** Whether a certificate is the one the (first) signer names, by issuer and serial number or by key identifier. */
function signerMatches(signed: pkijs.SignedData, certificate: pkijs.Certificate): boolean {
  const sid = signed.signerInfos[0]?.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) return sid.issuer.isEqual(certificate.issuer) && sid.serialNumber.isEqual(certificate.serialNumber);
  return signed.certificates?.length === 1;
}

/** A token a TSA granted and verified for a SHA-256, with what it says. */
export interface GrantedTimestamp {
  token: Buffer;
  verification: TimeStampVerification;
}

/**
 * Asks a TSA for a timestamp of a SHA-256 over HTTP (RFC 3161 3.4: POST application/timestamp-query)
 * and verifies the answer (imprint, nonce, signature, chain to the trusted certificates). Throws
 * with the reason when the TSA cannot be reached, refuses, or answers with a token that fails.
 */
export async function requestTimestamp(url: string, sha256Hex: string, options: { timeoutMs: number; trustedCertsPem: string }): Promise<GrantedTimestamp> {
  const request = createTimeStampRequest(sha256Hex);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
    body: request.der,
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (!response.ok) throw new Error(`the TSA answered HTTP ${response.status}`);
  const answer = readTimeStampResponse(Buffer.from(await response.arrayBuffer()));
  if (!answer.granted) throw new Error(answer.reason);
  const verification = await verifyTimeStampToken(answer.token, { sha256: sha256Hex, nonce: request.nonce, trustedCertsPem: options.trustedCertsPem });
  if (!verification.valid) throw new Error(`the TSA's token does not verify: ${verification.problem}`);
  return { token: answer.token, verification };
}
