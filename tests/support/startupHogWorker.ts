/** An analytics worker for tests that reaches its thread's heap limit while loading, before it takes any task. */
const kept: number[][] = [];
for (;;) kept.push(new Array(1 << 20).fill(kept.length));
