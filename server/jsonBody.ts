import express, { type RequestHandler } from 'express';
import { HttpError } from './errors';

/** Reads a JSON body of at most `limitBytes`; any other content type is refused (415), naming `what` was expected. */
export function jsonBodyOf(what: string, limitBytes: number): RequestHandler {
  const parse = express.json({ type: () => true, limit: limitBytes });
  return (req, res, next) => {
    if (!req.is('application/json')) {
      next(new HttpError(415, 'unsupported_media_type', `Send ${what} as application/json; got ${req.get('content-type') ?? 'no Content-Type'}.`));
      return;
    }
    parse(req, res, next);
  };
}
