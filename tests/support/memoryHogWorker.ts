/** An analytics worker for tests that allocates until its thread reaches its heap limit: while running a task. */
export default function hog(): never {
  const kept: number[][] = [];
  for (;;) kept.push(new Array(1 << 20).fill(kept.length));
}
