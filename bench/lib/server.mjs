// Runs a benchmark target server in its own process, so that neither the load generator nor the driver
// competes with it inside one event loop.

import { spawn } from 'node:child_process';

/**
 * Starts `node script ...args`, which must print its port as the first line on stdout once listening.
 * @returns {Promise<{port: number, url: string, pid: number, stop: () => Promise<void>}>}
 */
export function startServerProcess(script, { args = [], env = {}, nodeArgs = [], startTimeoutS = 30 } = {}) {
  return new Promise((resolve, reject) => {
    // stdin stays an open pipe: a server that sees it close knows we are gone and exits, so an aborted
    // benchmark leaves no server behind.
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    const fail = (why) => {
      child.kill('SIGKILL');
      reject(new Error(`${script}: ${why}`));
    };
    const timer = setTimeout(() => fail(`no port printed within ${startTimeoutS} s`), startTimeoutS * 1000);
    child.on('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => fail(`exited early (${signal ?? code}) before printing its port`));
    child.stdout.setEncoding('utf8').on('data', function onData(d) {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.removeAllListeners('exit');
      child.stdout.resume(); // keep draining so later output cannot block the server
      const port = Number(out.slice(0, nl).trim());
      if (!Number.isInteger(port) || port <= 0) return fail(`expected a port, got ${JSON.stringify(out.slice(0, nl))}`);
      const exited = new Promise((r) => child.once('exit', r));
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        pid: child.pid,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const t = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(t);
        },
      });
    });
  });
}
