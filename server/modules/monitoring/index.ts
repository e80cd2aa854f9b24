/**
 * In-year monitoring (domain.md §5): rounds issued by the performance office, one report per
 * project with an approved target, lights computed by domain/monitoring/lights.ts on every save
 * and payments import, submission, finance's dispositions of RED projects (funds status), the
 * warnings list and its export, a project's lights across rounds, and payment records imported
 * as a job.
 */
export { makeRoundsService, type RoundsService } from './rounds.service.ts';
export { makeReportsService, type ReportsService } from './reports.service.ts';
export { makeDispositionsService, type DispositionsService } from './dispositions.service.ts';
export { makePaymentsService, PAYMENTS_JOB, type PaymentsService } from './payments.service.ts';
export { monitoringRoutes } from './monitoring.routes.ts';
