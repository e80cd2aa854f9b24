import crypto from 'node:crypto';

export type HashAlgorithm = 'SHA-256' | 'SM3';
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that the hash covers, in their stored form. */
export interface ChainedFields {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string | null;
  ip: string | null;
  request_id: string | null;
  mof_div_code: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  algorithm: string;
}

/** JSON with object keys sorted at every depth: stable across jsonb's key reordering. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash = H(prev_hash ‖ canonical entry), hex. */
export function chainHash(algorithm: HashAlgorithm, prevHash: string, fields: ChainedFields): string {
  const h = crypto.createHash(algorithm === 'SM3' ? 'sm3' : 'sha256');
  h.update(prevHash);
  h.update(canonicalJson({ ...fields, at: fields.at.toISOString() }));
  return h.digest('hex');
}
