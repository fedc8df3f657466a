// PGlite runs initdb in WebAssembly on every new database, which takes tens of seconds on a busy 2-core machine.
// The suite makes one migrated data directory per set of migrations and copies it for each test file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationsFolder, openDatabase } from '../src/server/db';

function migrationsHash(): string {
  const dir = migrationsFolder();
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.sql')) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  h.update(fs.readFileSync(path.join(dir, 'meta', '_journal.json')));
  return h.digest('hex').slice(0, 16);
}

export const templateDir = () => path.join(os.tmpdir(), `dany-pglite-template-${migrationsHash()}`);

/** Makes the template once (safe against concurrent callers: built aside, then renamed into place). */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = templateDir();
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: building, holder: 'test template' });
  await database.close();
  try {
    fs.renameSync(building, dir);
  } catch {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/** A private copy of the template for one test file. */
export async function copyPgliteTemplate(): Promise<string> {
  const src = await ensurePgliteTemplate();
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'dany-test-'));
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}
