/**
 * Admin access for writes: `Authorization: Bearer <ADMIN_TOKEN>`. Without ADMIN_TOKEN the
 * server is read-only. Tokens are compared as sha256 digests with timingSafeEqual, so the
 * comparison takes the same time whatever the length or content of the guess.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './errors';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export function tokenMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Throws 403 when writes are off, 401 without a bearer token, 403 for a wrong one. */
export function assertAdmin(adminToken: string | undefined, authorization: string | undefined): void {
  if (!adminToken) {
    throw new HttpError(403, 'writes_disabled', 'Writes are disabled: the server was started without ADMIN_TOKEN.');
  }
  const given = BEARER.exec(authorization ?? '')?.[1];
  if (!given) {
    throw new HttpError(
      401,
      'unauthorized',
      'This request changes the graph and needs the header Authorization: Bearer <ADMIN_TOKEN>.',
      undefined,
      { 'WWW-Authenticate': 'Bearer realm="accountability-graph"' },
    );
  }
  if (!tokenMatches(adminToken, given)) throw new HttpError(403, 'forbidden', 'The admin token is not valid.');
}

export const requireAdmin =
  (adminToken: string | undefined): RequestHandler =>
  (req, _res, next) => {
    assertAdmin(adminToken, req.get('authorization'));
    next();
  };
