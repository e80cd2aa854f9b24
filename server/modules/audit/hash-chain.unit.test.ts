import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH } from './hash-chain.ts';

const fields = {
  seq: 1,
  at: new Date('2026-03-01T08:00:00.000Z'),
  actor_id: null,
  actor_name: 'cli',
  actor_roles: null,
  ip: null,
  request_id: null,
  mof_div_code: '360121',
  entity: 'project',
  entity_id: 'x',
  action: 'CREATE',
  before: null,
  after: { b: 1, a: { d: [2, 1], c: '中' } },
  reason: null,
  algorithm: 'SHA-256',
};

describe('hash chain', () => {
  it('serialises objects with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: '中' } })).toBe('{"a":{"c":"中","d":[2,1]},"b":1}');
  });

  it('gives the same hash whatever the key order, and a different one for any change', () => {
    const h = chainHash('SHA-256', GENESIS_HASH, fields);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(
      chainHash('SHA-256', GENESIS_HASH, { ...fields, after: { a: { c: '中', d: [2, 1] }, b: 1 } }),
    ).toBe(h);
    expect(chainHash('SHA-256', GENESIS_HASH, { ...fields, reason: '' })).not.toBe(h);
    expect(chainHash('SHA-256', h, fields)).not.toBe(h);
    expect(chainHash('SM3', GENESIS_HASH, fields)).not.toBe(h);
  });
});
