/**
 * Answers of a pure function of a name, per context (a jurisdiction code, or none): unit and place names repeat across
 * thousands of clauses, and the tables behind the answers never change while the process runs. Bounded: at `limit`
 * answers every one is dropped, and names longer than `longestKept` (no real name is) are never kept.
 */
export class NameMemo<T> {
  private readonly byContext = new Map<string | undefined, Map<string, T>>();
  private size = 0;

  constructor(
    private readonly compute: (name: string, context: string | undefined) => T,
    private readonly limit = 100_000,
    private readonly longestKept = 64,
  ) {}

  get(name: string, context?: string): T {
    let answers = this.byContext.get(context);
    if (answers === undefined) this.byContext.set(context, (answers = new Map()));
    const known = answers.get(name);
    if (known !== undefined || answers.has(name)) return known as T;
    const answer = this.compute(name, context);
    if (name.length <= this.longestKept) {
      if (this.size >= this.limit) {
        for (const map of this.byContext.values()) map.clear();
        this.size = 0;
      }
      answers.set(name, answer);
      this.size++;
    }
    return answer;
  }
}
