import { ERRORS, type ErrorCode, type FieldIssue } from '../contracts/errors.ts';

/** The one error type of the server: a catalogued code, optional details, mapped to HTTP once. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? code);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function invalid(issues: FieldIssue[]): AppError {
  return new AppError('REQUEST.INVALID', issues);
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('AUTH.FORBIDDEN');

/** The PostgreSQL error code of an error thrown by either driver (Drizzle wraps it in `cause`). */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && typeof e === 'object' && e !== null; i++) {
    if ('code' in e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}

/** 409 for a code or name that is already taken, naming the field in the user's language. */
export function taken(field: string, value: string, lang: 'zh-CN' | 'en-US'): AppError {
  const message = lang === 'en-US' ? `“${value}” is already taken` : `“${value}”已存在`;
  return new AppError('CONFLICT', [{ path: field, code: 'CONFLICT', message }]);
}

/** Run an insert; a unique violation becomes `taken(field, value)`. */
export async function insertOrTaken<T>(
  work: Promise<T>,
  field: string,
  value: string,
  lang: 'zh-CN' | 'en-US',
): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw taken(field, value, lang);
    throw e;
  }
}
