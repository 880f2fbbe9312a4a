import {
  requestJson,
  type DeleteDocumentResponse,
  type DocumentMetadataJsonBody,
  type DocumentMetadataResponse,
  type IngestPreviewResponse,
  type IngestResultResponse,
} from '../api';

/** The metadata fields of the ingest and correction forms, as typed: '' means not given. */
export interface MetadataValues {
  title: string;
  issuer: string;
  jurisdiction: string;
  year: string;
  publishedAt: string;
}

export const EMPTY_METADATA: MetadataValues = { title: '', issuer: '', jurisdiction: '', year: '', publishedAt: '' };

/** For an ingest: what was typed, as query parameters (the server treats them as a sidecar would). */
export const metadataParams = (values: MetadataValues) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]));

/** For a correction: every field, an emptied optional one cleared (null); an emptied title stays as it was. */
export function metadataBody(values: MetadataValues): DocumentMetadataJsonBody {
  const text = (value: string) => value.trim() || null;
  const title = values.title.trim();
  return {
    ...(title ? { title } : {}),
    issuer: text(values.issuer),
    jurisdiction: text(values.jurisdiction),
    year: values.year.trim() ? Number(values.year) : null,
    publishedAt: text(values.publishedAt),
  };
}

/** A document to ingest: a chosen file (sent as multipart, so the server detects its encoding) or pasted text. */
export type DocumentSource = { kind: 'file'; file: File } | { kind: 'text'; text: string };

function request(source: DocumentSource, id: string, metadata: MetadataValues) {
  if (source.kind === 'file') {
    const form = new FormData();
    form.append('file', source.file, source.file.name);
    return { body: form as BodyInit, contentType: undefined, params: { ...metadataParams(metadata), id } };
  }
  // No source name: without an id the server derives one from the text's hash, so two different
  // pastes never replace each other.
  return {
    body: JSON.stringify({ text: source.text, ...(id ? { id } : {}) }),
    contentType: 'application/json',
    params: metadataParams(metadata),
  };
}

/** Parses without writing (`?dryRun=true`); the server asks the admin token for a preview as for a commit. */
export function previewDocument(source: DocumentSource, id: string, metadata: MetadataValues, token: string): Promise<IngestPreviewResponse> {
  const { body, contentType, params } = request(source, id, metadata);
  return requestJson<IngestPreviewResponse>('/documents', {
    method: 'POST',
    params: { ...params, dryRun: true },
    body,
    contentType,
    token,
  });
}

export function commitDocument(source: DocumentSource, id: string, metadata: MetadataValues, token: string): Promise<IngestResultResponse> {
  const { body, contentType, params } = request(source, id, metadata);
  return requestJson<IngestResultResponse>('/documents', { method: 'POST', params, body, contentType, token });
}

export function deleteDocument(id: string, token: string): Promise<DeleteDocumentResponse> {
  return requestJson<DeleteDocumentResponse>(`/documents/${encodeURIComponent(id)}`, { method: 'DELETE', token });
}

export function updateDocumentMetadata(id: string, values: MetadataValues, token: string): Promise<DocumentMetadataResponse> {
  return requestJson<DocumentMetadataResponse>(`/documents/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(metadataBody(values)),
    contentType: 'application/json',
    token,
  });
}
