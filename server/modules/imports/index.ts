/**
 * Imports and exports of projects and targets in the exchange format perfbudget/1: uploads run as
 * background jobs (progress, result, marked workbook of a refused file), checked exactly like
 * `validate` plus the database's checks, written all or nothing with set-based statements and one
 * audit entry; exports of the user's scope as JSON or Excel; the blank template.
 */
export {
  makeImportsService,
  describeInput,
  type ImportOutcome,
  type ImportTimings,
  type ImportsService,
} from './imports.service.ts';
export { makeExportsService, type ExportsService } from './exports.service.ts';
export { importsRoutes } from './imports.routes.ts';
/** The job rows of background imports (other modules' imports use them too). */
export { insertJob, updateJob, withHeartbeat } from './imports.repository.ts';
