/** Organisation: regions, departments, budget units, finance sections, fiscal years. */
export { makeOrgService, type OrgService } from './org.service.ts';
export { orgRoutes } from './org.routes.ts';
