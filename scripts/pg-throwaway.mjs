#!/usr/bin/env node
// A private, disposable PostgreSQL server for tests and benchmarks: its own data directory, its own port,
// gone when the process ends. We never touch the Debian-packaged cluster, so CI and developers get the same
// clean server whatever state the machine is in.
//
// Library: const pg = await startThrowawayPostgres(); ... pg.url ...; await pg.stop();
// CLI:     node scripts/pg-throwaway.mjs   (prints the URL, runs until Ctrl-C)

import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './lib/net.mjs';

const PG_ROOT = '/usr/lib/postgresql';

function findBinDir() {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const versions = fs.existsSync(PG_ROOT)
    ? fs.readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const bin = path.join(PG_ROOT, v, 'bin');
    if (fs.existsSync(path.join(bin, 'postgres')) && fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  throw new Error(
    `PostgreSQL server binaries not found under ${PG_ROOT}/*/bin. ` +
      'Install them with `apt-get install -y postgresql` (or set PG_BINDIR).',
  );
}

// initdb and postgres refuse to run as root, so as root we drop to the `postgres` system user for them.
function serverUser() {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root but there is no `postgres` user; install the postgresql package or run as non-root.');
  }
}


const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Servers still running when the process goes away; killed synchronously because 'exit' handlers cannot await.
const live = new Set();
let hooksInstalled = false;

function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const s of live) s.stopSync();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      for (const s of live) s.stopSync();
      // Re-raise so the exit status still says which signal ended us.
      process.kill(process.pid, sig);
    });
  }
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * @param {{log?: (msg: string) => void, settings?: Record<string, string|number>}} [opts]
 *   settings: extra/overriding `-c name=value` server settings (e.g. { fsync: 'on' } for durability benchmarks).
 * @returns {Promise<{url: string, port: number, dir: string, stop: () => Promise<void>}>}
 */
export async function startThrowawayPostgres({ log = () => {}, settings = {} } = {}) {
  const bin = findBinDir();
  const user = serverUser();
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  // As root, TMPDIR may point somewhere the postgres user cannot traverse (e.g. under /root).
  const base = user ? '/tmp' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'dany-pg-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, 'data');
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const logFile = path.join(dir, 'postgres.log');

  let child = null;
  let exited = true;
  let stopped = false;
  // Used only where the event loop cannot tell us about the exit. The postmaster outlives its backends, so
  // once it is gone nothing writes to the directory; a zombie we have not reaped counts as gone.
  const running = () => {
    if (exited || !child?.pid) return false;
    if (!fs.existsSync('/proc/self/stat')) return fs.existsSync(pidFile);
    try {
      return fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
    } catch {
      return false;
    }
  };

  const server = {
    url: '',
    port: 0,
    dir,
    // Fast shutdown (SIGINT) first; escalate if it hangs so a stuck test never leaves us waiting forever.
    async stop() {
      if (stopped) return;
      stopped = true;
      live.delete(server);
      if (!exited) {
        const done = new Promise((r) => (exited ? r() : child.once('exit', r)));
        child.kill('SIGINT');
        const timedOut = await Promise.race([done.then(() => false), sleep(10_000).then(() => true)]);
        if (timedOut) {
          child.kill('SIGQUIT');
          await Promise.race([done, sleep(5_000)]);
          if (!exited) child.kill('SIGKILL');
        }
      }
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      log(`throwaway PostgreSQL on port ${server.port} stopped`);
    },
    // For exit paths, where there is no event loop left to wait politely: immediate shutdown, then remove.
    stopSync() {
      if (stopped) return;
      stopped = true;
      live.delete(server);
      if (running()) {
        child.kill('SIGQUIT');
        for (let i = 0; i < 50 && running(); i++) sleepSync(100);
        if (running()) child.kill('SIGKILL');
      }
      try {
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      } catch (err) {
        console.error(`could not remove ${dir}: ${err.message}`);
      }
    },
  };
  // Registered before initdb so that an interrupt during the slow start-up still cleans up.
  live.add(server);
  installExitHooks();

  try {
    const initdb = (locale) =>
      spawnSync(
        path.join(bin, 'initdb'),
        ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', `--locale=${locale}`, '--no-sync'],
        { ...asUser, encoding: 'utf8', cwd: dir },
      );
    let r = initdb('C.UTF-8');
    // Some minimal systems lack the C.UTF-8 locale; plain C still gives a UTF8 database.
    if (r.status !== 0) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      r = initdb('C');
    }
    if (r.status !== 0) throw new Error(`initdb failed (${r.status ?? r.error}):\n${r.stderr || r.stdout}`);

    const conf = { listen_addresses: '127.0.0.1', fsync: 'off', max_connections: 200, ...settings };
    // The port is free when we look but could be taken before postgres binds it; a few tries cover that race.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const args = ['-D', dataDir, '-p', String(port), '-k', dir];
      for (const [k, v] of Object.entries(conf)) args.push('-c', `${k}=${v}`);
      // Log to a file rather than a pipe: an unread pipe would eventually block the server.
      const logFd = fs.openSync(logFile, 'a');
      child = spawn(path.join(bin, 'postgres'), args, { ...asUser, cwd: dir, stdio: ['ignore', logFd, logFd] });
      fs.closeSync(logFd);
      exited = false;
      child.once('exit', () => (exited = true));

      const deadline = Date.now() + 30_000;
      let ready = false;
      while (!exited && Date.now() < deadline) {
        const probe = spawnSync(
          path.join(bin, 'pg_isready'),
          ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-t', '1'],
          { stdio: 'ignore' },
        );
        if (probe.status === 0) {
          ready = true;
          break;
        }
        await sleep(100);
      }
      if (ready) {
        server.port = port;
        server.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        log(`throwaway PostgreSQL ready at ${server.url} (data in ${dir})`);
        return server;
      }

      const why = tail(logFile);
      if (!exited) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
      if (attempt < 3 && /could not bind|already in use/i.test(why)) continue;
      throw new Error(`PostgreSQL did not start on port ${port}:\n${why}`);
    }
  } catch (err) {
    server.stopSync();
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const pg = await startThrowawayPostgres({ log: (m) => console.error(m) });
  console.log(pg.url);
  console.error('Press Ctrl-C to stop and remove it.');
  // The child process handle keeps us alive; the signal hooks stop the server and remove its directory.
}
