import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/db.ts';
import { buildApp } from './app.ts';
import type { Database } from './db/client.ts';
import { buildDeps } from './deps.ts';

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-web-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>PerfBudget</title>');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  database = await openTestDatabase();
  app = await buildApp(buildDeps({ auditAlgorithm: 'SHA-256', checkpointDir: dist, demo: false }, database), {
    webDist: dist,
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('serving the web client', () => {
  it('serves the client routes with the index, assets as files, and API 404s as JSON', async () => {
    const page = await app.inject({ url: '/projects/abc' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>PerfBudget</title>');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // A file added after start (a rebuilt client) is served too.
    fs.writeFileSync(path.join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    const asset = await app.inject({ url: '/assets/app-2.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    // A missing asset is a 404, never the index (which the browser would run as a script).
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await app.inject({ url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
