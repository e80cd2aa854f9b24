import path from 'node:path';
import { z } from 'zod';

/** The environment, validated once. CLI and server read the same configuration. */
const ZEnv = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DEMO: z.enum(['0', '1']).optional(),
  AUDIT_ALGORITHM: z.enum(['SHA-256', 'SM3']).default('SHA-256'),
  AUDIT_CHECKPOINT_DIR: z.string().optional(),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  production: boolean;
  demo: boolean;
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteDir: string;
  auditAlgorithm: 'SHA-256' | 'SM3';
  checkpointDir: string;
  trustProxy: boolean;
  logLevel: string;
  webDist: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = ZEnv.parse(env);
  const production = e.NODE_ENV === 'production';
  const demo = e.DEMO === undefined ? !production : e.DEMO === '1' && !production;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    production,
    demo,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    auditAlgorithm: e.AUDIT_ALGORITHM,
    checkpointDir: path.resolve(e.AUDIT_CHECKPOINT_DIR ?? path.join(dataDir, 'audit-checkpoints')),
    trustProxy: e.TRUST_PROXY === '1',
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(import.meta.dirname, '../dist/web'),
  };
}
