// Test app factory: a fresh database per test file (in-memory PGlite, or a new database on the throwaway
// PostgreSQL server that `npm test` starts), the real app on top, and helpers to act as a signed-in user.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp, type AppOptions } from '../src/server/app';
import { openDatabase, type Database } from '../src/server/db';
import type { Ctx } from '../src/server/context';
import { importUnitsFile } from '../src/modules/units/units.service';
import { copyPgliteTemplate } from './pglite-template';

export const SHARED_DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));
export const UNITS_2025 = path.join(SHARED_DATA, 'vn-units/units-2025-two-level.json');
export const UNITS_PRE2025 = path.join(SHARED_DATA, 'vn-units/units-pre2025-three-level.json');
export const MERGES_2025 = path.join(SHARED_DATA, 'vn-units/merges-2025-new-to-old.json');

export const SYSTEM: Ctx = { actor: null, system: 'test' };

/** Which database the suite runs on in this pass. */
export const testDbKind = (): 'pglite' | 'postgres' => (process.env.DANY_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/**
 * Storage for one test file's database that can be opened, closed and opened again (a restart), then disposed of:
 * a copied PGlite data directory, or a new database on the throwaway PostgreSQL server.
 */
export async function reopenableTestDatabase(): Promise<{ open(): Promise<Database>; dispose(): Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const dir = await copyPgliteTemplate();
    return { open: () => openDatabase({ dataDir: dir, holder: 'test' }), dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('DANY_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `dany_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    open: () => openDatabase({ databaseUrl: url.toString() }),
    async dispose() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fresh, migrated database for one test file. */
export async function openTestDatabase(): Promise<Database> {
  const storage = await reopenableTestDatabase();
  const database = await storage.open();
  const close = database.close;
  database.close = async () => {
    await close();
    await storage.dispose();
  };
  return database;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
  /** Signs in and returns a client that sends the session cookie and CSRF token. */
  login(username: string, password: string): Promise<Client>;
  anonymous: Client;
}

export interface Client {
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  csrfToken?: string;
  cookie?: string;
}

function client(app: FastifyInstance, cookie?: string, csrfToken?: string): Client {
  const inject = (opts: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({
      ...opts,
      headers: { ...(cookie ? { cookie } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...(opts.headers ?? {}) },
    });
  return {
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, payload) => inject({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => inject({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => inject({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
    delete: (url) => inject({ method: 'DELETE', url }),
    csrfToken,
    cookie,
  };
}

/** Builds the app on a fresh database (options: the public portal's limits, for tests that post many comments). */
export async function createTestApp(options: Pick<AppOptions, 'publicPortal'> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({ ...options, database, logger: process.env.TEST_LOG ? { level: 'error' } : false });
  await app.ready();
  return {
    app,
    database,
    anonymous: client(app),
    async close() {
      await app.close();
      await database.close();
    },
    async login(username, password) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie!;
      return client(app, raw.split(';')[0], res.json().csrfToken);
    },
  };
}

/** Imports the national 2025 division file into a test database. */
export const importNational2025 = (database: Database) => importUnitsFile(database.db, SYSTEM, UNITS_2025);
