import type { z } from 'zod';
import type { FieldIssue } from '../../../contracts/errors.ts';

/**
 * The one way the web talks to /api/v1: same-origin cookies, the CSRF double-submit header on
 * every write, the UI language in Accept-Language, errors as ApiError, and the two global
 * redirects (401 → /login, password change required → /change-password).
 */

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** The field issues of a 400 REQUEST.INVALID (empty for any other error). */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(isFieldIssue);
  }
}

function isFieldIssue(v: unknown): v is FieldIssue {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.path === 'string' && typeof r.message === 'string';
}

export interface ApiHooks {
  language: () => string;
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
}

const hooks: ApiHooks = {
  language: () => 'zh-CN',
  onUnauthenticated: () => undefined,
  onPasswordChangeRequired: () => undefined,
};

/** Wire the client to the app (language, navigation); called once by the providers. */
export function configureApi(next: Partial<ApiHooks>): void {
  Object.assign(hooks, next);
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs === '' ? `/api/v1${path}` : `/api/v1${path}?${qs}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Do not redirect on 401 (the login form handles it itself). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

function buildHeaders(method: string, hasBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': hooks.language() });
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (method !== 'GET') {
    const token = readCookie('csrf_token');
    if (token !== undefined) headers.set('X-CSRF-Token', token);
  }
  return headers;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const r = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof r.code === 'string' ? r.code : `HTTP_${res.status}`;
  const message = typeof r.message === 'string' ? r.message : res.statusText || `HTTP ${res.status}`;
  const requestId = typeof r.request_id === 'string' ? r.request_id : undefined;
  return new ApiError(res.status, code, message, r.details, requestId);
}

/** Send a request and return the raw response when it is OK; throws ApiError otherwise. */
export async function sendRequest(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const hasBody = options.body !== undefined;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  if (res.ok) return res;
  const error = await toApiError(res);
  if (res.status === 401 && options.quiet401 !== true) hooks.onUnauthenticated();
  if (res.status === 403 && error.code === 'AUTH.PASSWORD_CHANGE_REQUIRED') hooks.onPasswordChangeRequired();
  throw error;
}

/**
 * Request JSON and check it against the contract schema, so a drift between server and web shows
 * up as one clear error instead of a broken page.
 */
export async function requestJson<S extends z.ZodType>(
  schema: S,
  path: string,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const res = await sendRequest(path, options);
  const body: unknown = res.status === 204 ? null : await res.json();
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new ApiError(res.status, 'CONTRACT', `${path} → ${issues}`);
}

/** Request where the response body does not matter (logout, mark as read, …). */
export async function requestVoid(path: string, options: RequestOptions = {}): Promise<void> {
  await sendRequest(path, options);
}

/** Download a file (Excel export) with the same cookies and filters, and save it in the browser. */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  const res = await sendRequest(path, { query });
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star?.[1] !== undefined ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
