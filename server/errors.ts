/**
 * The one place where anything thrown while serving a request becomes an HTTP answer:
 * `{ "error": { "code", "message", "details" } }`, never a stack trace or a driver message.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MulterError } from 'multer';
import { ZodError } from 'zod';
import { AnalyticsOutOfMemoryError, describeZodIssues, DomainError, formatZodIssues, InvalidInputError, NotFoundError, ParseError, ParseTimeoutError, StoreUnavailableError } from '../graph/errors';
import type { ErrorResponse } from '../graph/api';

/** An HTTP-level refusal (auth, content type, size, rate) raised by the server itself. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Seconds a client should wait before retrying when the store is down. */
const STORE_RETRY_AFTER_SECONDS = 5;

type Answer = { status: number; body: ErrorResponse; headers?: Record<string, string> };

const answer = (
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
): Answer => ({ status, body: { error: { code, message, ...(details ? { details } : {}) } }, headers });

/** Errors raised by express' body parsers carry a `type` and a `status`. */
type BodyParserError = Error & { type: string; status: number; limit?: number };
const isBodyParserError = (error: unknown): error is BodyParserError =>
  error instanceof Error && typeof (error as Partial<BodyParserError>).type === 'string' &&
  typeof (error as Partial<BodyParserError>).status === 'number';

/**
 * zlib's own errors, which express' body readers pass on when a gzip, deflate or br body does not decompress
 * (`Z_DATA_ERROR`, `Z_BUF_ERROR`, brotli's `ERR__ERROR_FORMAT_…`): a numeric errno and a string code, status 400,
 * but no body-parser `type`.
 */
type ZlibError = Error & { errno: number; code: string };
const isZlibError = (error: unknown): error is ZlibError =>
  error instanceof Error &&
  typeof (error as Partial<ZlibError>).errno === 'number' &&
  /^(?:Z_|ERR__ERROR_)/.test(String((error as Partial<ZlibError>).code));

function classify(error: unknown, bodyLimitBytes: number): Answer | null {
  if (error instanceof HttpError) return answer(error.status, error.code, error.message, error.details, error.headers);
  if (error instanceof ZodError) {
    return answer(400, 'invalid_parameter', formatZodIssues(error), { issues: describeZodIssues(error) });
  }
  if (error instanceof ParseError) return answer(422, error.code, error.message, { ...error.location });
  if (error instanceof ParseTimeoutError) return answer(422, error.code, error.message, error.details);
  if (error instanceof NotFoundError) return answer(404, error.code, error.message, error.details);
  if (error instanceof InvalidInputError) return answer(400, 'invalid_parameter', error.message, error.details);
  // The store's own message names hosts and driver causes: it goes to the log and to /readyz, not here.
  if (error instanceof StoreUnavailableError) {
    return answer(
      503,
      error.code,
      'The graph store is unavailable. Try again shortly.',
      { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS },
      { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) },
    );
  }
  // Not the caller's fault and not over by itself: the same analysis would die again until the limit is raised.
  if (error instanceof AnalyticsOutOfMemoryError) {
    return answer(
      503,
      error.code,
      `The analysis needed more than the ${error.heapMib} MiB of memory the server allows an analytics thread and was stopped. A narrower scope may fit; the operator can raise ${error.lane === 'small' ? 'ANALYTICS_SMALL_HEAP_MIB' : 'ANALYTICS_HEAP_MIB'}.`,
      error.details,
    );
  }
  if (error instanceof DomainError) return answer(400, error.code, error.message, error.details);
  // Express decodes path parameters; a malformed percent-escape is the caller's mistake.
  if (error instanceof URIError) {
    return answer(400, 'invalid_parameter', 'A path parameter is not valid percent-encoding (RFC 3986).');
  }
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return tooLarge(bodyLimitBytes);
    return answer(400, 'invalid_upload', `${error.field ?? 'upload'}: ${error.message}`, { field: error.field });
  }
  if (isZlibError(error)) {
    return answer(400, 'invalid_content_encoding', 'The request body does not decompress as its Content-Encoding (gzip, deflate or br) says.', {
      zlibCode: error.code,
    });
  }
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large') return tooLarge(bodyLimitBytes);
    if (error.type === 'entity.parse.failed') return answer(400, 'invalid_json', 'The request body is not valid JSON.');
    if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
      return answer(415, 'unsupported_media_type', 'The request body has an unsupported charset or encoding.');
    }
    if (error.status >= 400 && error.status < 500) return answer(error.status, 'bad_request', 'The request body could not be read.');
  }
  return null;
}

export const tooLarge = (limitBytes: number): Answer =>
  answer(413, 'payload_too_large', `The request body is larger than the limit of ${limitBytes} bytes.`, {
    limitBytes,
  });

/** The answer to a failure of the server's own: the request id to quote, no internals. */
export const internalError = (requestId: unknown): Answer =>
  answer(500, 'internal_error', `Something went wrong on the server (request ${String(requestId)}).`);

export function errorHandler(bodyLimitBytes: number): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = classify(error, bodyLimitBytes);
    // A refusal the server chose (HttpError: analytics busy, not ready) is no failure of its own to log.
    if (!known || (known.status >= 500 && !(error instanceof HttpError))) req.log.error({ err: error }, 'request failed');
    const { status, body, headers } = known ?? internalError(req.id);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.set(headers ?? {}).status(status).json(body);
  };
}

/** Unknown API paths answer JSON 404 rather than the client's HTML. */
export const apiNotFound: RequestHandler = (req, _res, next) =>
  next(new HttpError(404, 'route_not_found', `No route ${req.method} ${req.path}.`));
