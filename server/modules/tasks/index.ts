/** Declaration tasks: issue, progress, the list of projects still pending, reminders. */
export { makeTasksService, type TasksService } from './tasks.service.ts';
export { tasksRoutes } from './tasks.routes.ts';
