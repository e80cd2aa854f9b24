/**
 * `perfbudget validate --input FILE [--policy POLICY.json] [--lang en]` (exchange-format.md):
 * reads a JSON document, an Excel workbook or a folder of CSV files, checks it as a submission
 * with the shipped policy defaults (or the given policy) and prints one JSON document on stdout.
 * Writes nothing. Two streaming passes: the first gathers the peers of the difficulty flags, the
 * second checks and computes each project with the same domain/ functions the server uses.
 */
import fs from 'node:fs/promises';
import { issueMessage, type Lang } from '../contracts/issues.ts';
import { checkHeader } from '../domain/exchange/check-header.ts';
import { PeerIndex } from '../domain/exchange/peers.ts';
import { validateProject, type ProjectOutcome } from '../domain/exchange/validate-project.ts';
import { isRecord } from '../domain/fields.ts';
import { error, type Issue, type IssueCode } from '../domain/issues.ts';
import { resolvePolicy, type TPolicy } from '../domain/policy/policy.ts';
import { normaliseTarget } from '../domain/targets/check-target.ts';
import { textOf } from '../domain/decimal-text.ts';
import { ExchangeReadError, openExchange, type Source } from '../server/exchange/index.ts';

export interface OutputIssue {
  path: string;
  code: string;
  message: string;
  source?: Source;
}

export interface ValidateOutput {
  ok: boolean;
  errors: OutputIssue[];
  warnings: OutputIssue[];
  projects?: ProjectOutcome[];
}

export interface ValidateResult {
  exit: 0 | 1 | 2;
  output: ValidateOutput;
}

function fatal(code: IssueCode, detail: string, lang: Lang): ValidateResult {
  const message = issueMessage({ code, path: '', params: { detail } }, lang);
  return { exit: 2, output: { ok: false, errors: [{ path: '', code, message }], warnings: [] } };
}

async function loadPolicy(file: string | undefined, lang: Lang): Promise<TPolicy | ValidateResult> {
  let doc: unknown = {};
  if (file !== undefined) {
    try {
      doc = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (e) {
      return fatal('FORMAT.POLICY', e instanceof Error ? e.message : String(e), lang);
    }
  }
  const r = resolvePolicy(doc);
  if (!r.ok)
    return fatal(
      'FORMAT.POLICY',
      r.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '),
      lang,
    );
  return r.policy;
}

/** Run the check; never throws for bad input (exit 2 instead). */
export async function runValidate(opts: {
  input: string;
  policy?: string | undefined;
  lang: Lang;
  onProgress?: (done: number, total: number) => void;
}): Promise<ValidateResult> {
  const policy = await loadPolicy(opts.policy, opts.lang);
  if ('exit' in policy) return policy;
  let input;
  try {
    input = await openExchange(opts.input);
  } catch (e) {
    if (e instanceof ExchangeReadError) return fatal(e.code, e.detail, opts.lang);
    return fatal('FORMAT.UNREADABLE', e instanceof Error ? e.message : String(e), opts.lang);
  }
  const errors: OutputIssue[] = [];
  const warnings: OutputIssue[] = [];
  const put = (i: Issue, source?: Source) => {
    const o: OutputIssue = { path: i.path, code: i.code, message: issueMessage(i, opts.lang) };
    if (source) o.source = source;
    (i.level === 'error' ? errors : warnings).push(o);
  };
  try {
    // Pass 1: the peers (other projects of the file with the same library indicator).
    const peers = new PeerIndex();
    let total = 0;
    for await (const entry of input.projects()) {
      total += 1;
      const t = entry.project.target;
      if (isRecord(t)) peers.add(normaliseTarget(t).indicators);
      if (total % 5000 === 0) opts.onProgress?.(0, total);
    }
    for (const i of checkHeader(input.header())) put(i);
    // Pass 2: check and compute every project.
    const projects: ProjectOutcome[] = [];
    const codes = new Set<string>();
    let done = 0;
    for await (const entry of input.projects()) {
      for (const r of entry.issues) put(readIssue(r), r.source);
      const v = validateProject(entry.project, entry.index, { policy, peers });
      const code = textOf(entry.project.pro_code);
      if (code !== null) {
        if (codes.has(code))
          v.issues.push(error(`projects[${entry.index}].pro_code`, 'PROJECT.DUPLICATE_CODE'));
        codes.add(code);
      }
      const prefix = `projects[${entry.index}].`;
      for (const i of v.issues) {
        put(i, i.path.startsWith(prefix) ? entry.sourceOf(i.path.slice(prefix.length)) : undefined);
      }
      projects.push(v.outcome);
      done += 1;
      if (done % 2000 === 0 || done === total) opts.onProgress?.(done, total);
    }
    for (const r of input.orphanIssues()) put(readIssue(r), r.source);
    return {
      exit: errors.length > 0 ? 1 : 0,
      output: { ok: errors.length === 0, errors, warnings, projects },
    };
  } catch (e) {
    if (e instanceof ExchangeReadError) return fatal(e.code, e.detail, opts.lang);
    return fatal('FORMAT.UNREADABLE', e instanceof Error ? e.message : String(e), opts.lang);
  }
}

function readIssue(r: { path: string; code: string; detail: string }): Issue {
  return { path: r.path, code: r.code as IssueCode, level: 'error', params: { detail: r.detail } };
}
