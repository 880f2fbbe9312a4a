/** The JSON request bodies of the HTTP API; `.meta({ id })` names each as an OpenAPI component. */
import { z } from 'zod';
import { DocumentMetadataPatchSchema } from '../store/types';
import { SavedViewInputSchema } from '../store/explorerState';
import { IngestQuerySchema } from './params';

/** A small work plan: the example upload of the OpenAPI document, so that clients and fuzzers see one that parses. */
export const EXAMPLE_PLAN = [
  '广东省数据工作要点',
  '',
  '一、推进数据治理',
  '',
  '（一）建设数据平台。完善数据共享机制。（省发展改革委牵头，省科技厅按职责分工负责）',
  '',
].join('\n');

/** `POST /api/documents` with `Content-Type: application/json`. */
export const IngestJsonBodySchema = z.strictObject({
  text: z.string().min(1).meta({ examples: [EXAMPLE_PLAN] }),
  id: IngestQuerySchema.shape.id,
  source: IngestQuerySchema.shape.source,
}).meta({ id: 'IngestJsonBody' });
export type IngestJsonBody = z.input<typeof IngestJsonBodySchema>;

/**
 * `PATCH /api/documents/{id}`: corrections of a document's metadata. Fields left out stay; null
 * clears an optional one. The jurisdiction is given as a person knows it: a GB/T 2260 code or a name.
 */
export const DocumentMetadataJsonBodySchema = z.strictObject({
  title: DocumentMetadataPatchSchema.shape.title.describe('The title.'),
  issuer: DocumentMetadataPatchSchema.shape.issuer.describe('The issuing body, e.g. 广东省人民政府办公厅.'),
  publishedAt: DocumentMetadataPatchSchema.shape.publishedAt.describe('Publication date, YYYY-MM-DD.'),
  year: DocumentMetadataPatchSchema.shape.year.describe('The year the plan is for, e.g. 2023.'),
  jurisdiction: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('The issuing jurisdiction: a GB/T 2260 code (440600, 100000 national) or a name (佛山市, 佛山, 广西壮族自治区).'),
}).meta({ id: 'DocumentMetadataJsonBody' });
export type DocumentMetadataJsonBody = z.input<typeof DocumentMetadataJsonBodySchema>;

/** The body of POST /api/views. */
export const SavedViewJsonBodySchema = SavedViewInputSchema.meta({ id: 'SavedViewJsonBody' });
export type SavedViewInput = z.input<typeof SavedViewInputSchema>;
