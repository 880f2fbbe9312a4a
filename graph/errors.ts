import type { z } from 'zod';

/**
 * The domain's errors, classified in one place so that every boundary (CLI, HTTP) can turn
 * them into a message for a person without knowing where they came from.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A document that cannot be read: names the file, line and column. */
export class ParseError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly location: { file?: string; line: number; column: number },
  ) {
    super(code, `${location.file ?? '<input>'}:${location.line}:${location.column}: ${message}`, location);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what} '${id}' does not exist`, { [what]: id });
  }
}

/** Bad input that is not a document: an unknown filter value, a malformed registry entry. */
export class InvalidInputError extends DomainError {
  constructor(field: string, message: string) {
    super('invalid_input', `${field}: ${message}`, { field });
  }
}

/** The store cannot be reached; callers answer 503 and retry later. */
export class StoreUnavailableError extends DomainError {
  constructor(target: string, cause: string) {
    super('store_unavailable', `graph store at ${target} is unavailable: ${cause}`, { target });
  }
}

/** A parse that ran past its CPU deadline (PARSE_TIMEOUT_MS): the worker running it was stopped. */
export class ParseTimeoutError extends DomainError {
  constructor(
    readonly file: string,
    readonly limitMs: number,
  ) {
    super('parse_timeout', `${file}: parse exceeded the ${limitMs / 1000} s limit`, { file, limitMs });
  }
}

/**
 * An analytics thread reached its V8 heap limit (ANALYTICS_HEAP_MIB, ANALYTICS_SMALL_HEAP_MIB) and was stopped;
 * callers answer 503. The next task starts a new thread, without the parts the old one held.
 */
export class AnalyticsOutOfMemoryError extends DomainError {
  constructor(
    readonly lane: string,
    readonly heapMib: number,
    analysis: string,
    documents: number,
  ) {
    super(
      'analytics_out_of_memory',
      `the ${lane} analytics thread ran out of its ${heapMib} MiB heap computing ${analysis} over ${documents} document(s) and was stopped`,
      { lane, heapMib, analysis, documents },
    );
  }
}

/** One schema violation as a person reads it: where (`units[12].kind`, `role[1]`) and what is wrong. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A zod path as written in JSON and query strings: keys joined by dots, array indexes in brackets. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (field, key) => (typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * The one formatter of zod issues for every boundary (HTTP, CLI, registry, sidecars, store input): each issue
 * with its field, under `prefix` when given; an unknown key is an issue of its own; the top level is `(root)`.
 */
export function describeZodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: fieldPath([...path, key]), message: 'unknown field' }));
    }
    return [{ field: fieldPath(path) || '(root)', message: issue.message }];
  });
}

/** The issues as one line: `field: message; field: message`. */
export function formatZodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): string {
  return describeZodIssues(error, prefix)
    .map((issue) => `${issue.field}: ${issue.message}`)
    .join('; ');
}

/**
 * Bad input named by its first issue, the field in front (`seeds/units.json: units[12].kind: …` with `file`):
 * what a CLI or a loader reports.
 */
export function invalidInputFromZod(
  error: z.ZodError,
  where: { file?: string; prefix?: readonly PropertyKey[] } = {},
): InvalidInputError {
  const [first] = describeZodIssues(error, where.prefix);
  const field = first?.field ?? '(root)';
  return new InvalidInputError(where.file ? `${where.file}: ${field}` : field, first?.message ?? error.message);
}
