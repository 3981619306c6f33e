import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { createServiceDataSource } from './data-source.factory';
import { addInsert, insertMany } from './insert-many';
import { SqlBatch } from './sql-batch';

@Entity({ name: 'parent_row' })
class ParentRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { array: true })
  tags!: string[];

  @Column('bigint', { array: true })
  keys!: string[];

  @Column('jsonb')
  body!: { nested: { list: Array<number | string | null> }; text: string };

  @Column('bytea')
  blob!: Buffer;

  @Column('timestamptz')
  at!: Date;

  @Column('int')
  count!: number;
}

@Entity({ name: 'child_row' })
class ChildRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  parentId!: string;
}

const HOSTILE = `'); DROP TABLE parent_row; -- "quoted" {braces,commas} back\\slash NULL \u{1F600} Tiếng Việt`;

function parent(overrides: Partial<ParentRow> = {}): ParentRow {
  return Object.assign(new ParentRow(), {
    id: randomUUID(),
    title: HOSTILE,
    note: null,
    tags: ['a,b', '{c}', '"d"', 'NULL', HOSTILE],
    keys: ['-9223372036854775808', '9223372036854775807'],
    body: { nested: { list: [1, 'two', null] }, text: HOSTILE },
    blob: Buffer.from([0, 1, 2, 255]),
    at: new Date('2026-11-29T01:02:03.456Z'),
    count: 42,
    ...overrides,
  });
}

describe('insertMany and SqlBatch (real Postgres)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let sql: Client;
  let schema: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    schema = env.schema('insert_many');
    sql = new Client({ connectionString: env.databaseUrl });
    await sql.connect();
    await sql.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await sql.query(`SET search_path TO "${schema}"`);
    await sql.query(
      `CREATE TABLE parent_row (id uuid PRIMARY KEY, title text NOT NULL, note text, tags text[] NOT NULL, keys bigint[] NOT NULL, body jsonb NOT NULL, blob bytea NOT NULL, at timestamptz NOT NULL, count int NOT NULL)`,
    );
    await sql.query(`CREATE TABLE child_row (id uuid PRIMARY KEY, parent_id uuid NOT NULL REFERENCES parent_row (id))`);
    dataSource = createServiceDataSource({ url: env.databaseUrl, schema, entities: [ParentRow, ChildRow], migrations: [], poolSize: 2 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await sql?.end();
    await env?.cleanup();
  });

  it('writes every column as manager.insert would, hostile strings, arrays, JSON, bytes and nulls included', async () => {
    const mine = [parent(), parent({ note: 'second', tags: [] })];
    const theirs = [parent(), parent({ note: 'second', tags: [] })];
    await insertMany(dataSource.manager, ParentRow, mine);
    await dataSource.manager.insert(ParentRow, theirs);
    const read = async (id: string) => {
      const row = await dataSource.manager.findOneByOrFail(ParentRow, { id });
      return { ...row, id: undefined };
    };
    for (let i = 0; i < mine.length; i++) expect(await read(mine[i]!.id)).toEqual(await read(theirs[i]!.id));
    expect(await read(mine[0]!.id)).toMatchObject({
      title: HOSTILE,
      tags: mine[0]!.tags,
      keys: mine[0]!.keys,
      body: mine[0]!.body,
      blob: mine[0]!.blob,
      at: mine[0]!.at,
      count: 42,
      note: null,
    });
    expect((await sql.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`, [schema])).rows[0].n).toBe(2);
  });

  it('splits a large insert within the parameter limit of a statement', async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => parent({ count: i }));
    await insertMany(dataSource.manager, ParentRow, rows);
    const {
      rows: [stats],
    } = await sql.query(`SELECT count(*)::int AS n, sum(count)::bigint AS total FROM parent_row WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    expect(stats).toEqual({ n: 4_000, total: String((3_999 * 4_000) / 2) });
  });

  it('runs several writes as one statement: a row may reference a row written beside it, and one failure writes nothing', async () => {
    const p = parent();
    const batch = new SqlBatch();
    addInsert(batch, dataSource.manager, ParentRow, [p]);
    addInsert(batch, dataSource.manager, ChildRow, [Object.assign(new ChildRow(), { id: randomUUID(), parentId: p.id })]);
    batch.add(`UPDATE parent_row SET count = ${batch.param(7, 'int')} WHERE id = ${batch.param(randomUUID(), 'uuid')}`);
    expect(batch.size).toBe(3);
    expect(batch.toSql()).toMatch(/^WITH w0 AS \(INSERT .*\), w1 AS \(INSERT .*\), w2 AS \(UPDATE .*\) SELECT 3$/s);
    await batch.execute(dataSource.manager);
    expect((await sql.query(`SELECT count(*)::int AS n FROM child_row WHERE parent_id = $1`, [p.id])).rows[0].n).toBe(1);

    const orphan = parent();
    const failing = new SqlBatch();
    addInsert(failing, dataSource.manager, ParentRow, [orphan]);
    addInsert(failing, dataSource.manager, ChildRow, [Object.assign(new ChildRow(), { id: randomUUID(), parentId: randomUUID() })]);
    await expect(failing.execute(dataSource.manager)).rejects.toThrow(/foreign key/);
    expect((await sql.query(`SELECT count(*)::int AS n FROM parent_row WHERE id = $1`, [orphan.id])).rows[0].n).toBe(0);
    // An empty batch sends nothing.
    await expect(new SqlBatch().execute(dataSource.manager)).resolves.toBeUndefined();
  });
});
