import crypto from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_UPLOAD_LIMIT, ZJob } from '../../../contracts/imports.ts';
import {
  ZDisposeRequest,
  ZIssueRound,
  ZProjectMonitoring,
  ZReportList,
  ZReportListQuery,
  ZReportView,
  ZRound,
  ZRoundList,
  ZSaveReport,
} from '../../../contracts/monitoring.ts';
import { AppError } from '../../errors.ts';
import { actorOf, idOrNotFound } from '../../plugins/request-context.ts';
import type { ImportsService } from '../imports/index.ts';
import type { DispositionsService } from './dispositions.service.ts';
import { reportsWorkbook } from './monitoring.export.ts';
import type { PaymentsService, UploadedFile } from './payments.service.ts';
import type { ReportsService } from './reports.service.ts';
import type { RoundsService } from './rounds.service.ts';

const ZId = z.object({ id: z.string().max(200) });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KINDS = ['.json', '.xlsx', '.csv'];

/** The name a file is saved under: a CSV file is the payments table; others keep a safe own name. */
function savedName(name: string, ext: string): string {
  if (ext === '.csv') return 'payments.csv';
  const base = path.basename(name.replaceAll('\\', '/')).replace(/[^\p{L}\p{N}._-]/gu, '_');
  return base.startsWith('.') ? `payments${ext}` : base;
}

/**
 * Saves the one uploaded payments file (.json, .xlsx or .csv; a CSV file as `payments.csv`, the
 * name by which the marked workbook knows its columns), with the optional form fields
 * `mof_div_code` and `fiscal_year` for files that carry no header.
 */
async function saveUpload(
  parts: AsyncIterable<
    | { type: 'file'; filename?: string; file?: NodeJS.ReadableStream & { truncated?: boolean } }
    | { type: 'field'; fieldname: string; value: unknown }
  >,
  dir: string,
) {
  await fs.mkdir(dir, { recursive: true });
  const fields: Record<string, string> = {};
  let saved: { inputPath: string; file: UploadedFile } | null = null;
  for await (const part of parts) {
    if (part.type === 'field') {
      if (typeof part.value === 'string' && part.value.trim() !== '')
        fields[part.fieldname] = part.value.trim();
      continue;
    }
    if (!part.file || part.filename === undefined) continue;
    const ext = path.extname(part.filename).toLowerCase();
    if (saved || !KINDS.includes(ext)) {
      part.file.resume();
      throw new AppError('IMPORT.FILE_KIND');
    }
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        hash.update(chunk);
        if (bytes > IMPORT_UPLOAD_LIMIT) done(new AppError('IMPORT.TOO_LARGE'));
        else done(null, chunk);
      },
    });
    const inputPath = path.join(dir, savedName(part.filename, ext));
    await pipeline(part.file, count, createWriteStream(inputPath));
    if (part.file.truncated) throw new AppError('IMPORT.TOO_LARGE');
    saved = { inputPath, file: { name: path.basename(part.filename), sha256: hash.digest('hex'), bytes } };
  }
  if (!saved) throw new AppError('IMPORT.NO_FILE');
  return { ...saved, fields };
}

/** In-year monitoring: rounds, reports, dispositions, the warnings export, a project's timeline, payments. */
export function monitoringRoutes(deps: {
  rounds: RoundsService;
  reports: ReportsService;
  dispositions: DispositionsService;
  payments: PaymentsService;
  imports: ImportsService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['monitoring'];
    await app.register(multipart, {
      limits: { fileSize: IMPORT_UPLOAD_LIMIT, files: 2, fields: 5 },
      throwFileSizeLimit: true,
    });

    app.get(
      '/monitoring/rounds',
      {
        config: { auth: 'project:read' },
        schema: {
          tags,
          querystring: z.object({
            fiscal_year: z
              .string()
              .regex(/^\d{4}$/)
              .optional(),
          }),
          response: { 200: ZRoundList },
        },
      },
      (req) => deps.rounds.list(actorOf(req), req.query.fiscal_year),
    );
    app.post(
      '/monitoring/rounds',
      {
        config: { auth: 'monitoring:issue' },
        schema: { tags, body: ZIssueRound, response: { 200: ZRound } },
      },
      (req) => deps.rounds.issue(actorOf(req), req.body),
    );
    app.get(
      '/monitoring/rounds/:id',
      { config: { auth: 'project:read' }, schema: { tags, params: ZId, response: { 200: ZRound } } },
      (req) => deps.rounds.get(actorOf(req), idOrNotFound(req.params.id)),
    );
    app.post(
      '/monitoring/rounds/:id/close',
      { config: { auth: 'monitoring:issue' }, schema: { tags, params: ZId, response: { 200: ZRound } } },
      (req) => deps.rounds.close(actorOf(req), idOrNotFound(req.params.id)),
    );

    app.get(
      '/monitoring/reports',
      {
        config: { auth: 'project:read' },
        schema: { tags, querystring: ZReportListQuery, response: { 200: ZReportList } },
      },
      (req) => deps.reports.list(actorOf(req), req.query),
    );
    app.get(
      '/monitoring/reports.xlsx',
      {
        config: { auth: 'project:read' },
        schema: { tags, querystring: ZReportListQuery.omit({ page: true, page_size: true }) },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const name = encodeURIComponent(
          actor.lang === 'en-US' ? 'monitoring-warnings.xlsx' : '运行监控预警.xlsx',
        );
        reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename*=UTF-8''${name}`);
        return reply.send(reportsWorkbook(deps.reports.stream(actor, req.query), actor.lang));
      },
    );
    app.get(
      '/monitoring/reports/:id',
      { config: { auth: 'project:read' }, schema: { tags, params: ZId, response: { 200: ZReportView } } },
      (req) => deps.reports.view(actorOf(req), idOrNotFound(req.params.id)),
    );
    app.put(
      '/monitoring/reports/:id',
      {
        config: { auth: 'monitoring:report' },
        schema: { tags, params: ZId, body: ZSaveReport, response: { 200: ZReportView } },
      },
      (req) => deps.reports.save(actorOf(req), idOrNotFound(req.params.id), req.body),
    );
    app.post(
      '/monitoring/reports/:id/submit',
      {
        config: { auth: 'monitoring:report' },
        schema: {
          tags,
          params: ZId,
          body: z.object({ row_version: z.number().int().min(1) }),
          response: { 200: ZReportView },
        },
      },
      (req) => deps.reports.submit(actorOf(req), idOrNotFound(req.params.id), req.body.row_version),
    );
    app.post(
      '/monitoring/reports/:id/dispositions',
      {
        config: { auth: 'monitoring:dispose' },
        schema: { tags, params: ZId, body: ZDisposeRequest, response: { 200: ZReportView } },
      },
      (req) => deps.dispositions.dispose(actorOf(req), idOrNotFound(req.params.id), req.body),
    );
    app.get(
      '/projects/:id/monitoring',
      {
        config: { auth: 'project:read' },
        schema: { tags, params: ZId, response: { 200: ZProjectMonitoring } },
      },
      (req) => deps.reports.projectMonitoring(actorOf(req), idOrNotFound(req.params.id)),
    );

    app.post(
      '/payments',
      {
        bodyLimit: IMPORT_UPLOAD_LIMIT + 1024 * 1024,
        config: { auth: 'import:data' },
        schema: {
          tags,
          description:
            'multipart/form-data: one payments file — payments.csv, a workbook with the sheet 支付记录, or perfbudget/1 JSON with "payments" — and optionally the fields mof_div_code and fiscal_year (default: the JSON header, else your region and each payment date’s year). Answers 202 with the job (GET /jobs/:id).',
          consumes: ['multipart/form-data'],
          response: { 202: ZJob },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        if (!req.isMultipart()) throw new AppError('IMPORT.NO_FILE');
        const jobId = crypto.randomUUID();
        const dir = deps.payments.uploadDir(jobId);
        let upload;
        try {
          upload = await saveUpload(req.parts(), dir);
        } catch (e) {
          await fs.rm(path.dirname(dir), { recursive: true, force: true });
          const too = typeof e === 'object' && e !== null && 'statusCode' in e && e.statusCode === 413;
          if (too && !(e instanceof AppError)) throw new AppError('IMPORT.TOO_LARGE');
          throw e;
        }
        await deps.payments.start(actor, {
          jobId,
          inputPath: upload.inputPath,
          files: [upload.file],
          ...(upload.fields.mof_div_code ? { mofDivCode: upload.fields.mof_div_code } : {}),
          ...(upload.fields.fiscal_year ? { fiscalYear: upload.fields.fiscal_year } : {}),
        });
        return reply.code(202).send(await deps.imports.job(actor, jobId));
      },
    );
  };
}
