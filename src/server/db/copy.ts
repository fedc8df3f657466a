// Bulk loading with COPY on both drivers: node-postgres streams `COPY … FROM STDIN` (pg-copy-streams) and PGlite
// reads `COPY … FROM '/dev/blob'`. COPY skips the per-statement parse and the JSON decoding of a multi-row INSERT,
// which was most of the database's work in a sheet import (see bench/comment-import).
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './index';

type CopyValue = string | number | boolean | null | undefined;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY's text format: NULL as \N, backslash, tab and line breaks escaped. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\n\r\t]/g, (ch) => ESCAPES[ch]!);
}

/** Rows in COPY's text format (tab-separated, one line per row). */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  let out = '';
  for (const row of rows) out += row.map(copyField).join('\t') + '\n';
  return out;
}

interface PgLikeClient {
  query(...args: unknown[]): unknown;
  release?: () => void;
  connect?: () => Promise<PgLikeClient>;
  totalCount?: number;
}

/** The driver's client under a drizzle database or transaction (drizzle keeps it on the session). */
function driverClient(db: Db): PgLikeClient {
  const client = (db as unknown as { session?: { client?: PgLikeClient } }).session?.client;
  if (!client) throw new Error('openCopy: no driver client under this database handle');
  return client;
}

export interface CopyWriter {
  /** Queues rows; resolves once the database is ready for more (back-pressure). */
  write(rows: readonly (readonly CopyValue[])[]): Promise<void>;
  /** Ends the COPY and waits until the database has stored every row (or throws its error). */
  end(): Promise<void>;
  /** Cancels the COPY (nothing of it is stored) and leaves the connection usable for the rollback. */
  abort(): Promise<void>;
}

/**
 * A COPY into `table` that stays open while rows arrive, so the database stores one batch while the caller prepares
 * the next (node-postgres: one `COPY … FROM STDIN` stream for the whole load; PGlite runs in this process, so each
 * write is its own `COPY … FROM '/dev/blob'`). `table` and `columns` are identifiers written by our code, never user
 * input. Use it inside the command's transaction so the rows commit or roll back with the rest of it.
 */
export async function openCopy(db: Db, table: string, columns: readonly string[]): Promise<CopyWriter> {
  const target = `${table} (${columns.join(', ')})`;
  const client = driverClient(db);
  if (typeof client.totalCount === 'number') {
    // A pool (not in a transaction): hold one connection for the COPY.
    const conn = await client.connect!();
    const inner = pgCopy(conn, target);
    return { write: inner.write, end: () => inner.end().finally(() => conn.release!()), abort: () => inner.abort().finally(() => conn.release!()) };
  }
  if (typeof client.release === 'function') return pgCopy(client, target);
  const query = client.query as (q: string, p: unknown[], o: { blob: Blob }) => Promise<unknown>;
  return {
    write: async (rows) => {
      if (rows.length) await query.call(client, `COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([copyText(rows)]) });
    },
    end: async () => {},
    abort: async () => {},
  };
}

function pgCopy(client: PgLikeClient, target: string): CopyWriter {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`)) as Writable;
  let failure: Error | null = null;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', (err: Error) => {
      failure = err;
      reject(err);
    });
  });
  done.catch(() => {}); // surfaced by write() or end()
  return {
    async write(rows) {
      if (failure) throw failure;
      if (!rows.length) return;
      if (!stream.write(copyText(rows))) {
        await new Promise<void>((resolve, reject) => {
          const onDrain = () => {
            stream.off('error', onError);
            resolve();
          };
          const onError = (err: Error) => {
            stream.off('drain', onDrain);
            reject(err);
          };
          stream.once('drain', onDrain);
          stream.once('error', onError);
        });
      }
    },
    async end() {
      if (failure) throw failure;
      stream.end();
      await done;
    },
    async abort() {
      if (failure) return;
      // destroy() sends CopyFail; the stream settles once the server has answered it.
      const settled = new Promise<void>((resolve) => stream.once('close', () => resolve()));
      stream.destroy(new Error('import cancelled'));
      await settled;
    },
  };
}
