/** Provenance of every export: documents with their sha256, parameters, software version, time. */
import packageJson from '../../package.json';
import { compareText } from '../analytics';
import type { Snapshot } from '../model';
import { ExportParametersSchema, type ExportOptions, type ExportParameters, type Provenance } from './types';

/** Options split into validated parameters (defaults filled in) and the clock. */
export function exportParameters(options: ExportOptions): { parameters: ExportParameters; now: () => Date } {
  const { now = () => new Date(), ...rest } = options;
  return { parameters: ExportParametersSchema.parse(rest), now };
}

export function buildProvenance(snapshot: Pick<Snapshot, 'documents'>, options: ExportOptions): Provenance {
  const { parameters, now } = exportParameters(options);
  return {
    software: { name: packageJson.name, version: packageJson.version },
    generatedAt: now().toISOString(),
    documents: [...snapshot.documents]
      .sort((a, b) => compareText(a.id, b.id))
      .map(({ id, title, sha256 }) => ({ id, title, sha256 })),
    parameters,
  };
}
