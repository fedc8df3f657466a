// The database a CLI command works on: the server's (DATA_DIR or DATABASE_URL), migrated first if empty.
import { readConfig } from '../server/config';
import type { Ctx } from '../server/context';
import { openDatabase, type Database } from '../server/db';

/** Commands run as the trusted system, audited as "cli". */
export const CLI: Ctx = { actor: null, system: 'cli' };

/** Opens the configured database for one command, saying so when it had to create it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: 'dany CLI' });
  if (database.freshlyCreated) console.error(`Cơ sở dữ liệu mới đã được khởi tạo và cập nhật cấu trúc (${database.kind}: ${database.location}).`);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

