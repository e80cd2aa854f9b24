/** Recently opened records per user (the workbench's "recent items"). */
export { makeRecentService, type RecentService, type RecentItem } from './recent.service.ts';
