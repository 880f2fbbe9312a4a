/**
 * A store snapshot straight from the generator's ground truth, for the analytics bench: the same
 * data a store would return after ingesting the corpus (the ground-truth test holds the parser to
 * it), without parsing and loading networks of 10,000 units first.
 */
import { createHash } from 'node:crypto';
import type { Snapshot } from '../../graph/model';
import { createCorpus, type CorpusOptions } from '../synth';

export function snapshotFromCorpus(options: CorpusOptions): Snapshot {
  const { registry, documents } = createCorpus(options);
  const snapshot: Snapshot = { documents: [], sections: [], units: [], items: [], responsibilities: [] };
  const used = new Set<string>();
  for (const document of documents()) {
    const documentId = document.id;
    snapshot.documents.push({ id: documentId, title: document.sidecar.title!, sha256: createHash('sha256').update(document.text).digest('hex') });
    document.truth.items.forEach((item, index) => {
      snapshot.items.push({ id: item.id, documentId, no: index + 1, label: item.label, title: '', sectionId: null, position: index, clause: null });
      for (const a of item.assignments) {
        used.add(a.unitId);
        snapshot.responsibilities.push({ itemId: item.id, unitId: a.unitId, role: a.role, inferred: a.inferred, nameAsWritten: a.nameAsWritten, start: 0, end: 0, documentId });
      }
    });
  }
  snapshot.units = registry.file.units
    .filter((u) => used.has(u.id))
    .map(({ id, name, shortName, nameEn, kind, jurisdiction, provisional }) => ({ id, name, shortName, nameEn, kind, jurisdiction, provisional }));
  return snapshot;
}
