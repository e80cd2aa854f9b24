import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMofDivCode, ZYear } from '../../../contracts/api.ts';
import {
  ZCoreIndicator,
  ZCoreIndicatorList,
  ZCreateCoreIndicator,
  ZLibraryDetail,
  ZLibraryImportResult,
  ZLibraryIndicator,
  ZLibraryList,
  ZLibraryQuery,
  ZSaveLibraryIndicator,
} from '../../../contracts/library.ts';
import { AppError } from '../../errors.ts';
import { actorOf, idOrNotFound, noContent } from '../../plugins/request-context.ts';
import type { CoreIndicatorsService } from './core-indicators.service.ts';
import { libraryWorkbook } from './library.excel.ts';
import type { LibraryService } from './library.service.ts';

/** An uploaded workbook may be this large. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZCode = z.object({ code: z.string().max(80) });

export function libraryRoutes(deps: {
  library: LibraryService;
  coreIndicators: CoreIndicatorsService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    // The import takes the workbook as the raw request body (no multipart parser installed).
    for (const type of ['application/octet-stream', XLSX_TYPE]) {
      if (!app.hasContentTypeParser(type)) {
        app.addContentTypeParser(
          type,
          { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
          (_req, body, done) => done(null, body),
        );
      }
    }

    app.get(
      '/library',
      {
        config: { auth: 'library:read' },
        schema: { tags: ['library'], querystring: ZLibraryQuery, response: { 200: ZLibraryList } },
      },
      (req) => deps.library.list(actorOf(req), req.query),
    );
    app.get(
      '/library/export',
      {
        config: { auth: 'library:read' },
        schema: { tags: ['library'], querystring: ZLibraryQuery.omit({ page: true, page_size: true }) },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const rows = await deps.library.exportList(actor, req.query);
        const file = encodeURIComponent(actor.lang === 'en-US' ? 'indicator-library.xlsx' : '指标库.xlsx');
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename*=UTF-8''${file}`)
          .send(await libraryWorkbook(rows, actor.lang));
      },
    );
    app.post(
      '/library/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { auth: 'library:manage' },
        schema: {
          tags: ['library'],
          description: `The workbook as the request body (${XLSX_TYPE} or application/octet-stream); all rows or none.`,
          response: { 200: ZLibraryImportResult },
        },
      },
      (req) => {
        const body: unknown = req.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('REQUEST.INVALID', [
            {
              path: '',
              code: 'FIELD.TYPE',
              message:
                actorOf(req).lang === 'en-US'
                  ? 'Send the .xlsx file as the request body (application/octet-stream)'
                  : '请以请求体上传 .xlsx 文件（application/octet-stream）',
            },
          ]);
        }
        return deps.library.importWorkbook(actorOf(req), body);
      },
    );
    app.get(
      '/library/:code',
      {
        config: { auth: 'library:read' },
        schema: {
          tags: ['library'],
          params: ZCode,
          querystring: z.object({ fiscal_year: ZYear.optional() }),
          response: { 200: ZLibraryDetail },
        },
      },
      (req) => deps.library.detail(actorOf(req), req.params.code, req.query.fiscal_year),
    );
    app.post(
      '/library',
      {
        config: { auth: 'library:manage' },
        schema: { tags: ['library'], body: ZSaveLibraryIndicator, response: { 200: ZLibraryIndicator } },
      },
      (req) => deps.library.create(actorOf(req), req.body),
    );
    app.put(
      '/library/:code',
      {
        config: { auth: 'library:manage' },
        schema: {
          tags: ['library'],
          params: ZCode,
          body: ZSaveLibraryIndicator,
          response: { 200: ZLibraryIndicator },
        },
      },
      (req) => deps.library.update(actorOf(req), req.params.code, req.body),
    );

    app.get(
      '/core-indicators',
      {
        config: { auth: 'library:read' },
        schema: {
          tags: ['library'],
          querystring: z.object({ mof_div_code: ZMofDivCode, fiscal_year: ZYear }),
          response: { 200: ZCoreIndicatorList },
        },
      },
      (req) => deps.coreIndicators.list(actorOf(req), req.query.mof_div_code, req.query.fiscal_year),
    );
    app.post(
      '/core-indicators',
      {
        config: { auth: 'library:manage' },
        schema: { tags: ['library'], body: ZCreateCoreIndicator, response: { 200: ZCoreIndicator } },
      },
      (req) => deps.coreIndicators.create(actorOf(req), req.body),
    );
    app.delete(
      '/core-indicators/:id',
      {
        config: { auth: 'library:manage' },
        schema: { tags: ['library'], params: z.object({ id: z.string().max(200) }) },
      },
      async (req, reply) => {
        await deps.coreIndicators.remove(actorOf(req), idOrNotFound(req.params.id));
        return noContent(reply);
      },
    );
  };
}
