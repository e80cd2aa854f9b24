/** Policies per region and fiscal year (versioned, validated, audited). */
export { makePoliciesService, type PoliciesService } from './policies.service.ts';
export { policiesRoutes } from './policies.routes.ts';
