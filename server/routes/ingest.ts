/**
 * Changing the graph: ingest a document (or preview its parse) and delete one. Every one needs the admin
 * token, the dry run too: it writes nothing, but parsing is the costliest work the server does, and a preview
 * is the first step of a commit, which only an admin can make. With writes disabled there is no admin, so
 * dry runs are refused like commits (docs/api.md).
 */
import { basename } from 'node:path';
import express, { type Request, type RequestHandler } from 'express';
import multer from 'multer';
import type { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../graph/errors';
import { loadParsed } from '../../graph/ingest';
import { findJurisdiction, type Jurisdiction } from '../../graph/jurisdiction';
import type { DocumentSidecar, ParsedDocument } from '../../graph/model';
import type { DocumentMetadataPatch } from '../../graph/store';
import {
  DeleteDocumentResponseSchema,
  DocumentMetadataJsonBodySchema,
  DocumentMetadataResponseSchema,
  EXAMPLE_PLAN,
  IdParamsSchema,
  IngestJsonBodySchema,
  IngestResponseSchema,
  IngestQuerySchema,
  IngestResultResponseSchema,
  type IngestPreviewResponse,
  type UnknownUnit,
} from '../../graph/api';
import { requireAdmin } from '../auth';
import { jsonBodyOf } from '../jsonBody';
import type { Limits, ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';
import { HttpError, tooLarge } from '../errors';

type IngestQuery = z.output<typeof IngestQuerySchema>;

/** Room for multipart boundaries and part headers on top of the document itself. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

const ACCEPTED = ['multipart/form-data', 'text/plain', 'application/json'];

/**
 * Reads the document from whichever of the three accepted forms the request uses. A declared
 * Content-Length over the limit is refused before a byte of the body is read; a body without
 * one is cut off as soon as it passes the limit.
 */
function readDocumentBody(limits: Limits): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limits.bodyBytes, files: 1, fields: 0, parts: 1 },
  }).single('file');
  const raw = express.raw({ type: () => true, limit: limits.bodyBytes });
  const json = express.json({ type: () => true, limit: limits.bodyBytes });
  return (req, res, next) => {
    const declared = Number(req.get('content-length') ?? 0);
    const multipart = Boolean(req.is('multipart/form-data'));
    if (declared > limits.bodyBytes + (multipart ? MULTIPART_OVERHEAD_BYTES : 0)) {
      // Answer now and close: reading the rest of an oversized body would be the very cost the limit avoids.
      const { status, body } = tooLarge(limits.bodyBytes);
      res.set('Connection', 'close').status(status).json(body);
      return;
    }
    // Multer's own errors (size, unexpected fields) are classified by the error handler; anything else the
    // multipart reader throws (a malformed part header, control characters in a name) is a malformed body.
    if (multipart) {
      return upload(req, res, (error?: unknown) =>
        next(
          error === undefined || error instanceof multer.MulterError
            ? error
            : new HttpError(400, 'invalid_upload', 'The multipart body is malformed.'),
        ),
      );
    }
    if (req.is('text/plain')) return raw(req, res, next);
    if (req.is('application/json')) return json(req, res, next);
    next(
      new HttpError(
        415,
        'unsupported_media_type',
        `Send the document as ${ACCEPTED.join(', ')} ({"text": "…"}); got ${req.get('content-type') ?? 'no Content-Type'}.`,
        { accepted: ACCEPTED },
      ),
    );
  };
}

interface Upload {
  /** Bytes as sent (a file or a text/plain body), or the text of a JSON body. */
  content: Uint8Array | string;
  source: string;
  id?: string;
  /** The metadata given with the upload, as a sidecar file gives it. */
  sidecar: DocumentSidecar;
}

/** A jurisdiction as a person gives it (code or name), checked against the division table. */
function knownJurisdiction(field: string, value: string): Jurisdiction {
  const found = findJurisdiction(value);
  if (!found) {
    throw new InvalidInputError(field, `'${value}' is no jurisdiction of the division table; give a GB/T 2260 code (440600) or a full name (佛山市)`);
  }
  return found;
}

function sidecarFrom({ title, issuer, publishedAt, year, jurisdiction }: IngestQuery): DocumentSidecar {
  return {
    ...(title === undefined ? {} : { title }),
    ...(issuer === undefined ? {} : { issuer }),
    ...(publishedAt === undefined ? {} : { publishedAt }),
    ...(year === undefined ? {} : { year }),
    ...(jurisdiction === undefined ? {} : { jurisdiction: knownJurisdiction('jurisdiction', jurisdiction).code }),
  };
}

/** The document's text, its source name and the id asked for, whichever way it was sent. */
function uploadFrom(req: Request, query: IngestQuery): Upload {
  if (req.is('application/json')) {
    const body = IngestJsonBodySchema.parse(req.body);
    return { content: body.text, source: body.source ?? query.source ?? 'upload', id: body.id ?? query.id, sidecar: sidecarFrom(query) };
  }
  const file = req.file;
  if (req.is('multipart/form-data') && !file) {
    throw new HttpError(400, 'invalid_upload', "file: the multipart body has no part named 'file'.", { field: 'file' });
  }
  const bytes = file ? file.buffer : (req.body as Buffer | undefined);
  const source = query.source ?? (file ? basename(file.originalname) : 'upload');
  if (!bytes || bytes.length === 0) throw new HttpError(400, 'empty_document', 'The document is empty.');
  // The parser decodes (UTF-8, or GB18030 as many government files are) and hashes the bytes as sent.
  return { content: bytes, source, id: query.id, sidecar: sidecarFrom(query) };
}

function preview(parsed: ParsedDocument): IngestPreviewResponse {
  const unknown = new Map<string, UnknownUnit>();
  for (const item of parsed.items) {
    for (const assignment of item.assignments.filter((candidate) => candidate.provisional)) {
      const entry = unknown.get(assignment.unitId) ?? { name: assignment.nameAsWritten, unitId: assignment.unitId, occurrences: [] };
      entry.occurrences.push({ itemId: item.id, label: item.label, start: assignment.start, end: assignment.end });
      unknown.set(assignment.unitId, entry);
    }
  }
  return {
    dryRun: true,
    document: parsed.document,
    sections: parsed.sections,
    items: parsed.items.map(({ id, label, section, title, clause, assignments }) => ({
      id,
      label,
      section,
      title,
      clause,
      assignments,
    })),
    counts: {
      sections: parsed.sections.length,
      items: parsed.items.length,
      assignments: parsed.items.reduce((sum, item) => sum + item.assignments.length, 0),
    },
    warnings: parsed.warnings,
    ...(parsed.warningsOmitted ? { warningsOmitted: parsed.warningsOmitted } : {}),
    unknownUnits: [...unknown.values()],
  };
}

/** A metadata correction is a few hundred bytes; anything larger is not one. */
const METADATA_BODY_BYTES = 16 * 1024;
const readMetadataBody = jsonBodyOf('the corrections', METADATA_BODY_BYTES);

/** The body as the store takes it: the jurisdiction, given as a code or a name, resolved against the division table. */
function metadataPatchFrom(body: unknown): DocumentMetadataPatch {
  const { jurisdiction, ...rest } = DocumentMetadataJsonBodySchema.parse(body);
  if (Object.keys(rest).length === 0 && jurisdiction === undefined) {
    throw new HttpError(400, 'invalid_parameter', 'body: name at least one of title, issuer, publishedAt, year, jurisdiction.', { field: 'body' });
  }
  if (jurisdiction === undefined || jurisdiction === null) return { ...rest, jurisdiction };
  return { ...rest, jurisdiction: knownJurisdiction('jurisdiction', jurisdiction) };
}

export function ingestEndpoints({ store, registry, parsePool, adminToken, limits, cache }: ServerContext): Endpoint[] {
  /** Runs a write; whatever its outcome (a write cut off may still have committed), this instance's reads see it next. */
  const writing = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } finally {
      cache.dataChanged();
    }
  };

  return [
    defineEndpoint({
      method: 'post',
      path: '/api/documents',
      operationId: 'ingestDocument',
      tag: 'documents',
      summary: 'Ingest a document, or with dryRun=true preview its parse without writing anything.',
      description:
        `Send the document as multipart/form-data (one part named \`file\`), as a text/plain body, or as JSON ` +
        `\`{"text": "…"}\`, at most ${limits.bodyBytes} bytes (UTF-8 or GB18030) after any Content-Encoding is undone. ` +
        'A commit and a dry run both need `Authorization: Bearer <ADMIN_TOKEN>` and are refused (403) when the server ' +
        'has no ADMIN_TOKEN. ' +
        'The same bytes again change nothing (200, outcome unchanged); new bytes for a known id replace the document whole. ' +
        'Any text fits the body schema, but only a work plan parses: text that is not UTF-8 or GB18030, or that has no ' +
        'numbered items such as （一） or 1., is answered 422 with the rule it breaks and its line and column.',
      query: IngestQuerySchema,
      auth: requireAdmin(adminToken),
      rateLimit: 'write',
      requestBody: {
        description: 'The document.',
        content: {
          'multipart/form-data': {
            jsonSchema: {
              type: 'object',
              properties: { file: { type: 'string', contentMediaType: 'application/octet-stream', minLength: 1 } },
              required: ['file'],
              // The reader takes one part, the file, and refuses any other (400 invalid_upload).
              additionalProperties: false,
            },
          },
          'text/plain': { jsonSchema: { type: 'string', minLength: 1, examples: [EXAMPLE_PLAN] } },
          'application/json': { schema: IngestJsonBodySchema },
        },
      },
      before: [readDocumentBody(limits)],
      responses: [
        { status: 201, description: 'Committed: the document was created or replaced.', schema: IngestResultResponseSchema },
        {
          status: 200,
          description: 'With dryRun=true, the parse preview; otherwise the same bytes were already loaded (outcome unchanged).',
          schema: IngestResponseSchema,
        },
      ],
      errors: [401, 403, 413, 415, 422],
      handle: async ({ query, req, res }) => {
        const { content, ...options } = uploadFrom(req, query);
        // Parsed in a worker, under PARSE_TIMEOUT_MS: a slow document holds up no other request.
        const parsed = await parsePool.parse(content, options);
        if (query.dryRun) return preview(parsed);
        const { load, warnings, warningsOmitted } = await writing(() => loadParsed(store, registry, parsed));
        res.status(load.outcome === 'unchanged' ? 200 : 201);
        return { dryRun: false, result: load, warnings, ...(warningsOmitted ? { warningsOmitted } : {}) };
      },
    }),
    defineEndpoint({
      method: 'patch',
      path: '/api/documents/{id}',
      operationId: 'updateDocumentMetadata',
      tag: 'documents',
      summary: "Correct a document's metadata: title, issuer, jurisdiction, publication date, year.",
      description:
        'Send JSON with the fields to change; a field left out stays, null clears an optional one. The items and ' +
        'edges stay as they are; answers scoped by year or jurisdiction follow at once. New bytes for the document ' +
        '(POST) replace it whole, corrections included. Needs `Authorization: Bearer <ADMIN_TOKEN>`.',
      params: IdParamsSchema,
      auth: requireAdmin(adminToken),
      rateLimit: 'write',
      requestBody: { description: 'The corrections.', content: { 'application/json': { schema: DocumentMetadataJsonBodySchema } } },
      before: [readMetadataBody],
      responses: [{ status: 200, description: 'The document as it is now.', schema: DocumentMetadataResponseSchema }],
      errors: [401, 403, 404, 413, 415],
      handle: async ({ params, req }) => {
        const patch = metadataPatchFrom(req.body);
        const document = await writing(() => store.updateDocumentMetadata(params.id, patch));
        if (!document) throw new NotFoundError('document', params.id);
        return { document };
      },
    }),
    defineEndpoint({
      method: 'delete',
      path: '/api/documents/{id}',
      operationId: 'deleteDocument',
      tag: 'documents',
      summary: 'Remove a document, its sections, items and edges, and units nothing else references.',
      params: IdParamsSchema,
      auth: requireAdmin(adminToken),
      rateLimit: 'write',
      responses: [{ status: 200, description: 'Removed.', schema: DeleteDocumentResponseSchema }],
      errors: [401, 403, 404],
      handle: async ({ params }) => {
        if (!(await writing(() => store.removeDocument(params.id)))) throw new NotFoundError('document', params.id);
        return { id: params.id, removed: true };
      },
    }),
  ];
}
