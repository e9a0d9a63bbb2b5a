// The parent's read delay is meant to make the parent slow to read, so that on one
// shared pipe the child deterministically reads its own message back. Counted from
// the parent's previous step it would be over long before a person types the child's
// line, so the UI starts it when the child's line is typed: the parent program awaits
// this gate, then sleeps its delay, then calls read().
export class ChildLineGate {
  private typed = 0;
  private passed = 0;
  private waiter: (() => void) | null = null;
  private released = false;

  constructor(private readonly onWaiting: (waiting: boolean) => void = () => {}) {}

  /** Resolves once a child line was typed that no earlier wait has used. */
  wait(): Promise<void> {
    if (this.released || this.typed > this.passed) {
      this.passed = Math.min(this.typed, this.passed + 1);
      return Promise.resolve();
    }
    this.onWaiting(true);
    return new Promise((resolve) => {
      this.waiter = () => {
        this.passed++;
        this.waiter = null;
        this.onWaiting(false);
        resolve();
      };
    });
  }

  childLineTyped(): void {
    this.typed++;
    this.waiter?.();
  }

  /** Lets a waiting parent go (it is being stopped) and every later wait pass at once. */
  release(): void {
    this.released = true;
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) {
      this.passed++;
      waiter();
    }
  }
}
