import crypto from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorMessage, type ErrorCode, type FieldIssue, type Lang } from '../../contracts/errors.ts';
import { AppError, pgErrorCode } from '../errors.ts';
import { langOf } from './request-context.ts';

const FIELD_TEXT: Record<string, { zh: string; en: string }> = {
  'FIELD.REQUIRED': { zh: '必填项', en: 'Required' },
  'FIELD.TYPE': { zh: '类型不正确', en: 'Wrong type' },
  'FIELD.ENUM': { zh: '不是允许的取值', en: 'Not one of the allowed values' },
  'FIELD.INVALID': { zh: '取值不正确', en: 'Not a valid value' },
};

function fieldIssue(
  keyword: string,
  instancePath: string,
  message: string,
  params: Record<string, unknown>,
  lang: Lang,
): FieldIssue {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  let code = 'FIELD.INVALID';
  if (keyword === 'invalid_type') code = params.input === undefined ? 'FIELD.REQUIRED' : 'FIELD.TYPE';
  else if (keyword === 'invalid_value') code = 'FIELD.ENUM';
  const t = FIELD_TEXT[code] ?? { zh: message, en: message };
  const base = lang === 'en-US' ? t.en : t.zh;
  return { path, code, message: code === 'FIELD.INVALID' ? `${base}: ${message}` : base };
}

/**
 * One error shape for every failure: { code, message, details }. Validation → 400 with every
 * field issue; unique violations → 409; anything unexpected → 500 with a request id only.
 */
export function registerErrorHandler(app: FastifyInstance, webDist?: string) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const lang = langOf(request);
    const send = (code: ErrorCode, status: number, details?: unknown) =>
      reply.code(status).send({
        code,
        message: errorMessage(code, lang),
        ...(details === undefined ? {} : { details }),
      });
    if (err instanceof AppError) {
      const details = Array.isArray(err.details)
        ? (err.details as FieldIssue[]).map((d) => ({
            ...d,
            message: d.message || errorMessage(err.code, lang),
          }))
        : err.details;
      return send(err.code, err.status, details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where =
        'validationContext' in err && typeof err.validationContext === 'string' ? err.validationContext : '';
      const details = err.validation.map((v) => {
        const i = fieldIssue(v.keyword, v.instancePath, v.message ?? '', v.params, lang);
        return where === 'body' || where === '' ? i : { ...i, path: i.path ? `${where}.${i.path}` : where };
      });
      return send('REQUEST.INVALID', 400, details);
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return send('RATE_LIMITED', 429);
    if (
      fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
      fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      (fe.statusCode === 400 && fe.code?.startsWith('FST_'))
    ) {
      return send('REQUEST.INVALID', 400, [{ path: '', code: 'FIELD.TYPE', message: fe.message }]);
    }
    if (fe.statusCode === 413)
      return send('REQUEST.INVALID', 400, [{ path: '', code: 'REQUEST.TOO_LARGE', message: fe.message }]);
    if (pgErrorCode(err) === '23505') return send('CONFLICT', 409);
    const requestId = String(request.id ?? crypto.randomUUID());
    request.log.error({ err, requestId }, 'unexpected error');
    return reply
      .code(500)
      .send({ code: 'INTERNAL', message: errorMessage('INTERNAL', lang), request_id: requestId });
  });
  app.setNotFoundHandler((request, reply) => {
    // The single-page client answers its own routes (any GET outside /api and /assets).
    if (webDist && request.method === 'GET' && !/^\/(api|assets)\//.test(request.url)) {
      return reply.type('text/html').sendFile('index.html', webDist);
    }
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: errorMessage('NOT_FOUND', langOf(request)) });
    }
    return reply.code(404).send('Not found');
  });
}
