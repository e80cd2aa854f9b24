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
  'TARGET.INVALID': {
    status: 400,
    zh: '绩效目标未通过校验，请按提示修改',
    en: 'The target does not pass the checks; correct the fields shown',
  },
  'TARGET.STALE_VERSION': {
    status: 409,
    zh: '绩效目标已被他人修改，请刷新后重试',
    en: 'The target was changed by someone else; reload and try again',
  },
  'TARGET.LOCKED': {
    status: 409,
    zh: '绩效目标已锁定或正在审核，不能修改',
    en: 'The target is locked or under review and cannot be changed',
  },
  'REVIEW.NOT_ALLOWED': {
    status: 409,
    zh: '当前状态下不能执行此操作',
    en: 'This action is not possible in the current state',
  },
  'REVIEW.WRONG_STEP': {
    status: 403,
    zh: '该目标不在您的审核环节',
    en: 'The target is not at your review step',
  },
  'REVIEW.OWN_SUBMISSION': {
    status: 403,
    zh: '不能审核本人提交的内容',
    en: 'You may not review your own submission',
  },
  'REVIEW.GRADE_REQUIRED': {
    status: 400,
    zh: '财政审核须评定完整性、相关性、适当性、可行性和总体等级',
    en: 'The finance review needs the four dimension grades and the overall grade',
  },
  'REVIEW.GRADE_MISMATCH': {
    status: 400,
    zh: '审核结论与总体等级不一致（优/良通过，中退回，差不予通过）',
    en: 'The decision does not match the overall grade (excellent/good approve, fair returns, poor rejects)',
  },
  'REVIEW.FIXES_REQUIRED': {
    status: 400,
    zh: '评为“良”须列出须整改事项',
    en: 'A "good" grade needs the list of fixes',
  },
  'REVIEW.COMMENT_REQUIRED': {
    status: 400,
    zh: '退回或不予通过须填写意见',
    en: 'A return or rejection needs a comment',
  },
  'LIBRARY.STALE_VERSION': {
    status: 409,
    zh: '指标已被他人修改，请刷新后重试',
    en: 'The indicator was changed by someone else; reload and try again',
  },
  'LIBRARY.READ_ONLY': {
    status: 403,
    zh: '系统内置或上级下发的指标不能修改，可以其为模板新建本地区指标',
    en: 'Shipped and higher-level indicators cannot be changed; copy one as a new indicator of your region',
  },
  'LIBRARY.IMPORT_INVALID': {
    status: 400,
    zh: '导入文件有错误，未写入任何指标，请按提示修改后重新导入',
    en: 'The file has errors and nothing was written; correct the rows shown and import again',
  },
  'IMPORT.NO_FILE': {
    status: 400,
    zh: '请上传一个 JSON 或 Excel 文件，或一组 CSV 文件',
    en: 'Upload one JSON or Excel file, or a set of CSV files',
  },
  'IMPORT.FILE_KIND': {
    status: 400,
    zh: '文件类型不支持：只接受一个 .json / .xlsx 文件，或多个 .csv 文件（projects.csv 等）',
    en: 'Unsupported files: one .json or .xlsx file, or several .csv files (projects.csv, …)',
  },
  'IMPORT.TOO_LARGE': {
    status: 413,
    zh: '上传文件超过 50 MB，请改用命令行导入',
    en: 'The upload exceeds 50 MB; use the command line import instead',
  },
  'EXPORT.TOO_MANY_ROWS': {
    status: 400,
    zh: '数据超过 Excel 单个工作表 1,048,576 行的上限，请导出 JSON 格式',
    en: "The data exceeds Excel's 1,048,576 rows per sheet; export JSON instead",
  },
  'MONITORING.ROUND_CLOSED': {
    status: 409,
    zh: '监控任务已结束，不能再填报或修改',
    en: 'The monitoring round is closed; reports can no longer be changed',
  },
  'MONITORING.NOT_EDITABLE': {
    status: 409,
    zh: '监控报告已提交，不能修改',
    en: 'The monitoring report has been submitted and cannot be changed',
  },
  'MONITORING.INVALID': {
    status: 400,
    zh: '监控报告未通过校验，请按提示修改',
    en: 'The monitoring report does not pass the checks; correct the fields shown',
  },
  'MONITORING.NOT_RED': {
    status: 409,
    zh: '只有亮红灯的项目才能作出处置',
    en: 'Only projects with a red light can be disposed of',
  },
  'MONITORING.AS_OF_OUT_OF_YEAR': {
    status: 400,
    zh: '监控截止日期须在所选预算年度内',
    en: 'The as-of date must lie in the fiscal year',
  },
  'MONITORING.STALE_VERSION': {
    status: 409,
    zh: '监控报告已被他人修改，请刷新后重试',
    en: 'The monitoring report was changed by someone else; reload and try again',
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
