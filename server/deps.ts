/** The composition root: builds every service once from the configuration and the database. */
import os from 'node:os';
import path from 'node:path';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { makeAuditService } from './modules/audit/index.ts';
import { makeAuthService, makeUsersService } from './modules/identity/index.ts';
import { makeExportsService, makeImportsService } from './modules/imports/index.ts';
import {
  makeDispositionsService,
  makePaymentsService,
  makeReportsService,
  makeRoundsService,
} from './modules/monitoring/index.ts';
import { makeNotificationsService } from './modules/notifications/index.ts';
import { makeCoreIndicatorsService, makeLibraryService } from './modules/library/index.ts';
import { makeOrgService } from './modules/org/index.ts';
import { makePoliciesService } from './modules/policies/index.ts';
import { makeProjectsService } from './modules/projects/index.ts';
import { makeRecentService } from './modules/recent/index.ts';
import { makeTasksService } from './modules/tasks/index.ts';
import { makeReviewService, makeTargetsListService, makeTargetsService } from './modules/targets/index.ts';

export function buildDeps(
  config: Pick<Config, 'auditAlgorithm' | 'checkpointDir' | 'demo'> & Partial<Pick<Config, 'dataDir'>>,
  database: Database,
) {
  const audit = makeAuditService({ algorithm: config.auditAlgorithm, checkpointDir: config.checkpointDir });
  const auth = makeAuthService({ database, audit, demo: config.demo });
  const users = makeUsersService({ database, audit, auth });
  const org = makeOrgService({ database, audit });
  const recent = makeRecentService({ database });
  const projects = makeProjectsService({ database, recent });
  const policies = makePoliciesService({ database, audit });
  const notifications = makeNotificationsService({ database });
  const library = makeLibraryService({ database, audit });
  const coreIndicators = makeCoreIndicatorsService({ database, audit });
  const targets = makeTargetsService({
    database,
    audit,
    policies,
    projects,
    coreFor: coreIndicators.requirementsFor,
  });
  const review = makeReviewService({ database, audit, policies, notifications, targets });
  const targetsList = makeTargetsListService({ database, projects });
  const tasks = makeTasksService({ database, audit, notifications });
  const importsDir = config.dataDir ?? path.join(os.tmpdir(), 'perfbudget-data');
  const imports = makeImportsService({ database, audit, policies, auth, dataDir: importsDir });
  const exports = makeExportsService({ database });
  const rounds = makeRoundsService({ database, audit, notifications });
  const reports = makeReportsService({ database, audit, policies, projects });
  const dispositions = makeDispositionsService({ database, audit, notifications, reports });
  const payments = makePaymentsService({ database, audit, policies, dataDir: importsDir });
  return {
    database,
    audit,
    auth,
    users,
    org,
    projects,
    policies,
    notifications,
    recent,
    library,
    coreIndicators,
    targets,
    review,
    targetsList,
    tasks,
    imports,
    exports,
    rounds,
    reports,
    dispositions,
    payments,
  };
}

export type Deps = ReturnType<typeof buildDeps>;
