import crypto from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_UPLOAD_LIMIT, ZExportQuery, ZJob, ZJobList } from '../../../contracts/imports.ts';
import { AppError } from '../../errors.ts';
import { actorOf, idOrNotFound } from '../../plugins/request-context.ts';
import type { ExportsService } from './exports.service.ts';
import type { ImportFile, ImportsService } from './imports.service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_FILES = 10;

function attachment(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A file name safe to write in the upload folder (the CSV reader finds files by their name). */
function safeName(name: string): string {
  // Letters, digits and the brackets people put in file names (（已修改）, 【2026】) are kept.
  const base = path
    .basename(name.replaceAll('\\', '/'))
    .replace(/[^\p{L}\p{N}\p{M} ._\-()（）【】[\]]/gu, '_');
  return base === '' || base.startsWith('.') ? `upload${base}` : base;
}

const is413 = (e: unknown) =>
  typeof e === 'object' && e !== null && 'statusCode' in e && e.statusCode === 413;

/**
 * Saves the uploaded files of an import: one .json, one .xlsx, or one or more .csv files. Returns
 * the path to open (the file, or the folder of the CSV files) and each file's size and SHA-256.
 */
async function saveUpload(
  parts: AsyncIterable<{
    type: string;
    filename?: string;
    file?: NodeJS.ReadableStream & { truncated?: boolean };
  }>,
  dir: string,
) {
  await fs.mkdir(dir, { recursive: true });
  const files: ImportFile[] = [];
  let total = 0;
  for await (const part of parts) {
    if (part.type !== 'file' || !part.file || part.filename === undefined) continue;
    const name = safeName(part.filename);
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        total += chunk.length;
        hash.update(chunk);
        if (total > IMPORT_UPLOAD_LIMIT) done(new AppError('IMPORT.TOO_LARGE'));
        else done(null, chunk);
      },
    });
    await pipeline(part.file, count, createWriteStream(path.join(dir, name)));
    if (part.file.truncated) throw new AppError('IMPORT.TOO_LARGE');
    files.push({ name, sha256: hash.digest('hex'), bytes });
  }
  if (files.length === 0) throw new AppError('IMPORT.NO_FILE');
  const ext = (f: ImportFile) => path.extname(f.name).toLowerCase();
  const first = files[0];
  if (first && files.length === 1 && (ext(first) === '.json' || ext(first) === '.xlsx'))
    return { inputPath: path.join(dir, first.name), files };
  if (files.every((f) => ext(f) === '.csv')) return { inputPath: dir, files };
  throw new AppError('IMPORT.FILE_KIND');
}

/**
 * POST /imports (multipart upload → 202 with the job), the owner's jobs with their progress and
 * result, the marked workbook of a refused file, the exchange-format export and the template.
 */
export function importsRoutes(deps: {
  imports: ImportsService;
  exports: ExportsService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: IMPORT_UPLOAD_LIMIT, files: MAX_FILES, fields: 10 },
      throwFileSizeLimit: true,
    });

    app.post(
      '/imports',
      {
        bodyLimit: IMPORT_UPLOAD_LIMIT + 1024 * 1024,
        config: { auth: 'import:data' },
        schema: {
          tags: ['imports'],
          description:
            'multipart/form-data: one .json or .xlsx file, or several .csv files (projects.csv, indicators.csv, …) of the exchange format perfbudget/1, 50 MB at most. Answers 202 with the job; the import runs in the background.',
          consumes: ['multipart/form-data'],
          response: { 202: ZJob },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        if (!req.isMultipart()) throw new AppError('IMPORT.NO_FILE');
        const jobId = crypto.randomUUID();
        const dir = deps.imports.uploadDir(jobId);
        let upload;
        try {
          upload = await saveUpload(req.parts(), dir);
        } catch (e) {
          await fs.rm(path.dirname(dir), { recursive: true, force: true });
          if (is413(e) && !(e instanceof AppError)) throw new AppError('IMPORT.TOO_LARGE');
          throw e;
        }
        const job = await deps.imports.start(actor, { jobId, ...upload });
        return reply.code(202).send(job);
      },
    );

    app.get(
      '/jobs',
      {
        config: { auth: 'session' },
        schema: {
          tags: ['imports'],
          description: "The user's recent import jobs (newest first).",
          querystring: z.object({ mine: z.string().max(10).optional() }),
          response: { 200: ZJobList },
        },
      },
      (req) => deps.imports.myJobs(actorOf(req)),
    );
    app.get(
      '/jobs/:id',
      {
        config: { auth: 'session' },
        schema: {
          tags: ['imports'],
          params: z.object({ id: z.string().max(200) }),
          response: { 200: ZJob },
        },
      },
      (req) => deps.imports.job(actorOf(req), idOrNotFound(req.params.id)),
    );
    app.get(
      '/jobs/:id/errors.xlsx',
      {
        config: { auth: 'session' },
        schema: { tags: ['imports'], params: z.object({ id: z.string().max(200) }) },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const body = await deps.imports.workbook(actor, idOrNotFound(req.params.id));
        const name = actor.lang === 'en-US' ? 'import-errors.xlsx' : '导入错误清单.xlsx';
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachment(name))
          .send(body);
      },
    );

    app.get(
      '/exports/targets',
      {
        config: { auth: 'export:data' },
        schema: {
          tags: ['imports'],
          description:
            'Projects and their targets (current version) of the user’s scope in one region and year, as perfbudget/1 JSON or Excel (Excel only up to 1,048,576 rows per sheet).',
          querystring: ZExportQuery,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const q = req.query;
        const exporter = await deps.exports.open(actor, q);
        const out = new PassThrough();
        exporter.write(out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
        const base = `${actor.lang === 'en-US' ? 'targets' : '项目与绩效目标'}-${exporter.region}-${q.fiscal_year}`;
        return reply
          .header('content-type', q.format === 'xlsx' ? XLSX_TYPE : 'application/json; charset=utf-8')
          .header('content-disposition', attachment(`${base}.${q.format}`))
          .send(out);
      },
    );

    app.get(
      '/exchange/template',
      { config: { auth: 'import:data' }, schema: { tags: ['imports'] } },
      async (req, reply) => {
        const actor = actorOf(req);
        const name = actor.lang === 'en-US' ? 'perfbudget-template.xlsx' : '预算绩效数据填报模板.xlsx';
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachment(name))
          .send(await deps.exports.template(actor.lang));
      },
    );
  };
}
