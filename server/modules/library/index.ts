/**
 * The indicator library (指标库): shipped and region-added indicators with usage and the
 * distribution of targets and actuals, Excel export/import, the core indicators (核心指标) pushed
 * down per region and year, and the loading of the shipped starter library.
 *
 * For other modules: `coreRequirementsFor(db, { mofDivCode, fiscalYear, funcClass, deptCode })`
 * gives the core indicators a project must carry, `libraryByCodes(db, codes)` the rows by code.
 */
export { makeLibraryService, libraryByCodes, type LibraryService } from './library.service.ts';
export {
  coreRequirementsFor,
  makeCoreIndicatorsService,
  type CoreIndicatorRequirement,
  type CoreIndicatorsService,
} from './core-indicators.service.ts';
export { libraryRoutes } from './library.routes.ts';
export {
  ensureStarterLibrary,
  insertReferenceValues,
  type ReferenceValueInsert,
} from './library.repository.ts';
