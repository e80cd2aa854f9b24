/** The workbench: each user's home page data. */
export { workbenchRoutes } from './workbench.routes.ts';
