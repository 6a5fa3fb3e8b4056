/** Binary min-heap of (priority, item) pairs; the router pushes duplicates instead of decreasing keys. */
export class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly items: T[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, item: T): void {
    this.keys.push(key);
    this.items.push(item);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key(parent) <= key) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { key: number; item: T } | undefined {
    const key = this.keys[0];
    const item = this.items[0];
    if (key === undefined || item === undefined) return undefined;
    const lastKey = this.keys.pop();
    const lastItem = this.items.pop();
    if (this.keys.length > 0 && lastKey !== undefined && lastItem !== undefined) {
      this.keys[0] = lastKey;
      this.items[0] = lastItem;
      this.siftDown();
    }
    return { key, item };
  }

  private siftDown(): void {
    const n = this.keys.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.key(l) < this.key(m)) m = l;
      if (r < n && this.key(r) < this.key(m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private key(i: number): number {
    return this.keys[i] ?? Infinity;
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i];
    const it = this.items[i];
    const k2 = this.keys[j];
    const it2 = this.items[j];
    if (k === undefined || it === undefined || k2 === undefined || it2 === undefined) return;
    this.keys[i] = k2;
    this.items[i] = it2;
    this.keys[j] = k;
    this.items[j] = it;
  }
}
