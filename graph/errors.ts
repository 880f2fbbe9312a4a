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
