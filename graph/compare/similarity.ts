/**
 * Text similarity without word segmentation: each text becomes a bag of character bigrams and
 * trigrams, weighted by TF-IDF over the items of both plans, and two texts are as similar as the
 * cosine of their vectors. N-grams of characters work on Chinese as it is written (no spaces
 * between words), and IDF makes the genre's stock phrases (加快推进, 按职责分工负责) count for little.
 */

/** Width forms folded (ＡＢ，→ AB,) and whitespace removed: PDF extraction leaves spaces inside words. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

const NGRAM_SIZES = [2, 3] as const;

function termCounts(text: string): Map<string, number> {
  // UTF-16 code units: CJK ideographs of plans are in the BMP, and a rare astral character split in two still counts alike on both sides.
  const normalised = normaliseText(text);
  const counts = new Map<string, number>();
  for (const size of NGRAM_SIZES) {
    for (let i = 0; i + size <= normalised.length; i++) {
      const gram = normalised.slice(i, i + size);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  // A text shorter than a bigram still says something.
  if (counts.size === 0 && normalised.length > 0) counts.set(normalised, 1);
  return counts;
}

/** A unit-length TF-IDF vector: n-gram → weight. */
export type SparseVector = Map<string, number>;

/**
 * TF-IDF vectors of `texts`, one per text, over the vocabulary of all of them: tf as raw counts,
 * idf = ln((1 + N) / (1 + df)) + 1 (smoothed, as scikit-learn does), each vector scaled to length 1.
 */
export function tfidfVectors(texts: readonly string[]): SparseVector[] {
  const counts = texts.map(termCounts);
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return counts.map((terms) => {
    const vector: SparseVector = new Map();
    let norm = 0;
    for (const [term, tf] of terms) {
      const weight = tf * (Math.log((1 + texts.length) / (1 + documentFrequency.get(term)!)) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, weight / length);
    return vector;
  });
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  // Rounding can carry identical texts a hair past 1.
  return Math.min(1, dot);
}

/**
 * Every pair (row, column) whose cosine reaches `least`, through an inverted index of the columns, so
 * that pairs sharing no n-gram cost nothing.
 */
export function similarPairs(rows: readonly SparseVector[], columns: readonly SparseVector[], least: number): { row: number; column: number; similarity: number }[] {
  const postings = new Map<string, { column: number; weight: number }[]>();
  columns.forEach((vector, column) => {
    for (const [term, weight] of vector) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ column, weight });
    }
  });
  const pairs: { row: number; column: number; similarity: number }[] = [];
  const dots = new Float64Array(columns.length);
  const touched: number[] = [];
  rows.forEach((vector, row) => {
    for (const [term, weight] of vector) {
      for (const { column, weight: other } of postings.get(term) ?? []) {
        if (dots[column] === 0) touched.push(column);
        dots[column] = (dots[column] ?? 0) + weight * other;
      }
    }
    for (const column of touched.sort((a, b) => a - b)) {
      const similarity = Math.min(1, dots[column] ?? 0);
      if (similarity >= least && similarity > 0) pairs.push({ row, column, similarity });
      dots[column] = 0;
    }
    touched.length = 0;
  });
  return pairs;
}
