interface ClauseHighlightProps {
  /** The item's full (repaired) text. */
  text: string;
  /** Offsets of the clause inside `text` (clause.textStart / clause.textEnd); null when there is none. */
  clause: { textStart: number; textEnd: number } | null;
  label?: string;
}

/**
 * The item text with its responsibility clause marked. Text is rendered as React text nodes, so
 * whatever a document contains (`<script>`, `<img onerror>`) stays inert.
 */
export function ClauseHighlight({ text, clause, label }: ClauseHighlightProps) {
  const valid = clause && clause.textStart >= 0 && clause.textStart <= clause.textEnd && clause.textEnd <= text.length;
  if (!valid) return <p className="source-text">{text}</p>;
  return (
    <p className="source-text">
      {text.slice(0, clause.textStart)}
      <mark className="clause" aria-label={label}>
        {text.slice(clause.textStart, clause.textEnd)}
      </mark>
      {text.slice(clause.textEnd)}
    </p>
  );
}
