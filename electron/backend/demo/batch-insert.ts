import type Database from 'better-sqlite3';

/** Writes one row's values into a flat parameter array at `at`, in column order. */
export type RowWriter<R> = (row: R, out: unknown[], at: number) => void;

/**
 * Multi-row INSERT through reused prepared statements (SQLite-only bulk path). Rows are buffered
 * and written on flush(): full batches of `batchSize` rows, then the rest as power-of-two batches,
 * so at most log2(batchSize) + 1 statements serve any row count. Callers flush parents before
 * children so foreign keys hold at every statement.
 */
export class BatchInserter<R> {
  private readonly statements = new Map<number, { stmt: Database.Statement; params: unknown[] }>();
  private readonly pending: R[] = [];
  private total = 0;

  constructor(
    private readonly raw: Database.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly write: RowWriter<R>,
    // Measured here: 8–16 rows per statement is fastest; longer VALUES lists get slower again.
    private readonly batchSize = 16,
  ) {
    if (batchSize < 1 || (batchSize & (batchSize - 1)) !== 0) {
      throw new RangeError('batchSize must be a power of two');
    }
    // SQLite's default limit on bound parameters is 32766.
    if (batchSize * columns.length > 32_766) throw new RangeError('batch too large for SQLite');
  }

  /** Rows written so far. */
  get inserted(): number {
    return this.total;
  }

  add(row: R): void {
    this.pending.push(row);
  }

  flush(): void {
    const rows = this.pending;
    const width = this.columns.length;
    let offset = 0;
    while (offset < rows.length) {
      const left = rows.length - offset;
      const size = left >= this.batchSize ? this.batchSize : 2 ** Math.floor(Math.log2(left));
      const { stmt, params } = this.statementFor(size);
      for (let i = 0; i < size; i++) this.write(rows[offset + i] as R, params, i * width);
      stmt.run(params);
      offset += size;
    }
    this.total += rows.length;
    rows.length = 0;
  }

  private statementFor(size: number): { stmt: Database.Statement; params: unknown[] } {
    let entry = this.statements.get(size);
    if (!entry) {
      const tuple = `(${this.columns.map(() => '?').join(',')})`;
      const sql = `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${Array(size).fill(tuple).join(',')}`;
      entry = { stmt: this.raw.prepare(sql), params: new Array<unknown>(size * this.columns.length) };
      this.statements.set(size, entry);
    }
    return entry;
  }
}
