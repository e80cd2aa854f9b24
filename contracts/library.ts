/** API schemas of the indicator library (指标库) and the core indicators pushed down from it. */
import { z } from 'zod';

export const SECTORS = [
  'EDU',
  'HEALTH',
  'AGRI',
  'TRANSPORT',
  'SOCIAL',
  'ECO',
  'CULTURE',
  'SECURITY',
  'SCITECH',
  'GENERAL',
  'HOUSING',
  'WATER',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, { zh: string; en: string }> = {
  EDU: { zh: '教育', en: 'Education' },
  HEALTH: { zh: '卫生健康', en: 'Health' },
  AGRI: { zh: '农业农村', en: 'Agriculture and rural affairs' },
  TRANSPORT: { zh: '交通运输', en: 'Transport' },
  SOCIAL: { zh: '社会保障和就业', en: 'Social security and employment' },
  ECO: { zh: '生态环境', en: 'Ecology and environment' },
  CULTURE: { zh: '文化旅游', en: 'Culture and tourism' },
  SECURITY: { zh: '公共安全', en: 'Public security' },
  SCITECH: { zh: '科学技术', en: 'Science and technology' },
  GENERAL: { zh: '一般公共服务', en: 'General public services' },
  HOUSING: { zh: '住房城乡建设', en: 'Housing and urban-rural development' },
  WATER: { zh: '水利', en: 'Water conservancy' },
};

const code = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'upper-case letters, digits and hyphens');

export const ZLibraryIndicatorInput = z.object({
  code,
  name: z.string().trim().min(1).max(200),
  name_en: z.string().max(200).nullable(),
  definition: z.string().trim().min(1).max(2000),
  unit: z.string().max(40).nullable(),
  formula: z.string().max(2000).nullable(),
  sign: z.enum(['GE', 'GT', 'LE', 'LT', 'EQ', 'QUAL', 'OTHER']),
  scoring_rule: z.string().max(2000).nullable(),
  sector: z.enum(SECTORS),
  func_class: z
    .string()
    .regex(/^\d{3}(\d{2}){0,2}$/)
    .nullable(),
  kpi_lv1: z.enum(['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST']),
  kpi_lv2: z.string().max(20),
  kind: z.enum(['COMMON', 'INDIVIDUAL']),
  progress: z.enum(['CUMULATIVE', 'LEVEL']),
  valid_from: z
    .string()
    .regex(/^\d{4}$/)
    .nullable(),
  valid_to: z
    .string()
    .regex(/^\d{4}$/)
    .nullable(),
});
export type TLibraryIndicatorInput = z.infer<typeof ZLibraryIndicatorInput>;

export const ZLibraryIndicator = ZLibraryIndicatorInput.extend({
  status: z.enum(['ACTIVE', 'RETIRED']),
  version: z.number().int(),
  /** Targets of the selected year that use it. */
  usage_count: z.number().int(),
  /** Shipped with the system (null) or added by a region. */
  mof_div_code: z.string().nullable(),
});
export type TLibraryIndicator = z.infer<typeof ZLibraryIndicator>;

export const ZLibraryQuery = z.object({
  q: z.string().max(100).optional(),
  sector: z.enum(SECTORS).optional(),
  kpi_lv1: z.string().max(20).optional(),
  kpi_lv2: z.string().max(20).optional(),
  func_class: z.string().max(7).optional(),
  kind: z.enum(['COMMON', 'INDIVIDUAL']).optional(),
  status: z.enum(['ACTIVE', 'RETIRED']).optional(),
  fiscal_year: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(20),
});
export type TLibraryQuery = z.infer<typeof ZLibraryQuery>;

export const ZLibraryList = z.object({ items: z.array(ZLibraryIndicator), total: z.number().int() });

const ZSummary = z.object({
  count: z.number().int(),
  min: z.string().nullable(),
  p25: z.string().nullable(),
  median: z.string().nullable(),
  p75: z.string().nullable(),
  max: z.string().nullable(),
});

export const ZReferenceValue = z.object({
  fiscal_year: z.string(),
  mof_div_code: z.string(),
  kind: z.enum(['HISTORY', 'INDUSTRY']),
  value: z.string(),
  note: z.string().nullable(),
  is_synthetic: z.boolean(),
});

export const ZLibraryDetail = z.object({
  indicator: ZLibraryIndicator,
  reference_values: z.array(ZReferenceValue),
  /** Per fiscal year: how many targets use it, and the distribution of targets and of actuals. */
  usage: z.array(z.object({ fiscal_year: z.string(), targets: ZSummary, actuals: ZSummary })),
});
export type TLibraryDetail = z.infer<typeof ZLibraryDetail>;

export const ZSaveLibraryIndicator = z.object({
  version: z.number().int().min(0),
  indicator: ZLibraryIndicatorInput,
  status: z.enum(['ACTIVE', 'RETIRED']).optional(),
});

export const ZCoreIndicator = z.object({
  id: z.string(),
  mof_div_code: z.string(),
  fiscal_year: z.string(),
  library_code: z.string(),
  name: z.string(),
  func_class_prefix: z.string(),
  dept_code: z.string().nullable(),
  created_at: z.string(),
});
export const ZCreateCoreIndicator = z.object({
  mof_div_code: z.string().regex(/^\d{6,9}$/),
  fiscal_year: z.string().regex(/^\d{4}$/),
  library_code: code,
  func_class_prefix: z
    .string()
    .regex(/^(\d{3}(\d{2}){0,2})?$/)
    .default(''),
  dept_code: z.string().max(40).nullable().default(null),
});
export type TCoreIndicator = z.infer<typeof ZCoreIndicator>;
export const ZCoreIndicatorList = z.object({ items: z.array(ZCoreIndicator) });

/** The outcome of an Excel import: every row written, or none (400 LIBRARY.IMPORT_INVALID). */
export const ZLibraryImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type TLibraryImportResult = z.infer<typeof ZLibraryImportResult>;

/** One problem of an import file (details of LIBRARY.IMPORT_INVALID): Excel row, column, field code. */
export const ZLibraryImportIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
});
export type TLibraryImportIssue = z.infer<typeof ZLibraryImportIssue>;
