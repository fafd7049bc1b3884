/**
 * A sparkline's polyline: points spread over `width` by time and over `height` by value (the highest at the
 * top), with `pad` pixels kept free at the edges so the stroke is not cut. One point or a flat price is a flat
 * line through the middle. Coordinates rounded to a tenth of a pixel.
 */
export function sparkPath(
  points: readonly { at: number; minor: number }[],
  width: number,
  height: number,
  pad = 1.5,
): string {
  if (points.length === 0) return '';
  const r = (x: number) => Math.round(x * 10) / 10;
  let t0 = Number.POSITIVE_INFINITY;
  let t1 = Number.NEGATIVE_INFINITY;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    t0 = Math.min(t0, p.at);
    t1 = Math.max(t1, p.at);
    lo = Math.min(lo, p.minor);
    hi = Math.max(hi, p.minor);
  }
  const w = width - 2 * pad;
  const h = height - 2 * pad;
  const y = (v: number) => (hi === lo ? height / 2 : pad + h - ((v - lo) / (hi - lo)) * h);
  if (points.length === 1 || t1 === t0) {
    const v = points[points.length - 1]?.minor ?? 0;
    return `M${r(pad)} ${r(y(v))}H${r(width - pad)}`;
  }
  const x = (t: number) => pad + ((t - t0) / (t1 - t0)) * w;
  // A price holds until the next point: steps, not slopes (a fall on the 20th did not start on the 10th).
  let d = '';
  let lastY = 0;
  points.forEach((p, i) => {
    const px = r(x(p.at));
    const py = r(y(p.minor));
    d += i === 0 ? `M${px} ${py}` : `H${px}V${py}`;
    lastY = py;
  });
  return `${d}H${r(width - pad)}V${lastY}`;
}
