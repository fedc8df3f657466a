// The ceiling for HTTP scenarios: the cheapest Fastify route there is, with the same Fastify the app uses
// and no logging, so a scenario's ratio to it says how much our own code costs.
// Prints its port on stdout when listening; exits on SIGTERM/SIGINT or when its parent closes stdin.

import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/baseline', async () => ({ ok: true }));

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`${app.server.address().port}\n`);

const shutdown = () => app.close().then(() => process.exit(0));
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
process.stdin.on('end', shutdown).on('error', shutdown).resume();
