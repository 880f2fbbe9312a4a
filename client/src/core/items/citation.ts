import type { ItemDetailResponse } from '../api';

/**
 * A citation an auditor can paste into a memo and anyone can check against the source file:
 * document title and id, item label and title, the clause quoted, its character offsets and the
 * document's sha256 (first 12 hex digits).
 */
export function formatCitation({ document, item }: ItemDetailResponse): string {
  const head = `${document.title}${document.publishedAt ? `（${document.publishedAt}）` : ''}，${item.label}${item.title}`;
  const clause = item.clause ? `：“${item.clause.text}”` : '';
  const where = item.clause ? `${item.clause.start}–${item.clause.end}` : `${item.start}–${item.end}`;
  return `${head}${clause} [${document.id}, chars ${where}, sha256 ${document.sha256.slice(0, 12)}]`;
}
