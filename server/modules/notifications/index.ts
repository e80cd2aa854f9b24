/** In-app notifications (the bell in the top bar). */
export { makeNotificationsService, type NotificationsService } from './notifications.service.ts';
export { notificationsRoutes } from './notifications.routes.ts';
