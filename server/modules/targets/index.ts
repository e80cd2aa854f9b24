/**
 * Performance targets (domain.md §4): declaration of project and department targets with live
 * difficulty flags, the review chain with finance grading, lock/unlock, adjustments as new
 * versions with diffs, and each user's to-do list.
 */
export { makeTargetsService, type TargetsService } from './targets.service.ts';
export { makeReviewService, type ReviewService } from './review.service.ts';
export { makeTargetsListService, type TargetsListService } from './targets-list.service.ts';
export { targetsRoutes } from './targets.routes.ts';
/** A stored target version as its exchange-format draft (monitoring reads the in-force version). */
export { draftOf } from './targets.repository.ts';
export type { CoreLookup, CoreRequirementView } from './targets.types.ts';
