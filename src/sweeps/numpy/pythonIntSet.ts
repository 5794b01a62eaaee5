/**
 * The iteration order of a CPython 3.11 `set` of small non-negative ints, which Optuna's GridSampler
 * turns into the list it draws from (`list(set(range(n)) - set(visited) - set(running))`): an open
 * hash table (hash(i) = i) with nine linear probes then perturbed probing, grown to the smallest
 * power of two above 4 × used when 3/5 full, and `a - b` either copying `a` and discarding (when `a`
 * is over four times larger) or adding a's survivors to a fresh set (Objects/setobject.c set_add_entry,
 * set_insert_clean, set_table_resize, set_difference). Only what those expressions need.
 */

const EMPTY = -1, DUMMY = -2;
const LINEAR_PROBES = 9, PERTURB_SHIFT = 5;

export class PythonIntSet {
  private table: number[] = new Array<number>(8).fill(EMPTY);
  private mask = 7;
  private fill = 0;
  used = 0;

  static fromRange(n: number): PythonIntSet {
    const s = new PythonIntSet();
    for (let i = 0; i < n; i++) s.add(i);
    return s;
  }

  static from(values: Iterable<number>): PythonIntSet {
    const s = new PythonIntSet();
    for (const v of values) s.add(v);
    return s;
  }

  has(key: number): boolean {
    return this.find(key) >= 0;
  }

  private find(key: number): number {
    let i = key & this.mask, perturb = key;
    for (;;) {
      const probes = i + LINEAR_PROBES <= this.mask ? LINEAR_PROBES : 0;
      for (let j = 0; j <= probes; j++) {
        const e = this.table[i + j]!;
        if (e === EMPTY) return -1;
        if (e === key) return i + j;
      }
      perturb = Math.floor(perturb / 2 ** PERTURB_SHIFT);
      i = (i * 5 + 1 + perturb) & this.mask;
    }
  }

  add(key: number): void {
    let i = key & this.mask, perturb = key, freeslot = -1;
    for (;;) {
      const probes = i + LINEAR_PROBES <= this.mask ? LINEAR_PROBES : 0;
      for (let j = 0; j <= probes; j++) {
        const at = i + j, e = this.table[at]!;
        if (e === EMPTY) {
          if (freeslot >= 0) {
            this.table[freeslot] = key;
            this.used++;
            return;
          }
          this.table[at] = key;
          this.fill++;
          this.used++;
          if (this.fill * 5 >= this.mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (e === key) return;
        if (e === DUMMY && freeslot < 0) freeslot = at;
      }
      perturb = Math.floor(perturb / 2 ** PERTURB_SHIFT);
      i = (i * 5 + 1 + perturb) & this.mask;
    }
  }

  discard(key: number): void {
    const at = this.find(key);
    if (at < 0) return;
    this.table[at] = DUMMY;
    this.used--;
  }

  private insertClean(table: number[], mask: number, key: number): void {
    let i = key & mask, perturb = key;
    for (;;) {
      if (table[i] === EMPTY) { table[i] = key; return; }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) if (table[i + j] === EMPTY) { table[i + j] = key; return; }
      }
      perturb = Math.floor(perturb / 2 ** PERTURB_SHIFT);
      i = (i * 5 + 1 + perturb) & mask;
    }
  }

  private resize(minused: number): void {
    let size = 8;
    while (size <= minused) size *= 2;
    const old = this.table;
    this.table = new Array<number>(size).fill(EMPTY);
    this.mask = size - 1;
    for (const k of old) if (k >= 0) this.insertClean(this.table, this.mask, k);
    this.fill = this.used;
  }

  /** The keys in table order (for k in s). */
  *[Symbol.iterator](): IterableIterator<number> {
    for (const k of this.table) if (k >= 0) yield k;
  }

  /** set(self): set_merge into an empty set, one big resize then insert_clean in table order. */
  private copy(): PythonIntSet {
    const c = new PythonIntSet();
    if (this.used === 0) return c;
    if (this.used * 5 >= c.mask * 3) c.resize(this.used * 2);
    if (c.mask === this.mask && this.fill === this.used) {
      c.table = [...this.table];
    } else {
      for (const k of this.table) if (k >= 0) c.insertClean(c.table, c.mask, k);
    }
    c.fill = c.used = this.used;
    return c;
  }

  /** self - other. */
  minus(other: PythonIntSet): PythonIntSet {
    if (this.used >> 2 > other.used) {
      const c = this.copy();
      for (const k of other) c.discard(k);
      return c;
    }
    const out = new PythonIntSet();
    for (const k of this) if (!other.has(k)) out.add(k);
    return out;
  }
}
