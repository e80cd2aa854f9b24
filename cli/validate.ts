/**
 * `perfbudget validate --input FILE [--policy POLICY.json] [--lang en]` (exchange-format.md):
 * reads a JSON document, an Excel workbook or a folder of CSV files, checks it as a submission
 * with the shipped policy defaults (or the given policy) and prints one JSON document on stdout.
 * Writes nothing. Two streaming passes: the first gathers the peers of the difficulty flags, the
 * second checks and computes each project with the same domain/ functions the server uses. The
 * findings and the projects' results are spooled to temporary files and printed at the end, so
 * memory stays bounded for a province-scale file.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
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

/** Where the output document goes, piece by piece (stdout, or a string for runValidate). */
export interface TextSink {
  write(text: string): Promise<void>;
}

/**
 * One array of the output, kept on disk while the file is checked: each element is written as
 * it would appear in JSON.stringify(output, null, 2) (nested two levels deep), so memory stays
 * bounded whatever the size of the file or the number of findings.
 */
class Spool {
  count = 0;
  private readonly stream: ReturnType<typeof createWriteStream>;
  readonly file: string;
  constructor(file: string) {
    this.file = file;
    this.stream = createWriteStream(file);
  }
  async push(value: unknown): Promise<void> {
    const text = `${this.count === 0 ? '' : ',\n'}    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;
    this.count += 1;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stream.end();
    await finished(this.stream);
  }
  /** Write the array (`[]` when empty) to the sink. */
  async copyTo(sink: TextSink): Promise<void> {
    if (this.count === 0) return sink.write('[]');
    await sink.write('[\n');
    for await (const chunk of createReadStream(this.file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      await sink.write(chunk as string);
    }
    await sink.write('\n  ]');
  }
}

async function writeFatal(r: ValidateResult, sink: TextSink): Promise<0 | 1 | 2> {
  await sink.write(`${JSON.stringify(r.output, null, 2)}\n`);
  return r.exit;
}

/**
 * Run the check and write the output document to `sink` (exactly what JSON.stringify(output,
 * null, 2) gives, then a newline); returns the exit status. Never throws for bad input (exit 2).
 */
export async function validateTo(
  opts: {
    input: string;
    policy?: string | undefined;
    lang: Lang;
    onProgress?: (done: number, total: number) => void;
  },
  sink: TextSink,
): Promise<0 | 1 | 2> {
  const policy = await loadPolicy(opts.policy, opts.lang);
  if ('exit' in policy) return writeFatal(policy, sink);
  let input;
  try {
    input = await openExchange(opts.input);
  } catch (e) {
    if (e instanceof ExchangeReadError) return writeFatal(fatal(e.code, e.detail, opts.lang), sink);
    return writeFatal(
      fatal('FORMAT.UNREADABLE', e instanceof Error ? e.message : String(e), opts.lang),
      sink,
    );
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-validate-'));
  const errors = new Spool(path.join(dir, 'errors'));
  const warnings = new Spool(path.join(dir, 'warnings'));
  const projects = new Spool(path.join(dir, 'projects'));
  const put = async (i: Issue, source?: Source) => {
    const o: OutputIssue = { path: i.path, code: i.code, message: issueMessage(i, opts.lang) };
    if (source) o.source = source;
    await (i.level === 'error' ? errors : warnings).push(o);
  };
  try {
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
      for (const i of checkHeader(input.header())) await put(i);
      // Pass 2: check and compute every project.
      const codes = new Set<string>();
      let done = 0;
      for await (const entry of input.projects()) {
        for (const r of entry.issues) await put(readIssue(r), r.source);
        const v = validateProject(entry.project, entry.index, { policy, peers });
        const code = textOf(entry.project.pro_code);
        if (code !== null) {
          if (codes.has(code))
            v.issues.push(error(`projects[${entry.index}].pro_code`, 'PROJECT.DUPLICATE_CODE'));
          codes.add(code);
        }
        const prefix = `projects[${entry.index}].`;
        for (const i of v.issues) {
          await put(i, i.path.startsWith(prefix) ? entry.sourceOf(i.path.slice(prefix.length)) : undefined);
        }
        await projects.push(v.outcome);
        done += 1;
        if (done % 2000 === 0 || done === total) opts.onProgress?.(done, total);
      }
      for (const r of input.orphanIssues()) await put(readIssue(r), r.source);
    } catch (e) {
      if (e instanceof ExchangeReadError) return await writeFatal(fatal(e.code, e.detail, opts.lang), sink);
      return await writeFatal(
        fatal('FORMAT.UNREADABLE', e instanceof Error ? e.message : String(e), opts.lang),
        sink,
      );
    }
    await Promise.all([errors.close(), warnings.close(), projects.close()]);
    await sink.write(`{\n  "ok": ${String(errors.count === 0)},\n  "errors": `);
    await errors.copyTo(sink);
    await sink.write(',\n  "warnings": ');
    await warnings.copyTo(sink);
    await sink.write(',\n  "projects": ');
    await projects.copyTo(sink);
    await sink.write('\n}\n');
    return errors.count > 0 ? 1 : 0;
  } finally {
    await Promise.all([errors.close(), warnings.close(), projects.close()]).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Run the check and return the output as a value (tests; small inputs). */
export async function runValidate(opts: {
  input: string;
  policy?: string | undefined;
  lang: Lang;
  onProgress?: (done: number, total: number) => void;
}): Promise<ValidateResult & { text: string }> {
  let text = '';
  const exit = await validateTo(opts, {
    write: (t) => {
      text += t;
      return Promise.resolve();
    },
  });
  return { exit, output: JSON.parse(text) as ValidateOutput, text };
}

function readIssue(r: { path: string; code: string; detail: string }): Issue {
  return { path: r.path, code: r.code as IssueCode, level: 'error', params: { detail: r.detail } };
}
