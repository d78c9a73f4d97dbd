#!/usr/bin/env node
/**
 * Draws the extension's icon, media/icon.png (128×128 RGBA), with no
 * dependency: a spec page with a squiggle under one line and a check badge,
 * on a rounded teal square. Shapes are tested per 4×4 subsample for smooth
 * edges; the PNG is written with node's zlib. Run: node scripts/make-icon.mjs
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SUB = 4;

// --- shapes: each is (x, y) => inside? ---
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax,
    vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}
const stroke = (points, width) => (x, y) => {
  for (let i = 1; i < points.length; i++) if (segmentDistance(x, y, points[i - 1], points[i]) <= width / 2) return true;
  return false;
};
const triangle = (a, b, c) => (x, y) => {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b),
    s2 = side(b, c),
    s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};
const and = (f, g) => (x, y) => f(x, y) && g(x, y);
const not = (f) => (x, y) => !f(x, y);

// --- the picture, back to front ---
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const FOLD = 16;
const page = { x0: 26, y0: 16, x1: 90, y1: 112 };
const corner = triangle([page.x1 - FOLD, page.y0], [page.x1 + 1, page.y0], [page.x1 + 1, page.y0 + FOLD]);
const squiggle = [];
for (let x = 36; x <= 76; x += 0.5) squiggle.push([x, 75 + 2.2 * Math.sin(((x - 36) / 8) * 2 * Math.PI)]);

const layers = [
  // Background: a rounded square, teal, darker towards the bottom.
  { shape: roundRect(2, 2, 126, 126, 26), color: (x, y) => mix(hex('#0e7490'), hex('#134e4a'), y / SIZE) },
  // The spec page with a folded corner.
  { shape: and(roundRect(page.x0, page.y0, page.x1, page.y1, 7), not(corner)), color: () => hex('#f8fafc') },
  { shape: triangle([page.x1 - FOLD, page.y0], [page.x1 - FOLD, page.y0 + FOLD], [page.x1, page.y0 + FOLD]), color: () => hex('#cbd5e1') },
  // Lines of the spec.
  ...[
    [36, 34, 62],
    [36, 46, 76],
    [42, 58, 72],
    [42, 70, 76],
    [36, 86, 66],
    [42, 98, 70],
  ].map(([x0, y, x1]) => ({
    shape: stroke(
      [
        [x0, y],
        [x1, y],
      ],
      5,
    ),
    color: () => hex('#64748b'),
  })),
  // The problem: a red squiggle under one line.
  { shape: stroke(squiggle, 2.6), color: () => hex('#dc2626') },
  // The fix: a green check badge with a white ring.
  { shape: circle(94, 94, 25), color: () => hex('#ffffff') },
  { shape: circle(94, 94, 21), color: () => hex('#16a34a') },
  {
    shape: stroke(
      [
        [83, 94],
        [91, 102],
        [105, 86],
      ],
      6,
    ),
    color: () => hex('#ffffff'),
  },
];

function mix(a, b, t) {
  return a.map((v, i) => v + (b[i] - v) * t);
}

// --- rasterize: straight alpha compositing of each layer's coverage ---
const rgba = new Float64Array(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const o = (py * SIZE + px) * 4;
    for (const { shape, color } of layers) {
      let hits = 0;
      for (let sy = 0; sy < SUB; sy++) for (let sx = 0; sx < SUB; sx++) if (shape(px + (sx + 0.5) / SUB, py + (sy + 0.5) / SUB)) hits++;
      if (!hits) continue;
      const a = hits / (SUB * SUB);
      const c = color(px + 0.5, py + 0.5);
      const outA = a + rgba[o + 3] * (1 - a);
      for (let i = 0; i < 3; i++) rgba[o + i] = (c[i] * a + rgba[o + i] * rgba[o + 3] * (1 - a)) / outA;
      rgba[o + 3] = outA;
    }
  }
}

// --- PNG: IHDR, one IDAT (filter 0 on each row), IEND ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE * 4; x++) {
    const v = rgba[y * SIZE * 4 + x];
    raw[y * (SIZE * 4 + 1) + 1 + x] = Math.round(x % 4 === 3 ? v * 255 : v);
  }
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../media/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes, ${SIZE}×${SIZE})`);
