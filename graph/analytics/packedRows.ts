/**
 * A long list of rows as the analytics worker hands it to the server: each row's JSON (UTF-8) end to end, where
 * each row starts, and a small tag per row to filter on. A page parses only its own rows.
 *
 * Why not the objects: the whole corpus's gap list (266,410 gaps at full scale) crossed the thread boundary by
 * structured clone in 1.5 s in the worker and 2.9 s on the server's event loop, after every write, and held about
 * 600 MB of the server's heap. As bytes it crosses as one copy, lies outside the heap, and a page of 50 rows is
 * 50 small JSON.parse calls. (No library packs a list of JSON rows for paging; this is what it takes.)
 */
import type { PageInfo, PageRequest } from '../model';

export interface PackedRows {
  /** Row i is bytes[starts[i], starts[i + 1]). */
  bytes: Uint8Array;
  starts: Uint32Array;
  /** A bit set per row (at most 8 bits): what a filter selects rows by; 0 when the list has no tags. */
  tags: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function packRows<T>(rows: readonly T[], tagOf: (row: T) => number = () => 0): PackedRows {
  const starts = new Uint32Array(rows.length + 1);
  const tags = new Uint8Array(rows.length);
  // Written straight into one buffer, doubled when full: a Uint8Array per row first would hold the list twice.
  let bytes = new Uint8Array(1024);
  let length = 0;
  rows.forEach((row, i) => {
    const json = JSON.stringify(row);
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (length + 3 * json.length > bytes.length) {
      const grown = new Uint8Array(Math.max(2 * bytes.length, length + 3 * json.length));
      grown.set(bytes.subarray(0, length));
      bytes = grown;
    }
    starts[i] = length;
    length += encoder.encodeInto(json, bytes.subarray(length)).written;
    tags[i] = tagOf(row);
  });
  starts[rows.length] = length;
  return { bytes: bytes.slice(0, length), starts, tags };
}

/** Lists packed apart, end to end, in the order given. */
export function concatPacked(lists: readonly PackedRows[]): PackedRows {
  const rows = lists.reduce((sum, list) => sum + list.tags.length, 0);
  const bytes = new Uint8Array(lists.reduce((sum, list) => sum + list.bytes.length, 0));
  const starts = new Uint32Array(rows + 1);
  const tags = new Uint8Array(rows);
  let row = 0;
  let at = 0;
  for (const list of lists) {
    bytes.set(list.bytes, at);
    tags.set(list.tags, row);
    for (let i = 0; i < list.tags.length; i++) starts[row + i] = at + (list.starts[i] as number);
    row += list.tags.length;
    at += list.bytes.length;
  }
  starts[rows] = at;
  return { bytes, starts, tags };
}

/** `limit` rows from `offset` among those whose tag shares a bit with `mask` (every row without one), with their total. */
export function packedPage<T>(packed: PackedRows, { limit, offset }: PageRequest, mask?: number): PageInfo & { rows: T[] } {
  const rows: T[] = [];
  let total = 0;
  for (let i = 0; i < packed.tags.length; i++) {
    if (mask !== undefined && ((packed.tags[i] as number) & mask) === 0) continue;
    if (total >= offset && rows.length < limit) {
      rows.push(JSON.parse(decoder.decode(packed.bytes.subarray(packed.starts[i], packed.starts[i + 1]))) as T);
    }
    total += 1;
  }
  return { total, offset, limit, rows };
}
