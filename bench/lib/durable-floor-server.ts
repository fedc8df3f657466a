// The durable-write floor for HTTP ingest scenarios: the cheapest route that stores what it is posted durably before
// answering, built from the same parts as the app (Fastify without logging, node-postgres, our group commit with the
// portal's batch size and flushes in flight) and nothing else: no validation, no proof of work, no idempotency, no
// rate limit, no security headers; the body is stored as it came, as text, in a table with only a primary key.
// No real ingest route can beat it on the same machine, so its ratio to http-baseline bounds every such scenario's.
// Bundled by esbuild (target.mjs). Env: DATABASE_URL. Prints its port on stdout when listening.

import Fastify from 'fastify';
import pg from 'pg';
import { groupCommit } from '../../src/server/db/group-commit';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
await pool.query('CREATE TABLE IF NOT EXISTS floor_write (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL)');

const writer = groupCommit(
  async (bodies: string[]) => {
    const r = await pool.query<{ id: string }>('INSERT INTO floor_write (body) SELECT unnest($1::text[]) RETURNING id', [bodies]);
    return r.rows.map((row) => row.id);
  },
  { maxBatch: 100, maxInFlight: 2 },
);

const app = Fastify({ logger: false });
app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => done(null, body));
app.post('/floor', async (req, reply) => {
  const id = await writer.submit(req.body as string);
  return reply.code(201).send({ id });
});

await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${(app.server.address() as { port: number }).port}\n`);

const shutdown = () =>
  app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
process.once('SIGTERM', shutdown);
process.stdin.on('end', shutdown).on('error', shutdown).resume();
