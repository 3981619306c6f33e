import type { EntityManager } from 'typeorm';

/**
 * Several data-modifying statements sent as one: chained in a `WITH`, they run in one round trip
 * and one statement (a batch that writes ten tables pays one network round trip instead of ten).
 * The statements share one snapshot, so none sees the rows another adds: use it for independent
 * writes (foreign keys are checked at the end of the statement, so a row may reference a row
 * inserted beside it).
 */
export class SqlBatch {
  private readonly statements: string[] = [];
  readonly values: unknown[] = [];

  /** A placeholder for `value`, with a cast when given. */
  param(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  /** Adds an INSERT, UPDATE or DELETE whose placeholders came from `param`. */
  add(statement: string): this {
    this.statements.push(statement);
    return this;
  }

  get size(): number {
    return this.statements.length;
  }

  /** The statement sent: the one statement, or all of them chained in a WITH. */
  toSql(): string {
    if (this.statements.length === 1) return this.statements[0]!;
    return `WITH ${this.statements.map((s, i) => `w${i} AS (${s})`).join(', ')} SELECT ${this.statements.length}`;
  }

  async execute(manager: EntityManager): Promise<void> {
    if (this.statements.length === 0) return;
    await manager.query(this.toSql(), this.values);
  }
}
