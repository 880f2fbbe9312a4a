import {
  requestJson,
  type DeleteDocumentResponse,
  type IngestPreviewResponse,
  type IngestResultResponse,
} from '../api';

/** A document to ingest: a chosen file (sent as multipart, so the server detects its encoding) or pasted text. */
export type DocumentSource = { kind: 'file'; file: File } | { kind: 'text'; text: string };

function request(source: DocumentSource, id: string) {
  if (source.kind === 'file') {
    const form = new FormData();
    form.append('file', source.file, source.file.name);
    return { body: form as BodyInit, contentType: undefined, params: { id } };
  }
  // No source name: without an id the server derives one from the text's hash, so two different
  // pastes never replace each other.
  return {
    body: JSON.stringify({ text: source.text, ...(id ? { id } : {}) }),
    contentType: 'application/json',
    params: {},
  };
}

/** Parses without writing (`?dryRun=true`); the server asks the admin token for a preview as for a commit. */
export function previewDocument(source: DocumentSource, id: string, token: string): Promise<IngestPreviewResponse> {
  const { body, contentType, params } = request(source, id);
  return requestJson<IngestPreviewResponse>('/documents', {
    method: 'POST',
    params: { ...params, dryRun: true },
    body,
    contentType,
    token,
  });
}

export function commitDocument(source: DocumentSource, id: string, token: string): Promise<IngestResultResponse> {
  const { body, contentType, params } = request(source, id);
  return requestJson<IngestResultResponse>('/documents', { method: 'POST', params, body, contentType, token });
}

export function deleteDocument(id: string, token: string): Promise<DeleteDocumentResponse> {
  return requestJson<DeleteDocumentResponse>(`/documents/${encodeURIComponent(id)}`, { method: 'DELETE', token });
}
