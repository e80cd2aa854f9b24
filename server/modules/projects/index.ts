/** Project registry: scoped lists, detail and Excel export. */
export { makeProjectsService, type ProjectsService } from './projects.service.ts';
export { projectsRoutes } from './projects.routes.ts';
