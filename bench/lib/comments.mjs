// Large comment sets for the synthesis benchmarks, generated deterministically (seeded) from the structure of
// ../shared/data/comments-dev (its texts, sections, clusters and variants) and the real communes of
// ../shared/data/vn-units. Each generated comment is a dev-set comment with light mechanical noise of the kinds
// people produce (diacritics dropped, case and spacing changed, a greeting or agreement phrase added), placed in a
// real commune, so the engine meets both the repetition and the spread of a national consultation.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './results.mjs';

export const sharedData = process.env.DANY_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data');
export const devSet = path.join(sharedData, 'comments-dev');

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readDevComments() {
  return fs.readFileSync(path.join(devSet, 'comments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

export function readCommuneCodes() {
  const provinces = JSON.parse(fs.readFileSync(path.join(sharedData, 'vn-units', 'units-2025-two-level.json'), 'utf8'));
  return provinces.flatMap((p) => p.Wards.map((w) => w.Code));
}

const FILLERS = ['Tôi nhất trí với dự thảo. ', 'Kính đề nghị ', 'Xin góp ý: ', '', 'Nhất trí cao. '];
const CLOSINGS = [' Xin cảm ơn.', ' Trân trọng.', '', ' Chúc Đại hội thành công!'];
const CHANNELS = ['portal', 'conference', 'letter', 'sheet'];

function stripMarks(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** One generated comment from a dev-set comment: same opinion, some noise. */
function vary(c, rnd) {
  let text = c.text;
  const r = rnd();
  if (r < 0.15) text = stripMarks(text);
  else if (r < 0.25) text = text.toLowerCase();
  else if (r < 0.3) text = text.replace(/ /g, '  ');
  if (rnd() < 0.2) text = FILLERS[Math.floor(rnd() * FILLERS.length)] + text + CLOSINGS[Math.floor(rnd() * CLOSINGS.length)];
  return text;
}

/**
 * Writes `count` comments as JSONL to `file` and returns it. Clusters keep their dev-set weight (a large
 * cluster stays large); local clusters stay in a few communes of the same province, as local issues do.
 */
export function writeGeneratedComments(file, count, { seed = 20251, idPrefix = 'b' } = {}) {
  const dev = readDevComments();
  const communes = readCommuneCodes();
  const rnd = mulberry32(seed);
  const fd = fs.openSync(file, 'w');
  const home = new Map();
  let buf = '';
  for (let i = 1; i <= count; i++) {
    const c = dev[Math.floor(rnd() * dev.length)];
    let base = home.get(c.cluster);
    if (base === undefined) home.set(c.cluster, (base = Math.floor(rnd() * communes.length)));
    // Half the comments come from anywhere, half from near the cluster's home commune.
    const unit = rnd() < 0.5 ? communes[Math.floor(rnd() * communes.length)] : communes[(base + Math.floor(rnd() * 40)) % communes.length];
    const line = { id: `${idPrefix}${String(i).padStart(7, '0')}`, text: vary(c, rnd), section: c.section, unit, stratum: c.stratum, channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)] };
    buf += JSON.stringify(line) + '\n';
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  return file;
}
