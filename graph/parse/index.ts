/** The work-plan parser: bytes of one document in, one validated, traceable record out. */
export { parseDocument, type ParseOptions } from './document';
export { readDocumentBytes, readDocumentFile, readSidecar, sidecarPath } from './readFile';
export { parseResponsibilityClause, type ClauseContext, type ClauseReading, type ClauseWarning } from './clause';
export { decodeDocument } from './decode';
export { DEFAULT_PARSE_TIMEOUT_MS, ParsePool, type ParsePoolOptions, type ParseThroughput } from './pool';
