/**
 * The HTTP contract: every parameter the API accepts and every body it takes and returns, as zod
 * schemas. Routes parse with the parameter codecs and answer through the response schemas; the
 * OpenAPI document (server/openapi.ts) is generated from these same objects, and the client imports
 * the derived types, so the three cannot drift apart. It imports only zod and the domain's schema
 * modules (no server code, nothing Node-only), so the client reads it without Node's types.
 */
export * from './params';
export * from './requests';
export * from './responses';
export type { SnapshotFileKind } from '../export/types';
