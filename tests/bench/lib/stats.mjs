// Small helpers shared by the browser benchmarks: statistics and Markdown tables.
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function p95(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

export function fmt(x, digits = 1) {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

// rows: arrays of cells; the first row is the header.
export function table(rows) {
  const [head, ...body] = rows;
  const line = (r) => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

// A figure with its target: "met" / "MISSED" so the output says plainly what is missed. Targets
// are strict bounds, as written beside them ("p95 < 8 ms": 8.00 ms misses it).
export function verdict(value, target, lowerIsBetter = true) {
  if (!Number.isFinite(value) || target === undefined || target === null) return '';
  return (lowerIsBetter ? value < target : value > target) ? 'met' : 'MISSED';
}

// The figures a sample is saved as in the results JSON (null where there is no sample: JSON has no NaN).
export function describe(xs) {
  const n = (x) => (Number.isFinite(x) ? +x.toFixed(3) : null);
  return { median: n(median(xs)), p95: n(p95(xs)), min: n(Math.min(...xs)), max: n(Math.max(...xs)), samples: xs.length };
}
