/**
 * Remembers which order ids a seeding run has handed out, as 32-bit hashes in an open-addressing
 * table. A million strings in a Set<string> kept the garbage collector busy copying them; a typed
 * array is invisible to it. A hash twin reads as "taken": the generator then draws another id,
 * which costs nothing but a draw (about one id in 4,000 at a million deals).
 */
export class HashedIdSet {
  private table = new Uint32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the id under `namespace`; false if it (or a hash twin) was already there. */
  add(namespace: number, id: string): boolean {
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    return this.insert(hash(namespace, id));
  }

  private insert(h: number): boolean {
    const table = this.table;
    const mask = table.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const v = table[i] as number;
      if (v === 0) {
        table[i] = h;
        this.count++;
        return true;
      }
      if (v === h) return false;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.count = 0;
    for (const h of old) if (h !== 0) this.insert(h);
  }
}

/** FNV-1a over the namespace and the UTF-16 code units; never 0 (0 marks an empty slot). */
function hash(namespace: number, id: string): number {
  let h = (0x811c9dc5 ^ namespace) >>> 0;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}
