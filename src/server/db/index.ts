import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { AppError } from '../../shared/errors';

/** The drizzle database or a transaction on it; every query function takes one of these. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Human-readable location (data directory or URL without password). */
  location: string;
  /** True when this open created the schema from nothing (an empty database was migrated). */
  freshlyCreated: boolean;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir?: string;
  /** Use an in-memory PGlite (tests). */
  memory?: boolean;
  /** Who holds the embedded database: shown to a second process that tries to open it. */
  holder?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the SQL migrations live, both from src/ (tests, tsx) and from the built dist/. */
export function migrationsFolder(): string {
  const candidates = [
    path.join(here, 'migrations'),
    path.resolve(here, '../src/server/db/migrations'),
    path.resolve(here, '../../src/server/db/migrations'),
  ];
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'meta', '_journal.json')));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Opens the configured database (PostgreSQL when a URL is given, otherwise PGlite) and migrates it. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const database = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config);
  try {
    const before = await one<{ t: string | null }>(database.db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
    database.freshlyCreated = !before?.t;
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Dates stay strings ('YYYY-MM-DD'): a validity date is a calendar day, not an instant.
  pg.types.setTypeParser(1082, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  pool.on('error', () => {
    /* idle client errors surface on the next query */
  });
  const db = drizzle(pool) as unknown as Db;
  preparing.set(db, pool);
  const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, kind: 'postgres', location: safe, freshlyCreated: false, close: () => pool.end() };
}

async function openPglite(config: DatabaseConfig): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release = () => {};
  let dataDir: string | undefined;
  if (!config.memory) {
    dataDir = path.resolve(config.dataDir ?? 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir, config.holder ?? 'dany');
  }
  try {
    const client = await PGlite.create({
      dataDir,
      extensions: { pg_trgm, unaccent },
      parsers: { 1082: (v: string) => v },
    });
    const db = drizzle(client) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: dataDir ?? 'memory://',
      freshlyCreated: false,
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * PGlite is a single-process database: two processes writing one data directory would corrupt it.
 * A lock file with the holder's pid makes the second opener fail with a clear message instead.
 */
function lockDataDir(dataDir: string, holder: string): () => void {
  const lockPath = path.join(dataDir, 'dany.lock');
  const content = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
          if (current.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let other: { pid?: number; holder?: string } = {};
      try {
        other = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
      } catch {
        /* unreadable lock: treat as stale */
      }
      if (other.pid && other.pid !== process.pid && isAlive(other.pid)) {
        throw new AppError(
          409,
          'DB_IN_USE',
          `Cơ sở dữ liệu nhúng tại ${dataDir} đang được tiến trình khác sử dụng (${other.holder ?? 'dany'}, pid ${other.pid}). ` +
            'Hãy dừng máy chủ trước, hoặc dùng PostgreSQL qua DATABASE_URL để nhiều tiến trình cùng truy cập.',
        );
      }
      // The holder died (e.g. kill -9): its lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Applies pending migrations; the same SQL files run on PGlite and PostgreSQL. */
export async function migrateDatabase(database: Database): Promise<void> {
  const migrationsDir = migrationsFolder();
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: migrationsDir });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder: migrationsDir });
  }
}

/** Runs a query and returns its rows; the two drivers shape results differently. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

// Databases whose hot statements may be prepared: the PostgreSQL pools (not their transactions, not PGlite).
const preparing = new WeakMap<Db, import('pg').Pool>();
const dialect = new PgDialect();

/**
 * Runs a statement the server sends many times a second as a named prepared statement on PostgreSQL: each pooled
 * connection parses and plans it once instead of on every call (for the portal's batch insert that is a third of
 * the database's work per batch). `name` must be unique to the statement's text. On PGlite (one in-process
 * connection) and inside a transaction it runs as `rows()` does.
 */
export async function preparedRows<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const pool = preparing.get(db);
  if (!pool) return rows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await pool.query({ name, text, values: params as unknown[] })).rows as T[];
}

/** Runs a query and returns its first row or undefined. */
export async function one<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

export { sql };
