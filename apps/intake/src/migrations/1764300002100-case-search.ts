import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free-text search over cases: a report's excerpt, found whatever its diacritics ("lu lut" finds
 * "lũ lụt"), by trigram similarity. `search_fold(text)` lower-cases, strips accents with
 * `unaccent` and folds "đ" to "d" (unaccent's rules do not fold it in every version); it is
 * IMMUTABLE (the two-argument `unaccent` with a fixed dictionary), so it can be indexed.
 *
 * The extensions live in whichever schema already has them (usually `public`, which every
 * service's search_path includes); creating them needs the CREATE privilege on the database, so a
 * deployment whose service role lacks it has them created once by the database owner. The
 * function names the extensions' schema explicitly, so the index does not depend on search_path.
 */
export class CaseSearch1764300002100 implements MigrationInterface {
  name = 'CaseSearch1764300002100';

  async up(runner: QueryRunner): Promise<void> {
    for (const extension of ['unaccent', 'pg_trgm']) {
      // Several services or test schemas may migrate at once: the loser of the race sees the winner's extension.
      await runner.query(`
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = '${extension}') THEN
            CREATE EXTENSION IF NOT EXISTS ${extension} SCHEMA public;
          END IF;
        EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
        END $$`);
    }
    const [{ unaccent_schema: unaccentSchema, trgm_schema: trgmSchema }] = (await runner.query(`
      SELECT (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent') AS unaccent_schema,
             (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm') AS trgm_schema`)) as Array<{ unaccent_schema: string; trgm_schema: string }>;
    await runner.query(`
      CREATE FUNCTION search_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN pg_catalog.translate(${unaccentSchema}.unaccent('${unaccentSchema}.unaccent'::regdictionary, pg_catalog.lower(value)), 'đ', 'd')`);
    await runner.query(`CREATE INDEX report_excerpt_search_idx ON report USING gin (search_fold(excerpt) ${trgmSchema}.gin_trgm_ops)`);
    await runner.query(`CREATE INDEX report_canonical_url_idx ON report (canonical_url)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX report_canonical_url_idx`);
    await runner.query(`DROP INDEX report_excerpt_search_idx`);
    await runner.query(`DROP FUNCTION search_fold(text)`);
  }
}
