import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZPeerStats,
  ZReasonRequest,
  ZReviewRequest,
  ZRowVersion,
  ZSaveTarget,
  ZTargetDiff,
  ZTargetList,
  ZTargetListQuery,
  ZTargetVersion,
  ZTargetView,
} from '../../../contracts/targets.ts';
import { actorOf, idOrNotFound } from '../../plugins/request-context.ts';
import type { ReviewService } from './review.service.ts';
import type { TargetsListService } from './targets-list.service.ts';
import type { TargetsService } from './targets.service.ts';

const ZId = z.object({ id: z.string().max(200) });
const ZDeptQuery = z.object({
  mof_div_code: z.string().regex(/^\d{6,9}$/),
  fiscal_year: z.string().regex(/^\d{4}$/),
});

export function targetsRoutes(deps: {
  targets: TargetsService;
  review: ReviewService;
  targetsList: TargetsListService;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['targets'];
    app.get(
      '/projects/:id/target',
      { config: { auth: 'project:read' }, schema: { tags, params: ZId, response: { 200: ZTargetView } } },
      (req) => deps.targets.viewForProject(actorOf(req), idOrNotFound(req.params.id)),
    );
    app.put(
      '/projects/:id/target',
      {
        config: { auth: 'target:prepare' },
        schema: { tags, params: ZId, body: ZSaveTarget, response: { 200: ZTargetView } },
      },
      (req) => deps.targets.saveForProject(actorOf(req), idOrNotFound(req.params.id), req.body),
    );
    app.get(
      '/projects/:id/target/peers',
      {
        config: { auth: 'project:read' },
        schema: {
          tags,
          params: ZId,
          querystring: z.object({ codes: z.string().max(4000).default('') }),
          response: { 200: ZPeerStats },
        },
      },
      (req) =>
        deps.targets.peersForProject(
          actorOf(req),
          idOrNotFound(req.params.id),
          req.query.codes
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c.length > 0)
            .slice(0, 200),
        ),
    );
    app.get(
      '/departments/:dept_code/target',
      {
        config: { auth: 'project:read' },
        schema: {
          tags,
          params: z.object({ dept_code: z.string().max(40) }),
          querystring: ZDeptQuery,
          response: { 200: ZTargetView },
        },
      },
      (req) =>
        deps.targets.viewForDepartment(actorOf(req), {
          mofDivCode: req.query.mof_div_code,
          fiscalYear: req.query.fiscal_year,
          deptCode: req.params.dept_code,
        }),
    );
    app.put(
      '/departments/:dept_code/target',
      {
        config: { auth: 'target:prepare' },
        schema: {
          tags,
          params: z.object({ dept_code: z.string().max(40) }),
          querystring: ZDeptQuery,
          body: ZSaveTarget,
          response: { 200: ZTargetView },
        },
      },
      (req) =>
        deps.targets.saveForDepartment(
          actorOf(req),
          {
            mofDivCode: req.query.mof_div_code,
            fiscalYear: req.query.fiscal_year,
            deptCode: req.params.dept_code,
          },
          req.body,
        ),
    );
    app.get(
      '/targets',
      {
        config: { auth: 'project:read' },
        schema: { tags, querystring: ZTargetListQuery, response: { 200: ZTargetList } },
      },
      (req) => deps.targetsList.list(actorOf(req), req.query),
    );
    app.get(
      '/targets/:id',
      { config: { auth: 'project:read' }, schema: { tags, params: ZId, response: { 200: ZTargetView } } },
      (req) => deps.targets.viewById(actorOf(req), idOrNotFound(req.params.id)),
    );
    app.get(
      '/targets/:id/versions/:n',
      {
        config: { auth: 'project:read' },
        schema: {
          tags,
          params: ZId.extend({ n: z.coerce.number().int().min(1) }),
          response: { 200: ZTargetVersion },
        },
      },
      (req) => deps.targets.version(actorOf(req), idOrNotFound(req.params.id), req.params.n),
    );
    app.get(
      '/targets/:id/diff',
      {
        config: { auth: 'project:read' },
        schema: {
          tags,
          params: ZId,
          querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
          response: { 200: ZTargetDiff },
        },
      },
      (req) => deps.targets.diff(actorOf(req), idOrNotFound(req.params.id), req.query.from, req.query.to),
    );
    app.post(
      '/targets/:id/submit',
      {
        config: { auth: 'target:prepare' },
        schema: { tags, params: ZId, body: ZRowVersion, response: { 200: ZTargetView } },
      },
      (req) => deps.review.submit(actorOf(req), idOrNotFound(req.params.id), req.body.row_version),
    );
    app.post(
      '/targets/:id/review',
      {
        config: { auth: 'target:approve' },
        schema: { tags, params: ZId, body: ZReviewRequest, response: { 200: ZTargetView } },
      },
      (req) => deps.review.review(actorOf(req), idOrNotFound(req.params.id), req.body),
    );
    app.post(
      '/targets/:id/unlock',
      {
        config: { auth: 'target:approve' },
        schema: { tags, params: ZId, body: ZReasonRequest, response: { 200: ZTargetView } },
      },
      (req) => deps.review.unlock(actorOf(req), idOrNotFound(req.params.id), req.body),
    );
    app.post(
      '/targets/:id/adjust',
      {
        config: { auth: 'target:prepare' },
        schema: { tags, params: ZId, body: ZReasonRequest, response: { 200: ZTargetView } },
      },
      (req) => deps.review.adjust(actorOf(req), idOrNotFound(req.params.id), req.body),
    );
  };
}
