import { existsSync, readFileSync } from 'node:fs';
import { InvalidInputError, invalidInputFromZod } from '../errors';
import { DocumentSidecarSchema, type DocumentSidecar, type ParsedDocument } from '../model';
import type { UnitRegistry } from '../registry';
import { parseDocument } from './document';

/** `plan.txt` → `plan.meta.json`, beside it. */
export function sidecarPath(path: string): string {
  return path.replace(/\.[^./\\]*$/, '') + '.meta.json';
}

export function readSidecar(path: string): DocumentSidecar | undefined {
  const metaPath = sidecarPath(path);
  if (!existsSync(metaPath)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (error) {
    throw new InvalidInputError(metaPath, `not valid JSON: ${(error as Error).message}`);
  }
  const result = DocumentSidecarSchema.safeParse(raw);
  if (!result.success) throw invalidInputFromZod(result.error, { file: metaPath });
  return result.data;
}

/** A document's bytes and its optional `<name>.meta.json` sidecar, as a parse takes them. */
export function readDocumentBytes(path: string): { bytes: Uint8Array; sidecar: DocumentSidecar | undefined } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InvalidInputError(path, `cannot read the document: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { bytes, sidecar: readSidecar(path) };
}

/**
 * Reads a document's bytes and its optional sidecar, and parses it; `jurisdiction` (a code or place
 * name) overrides the sidecar's and detection.
 */
export function readDocumentFile(path: string, registry: UnitRegistry, options: { jurisdiction?: string } = {}): ParsedDocument {
  const { bytes, sidecar } = readDocumentBytes(path);
  return parseDocument(bytes, { source: path, registry, ...(sidecar ? { sidecar } : {}), ...options });
}
