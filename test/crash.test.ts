// The embedded database survives a hard kill: every write a process acknowledged is there when the data directory
// is opened again, and a second process cannot open a directory in use. PGlite only: PostgreSQL's durability is
// PostgreSQL's.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one, openDatabase } from '../src/server/db';
import { testDbKind } from './app';
import { copyPgliteTemplate } from './pglite-template';

const root = fileURLToPath(new URL('..', import.meta.url));
// .tmp/ is git-ignored, and from there both node_modules and src/server/db/migrations resolve as they do from dist/.
const writerBundle = path.join(root, '.tmp', `crash-writer-${process.pid}.mjs`);
/** Acknowledged writes to wait for before the kill. */
const ACKS_BEFORE_KILL = 25;

describe.skipIf(testDbKind() === 'postgres')('the embedded database after a hard kill', () => {
  let dataDir: string;
  let child: ChildProcess;
  const acked: number[] = [];
  let stderr = '';
  let lineListeners: (() => void)[] = [];

  /** Resolves once `ready()` holds, re-checked at every line the writer prints. */
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ready()) resolve();
        else if (child.exitCode !== null || child.signalCode !== null) reject(new Error(`writer exited early: ${stderr}`));
      };
      lineListeners.push(check);
      child.once('exit', check);
      check();
    });

  beforeAll(async () => {
    await build({
      entryPoints: [path.join(root, 'test/fixtures/crash-writer.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: writerBundle,
      logLevel: 'silent',
    });
    dataDir = await copyPgliteTemplate();
  }, 300_000);

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(writerBundle, { force: true });
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a writer process opens the data directory and acknowledges committed writes', async () => {
    child = spawn(process.execPath, [writerBundle], { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => (stderr += d));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (/^\d+$/.test(line)) acked.push(Number(line));
      for (const listener of lineListeners) listener();
    });
    await until(() => acked.length > 0);
    expect(acked[0]).toBe(1);
  }, 300_000);

  it('a second process opening the directory in use gets DB_IN_USE, naming the holder', async () => {
    const second = openDatabase({ dataDir, holder: 'test' });
    await expect(second).rejects.toMatchObject({ code: 'DB_IN_USE', statusCode: 409 });
    await expect(second).rejects.toThrow(new RegExp(`crash-writer, pid ${child.pid}`));
  });

  it('after SIGKILL, reopening takes over the stale lock and finds every acknowledged write', async () => {
    await until(() => acked.length >= ACKS_BEFORE_KILL);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    lineListeners = [];
    expect(child.signalCode).toBe('SIGKILL');
    const lastAcked = acked[acked.length - 1];
    expect(acked).toEqual(Array.from({ length: lastAcked }, (_, i) => i + 1));
    // The dead writer's lock file is still there.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'dany.lock'), 'utf8')).pid).toBe(child.pid);

    const database = await openDatabase({ dataDir, holder: 'crash test' });
    try {
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'dany.lock'), 'utf8')).pid).toBe(process.pid);
      const probe = await one<{ acknowledged: number; total: number; max: number }>(
        database.db,
        sql`SELECT count(*) FILTER (WHERE n <= ${lastAcked})::int AS acknowledged, count(*)::int AS total, max(n)::int AS max FROM crash_probe`,
      );
      expect(probe!.acknowledged).toBe(lastAcked);
      expect(probe!.max).toBeGreaterThanOrEqual(lastAcked);
      expect(probe!.total).toBe(probe!.max);
      // Each write's audit entry committed with it, and none without it.
      const audited = await one<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'crash.probe'`);
      expect(audited!.n).toBe(probe!.max);
      // And the database takes new writes.
      await database.db.execute(sql`INSERT INTO crash_probe (n) VALUES (${probe!.max + 1})`);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'dany.lock'))).toBe(false);
  }, 300_000);
});
