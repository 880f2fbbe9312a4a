export { ApiError, apiUrl, buildQuery, encodeId, requestJson, type QueryParams, type QueryValue } from './http';
export { useApi, type ApiState } from './useApi';
export type * from './types';
