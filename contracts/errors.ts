/**
 * The one catalogue of error codes: HTTP status and the message in both languages.
 * Server, CLI and web all take their error texts from here.
 */
export const ERRORS = {
  'REQUEST.INVALID': { status: 400, zh: '请求内容不正确', en: 'The request is not valid' },
  'AUTH.UNAUTHENTICATED': { status: 401, zh: '请先登录', en: 'Please log in' },
  'AUTH.INVALID_CREDENTIALS': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  'AUTH.LOCKED': {
    status: 423,
    zh: '账号因多次密码错误已被锁定，请稍后再试',
    en: 'The account is locked after repeated failed logins; try again later',
  },
  'AUTH.DISABLED': { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  'AUTH.FORBIDDEN': { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  'AUTH.CSRF': { status: 403, zh: '请求缺少有效的安全令牌', en: 'Missing or wrong CSRF token' },
  'AUTH.PASSWORD_CHANGE_REQUIRED': {
    status: 403,
    zh: '首次登录须先修改密码',
    en: 'You must change your password first',
  },
  'AUTH.PASSWORD_WEAK': { status: 400, zh: '密码不符合安全要求', en: 'The password does not meet the rules' },
  'AUTH.PASSWORD_WRONG': { status: 400, zh: '原密码不正确', en: 'The current password is wrong' },
  'AUTH.DEMO_PASSWORD': {
    status: 400,
    zh: '演示密码仅可在演示模式下使用',
    en: 'The demo password is accepted only in demo mode',
  },
  'AUTH.ROLE_CONFLICT': {
    status: 409,
    zh: '三员角色互斥，且不得兼任业务角色',
    en: 'The three administrator roles are mutually exclusive and hold no business role',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  CONFLICT: { status: 409, zh: '数据冲突（编码已存在）', en: 'Conflict: the record already exists' },
  'POLICY.STALE_VERSION': {
    status: 409,
    zh: '政策已被他人修改，请刷新后重试',
    en: 'The policy was changed by someone else; reload and try again',
  },
  'POLICY.INVALID': { status: 400, zh: '政策参数不正确', en: 'The policy is not valid' },
  'USER.STALE_VERSION': {
    status: 409,
    zh: '用户已被他人修改，请刷新后重试',
    en: 'The user was changed by someone else; reload and try again',
  },
  INTERNAL: { status: 500, zh: '系统内部错误', en: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** One field-level problem inside a 400 REQUEST.INVALID. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  request_id?: string;
}

export type Lang = 'zh-CN' | 'en-US';

export function errorMessage(code: ErrorCode, lang: Lang): string {
  const e = ERRORS[code];
  return lang === 'en-US' ? e.en : e.zh;
}
