/**
 * A store snapshot straight from the generator's ground truth, for the analytics bench: the same
 * data a store would return after ingesting the corpus (the ground-truth test holds the parser to
 * it), without parsing and loading networks of 10,000 units first.
 */
import { createHash } from 'node:crypto';
import type { Snapshot, Unit } from '../../graph/model';
import { createRegistry } from '../../graph/registry';
import { createCorpus, type CorpusOptions } from '../synth';

export function snapshotFromCorpus(options: CorpusOptions): Snapshot {
  const { registry, documents } = createCorpus(options);
  const snapshot: Snapshot = { documents: [], sections: [], units: [], items: [], responsibilities: [] };
  const units = createRegistry(registry.file.units);
  // Local plans' relative names are units of their own jurisdiction, which no registry entry lists: the parser makes them.
  const used = new Map<string, Unit>();
  for (const document of documents()) {
    const documentId = document.id;
    snapshot.documents.push({ id: documentId, title: document.sidecar.title!, sha256: createHash('sha256').update(document.text).digest('hex') });
    document.truth.items.forEach((item, index) => {
      snapshot.items.push({ id: item.id, documentId, no: index + 1, label: item.label, title: '', sectionId: null, position: index, clause: null });
      for (const a of item.assignments) {
        if (!used.has(a.unitId)) {
          const unit = units.get(a.unitId) ?? units.provisionalUnit(a.nameAsWritten, document.truth.jurisdiction);
          if (unit.id !== a.unitId) throw new Error(`snapshotFromCorpus: '${a.nameAsWritten}' is ${unit.id}, the ground truth says ${a.unitId}`);
          used.set(a.unitId, unit);
        }
        snapshot.responsibilities.push({ itemId: item.id, unitId: a.unitId, role: a.role, inferred: a.inferred, nameAsWritten: a.nameAsWritten, start: 0, end: 0, documentId });
      }
    });
  }
  snapshot.units = [...used.values()].map(({ id, name, shortName, nameEn, kind, jurisdiction, provisional }) => ({ id, name, shortName, nameEn, kind, jurisdiction, provisional }));
  return snapshot;
}
