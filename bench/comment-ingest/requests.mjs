// Loaded inside the load-generator process: each request posts the next pre-solved comment, never one twice.
import fs from 'node:fs';

export function requests(o) {
  const lines = fs.readFileSync(o.payloadFile, 'utf8').split('\n').filter(Boolean);
  let next = Number(o.startAt ?? 0);
  return [
    {
      method: 'POST',
      path: o.path,
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: lines[next++ % lines.length] }),
    },
  ];
}
