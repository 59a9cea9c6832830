/** A promise-chain mutex: one flush or recovery at a time per partition, in arrival order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  get busy(): boolean {
    return this.holders > 0;
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.holders++;
    const result = this.tail.then(fn).finally(() => {
      this.holders--;
    });
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
