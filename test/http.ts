import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PASSWORD } from './fixtures.ts';

export interface Session {
  cookie: string;
  csrf: string;
}

function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

/** Log in through the API and return the cookies and CSRF token to send back. */
export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const session = cookieValue(res, 'pb_session');
  const csrf = cookieValue(res, 'csrf_token');
  if (!session || !csrf) throw new Error('login set no cookies');
  return { cookie: `pb_session=${session}; csrf_token=${csrf}`, csrf };
}

/** A request as a logged-in user (with the CSRF header on state-changing methods). */
export function as(app: FastifyInstance, s: Session) {
  return (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}
