/** `cli remove <documentId>`: delete a document, its items and edges, and units left unused. */
import type { Command } from 'commander';
import { NotFoundError } from '../../graph/errors';
import { withStore } from '../../graph/store';

export function registerRemove(program: Command): void {
  program
    .command('remove')
    .description('remove a document from the graph, with units nothing else references')
    .argument('<documentId>', 'the document id, as `cli stats` or the API lists it')
    .action(async (documentId: string) => {
      const removed = await withStore((store) => store.removeDocument(documentId));
      if (!removed) throw new NotFoundError('document', documentId);
      process.stdout.write(`removed ${documentId}\n`);
    });
}
