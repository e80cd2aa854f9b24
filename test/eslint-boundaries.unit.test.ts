/**
 * The import-boundary rule of eslint.config.js, checked through the real configuration
 * (plain .js file names keep the type-aware parser out of the way).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`export * from '${source}';\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'perfbudget/boundaries').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['server/modules/projects/a.js', '../audit/index.ts'],
    ['server/modules/projects/use-cases/b.js', '../../audit/index.ts'],
    ['server/modules/projects/use-cases/b.js', '../projects.repository.ts'],
    ['server/modules/projects/a.js', './helpers/c.ts'],
    ['server/modules/projects/a.js', '../../db/client.ts'],
    ['server/app.js', './modules/audit/audit.service.ts'],
    ['domain/scoring/score.js', '../policy/policy.ts'],
    ['domain/scoring/score.js', '../../contracts/api.ts'],
    ['domain/scoring/score.js', 'zod'],
  ])('allows %s → %s', async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([]);
  });

  it.each([
    ['server/modules/projects/a.js', '../audit/audit.service.ts'],
    ['server/modules/projects/use-cases/b.js', '../../audit/internal/x.ts'],
    ['domain/scoring/score.js', '../../server/db/client.ts'],
    ['domain/x.js', '../web/src/lib/money.ts'],
    ['contracts/api.js', '../cli/main.ts'],
  ])('rejects %s → %s', async (file, source) => {
    expect(await boundaryErrors(file, source)).toHaveLength(1);
  });

  it('keeps I/O out of domain/', async () => {
    const [result] = await eslint.lintText("import fs from 'node:fs';\nexport const f = fs;\n", {
      filePath: 'domain/x.js',
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });
});
