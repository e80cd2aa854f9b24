import type { TLibraryDetail } from '../../../../contracts/library.ts';

export type Summary = TLibraryDetail['usage'][number]['targets'];

/** The common axis of every summary of an indicator: from the lowest minimum to the highest maximum. */
export function axisOf(summaries: readonly Summary[]): { low: number; high: number } | null {
  let low = Infinity;
  let high = -Infinity;
  for (const s of summaries) {
    if (s.count === 0 || s.min === null || s.max === null) continue;
    low = Math.min(low, Number(s.min));
    high = Math.max(high, Number(s.max));
  }
  return Number.isFinite(low) && Number.isFinite(high) ? { low, high } : null;
}

/**
 * Where a box plot's parts sit on the axis, in percent of its width (a drawing, so plain numbers
 * are fine here; the values shown stay the server's decimal strings). A flat axis puts everything
 * in the middle.
 */
export function boxGeometry(
  s: Summary,
  axis: { low: number; high: number },
): { whisker: [number, number]; box: [number, number]; median: number } | null {
  if (
    s.count === 0 ||
    s.min === null ||
    s.max === null ||
    s.p25 === null ||
    s.p75 === null ||
    s.median === null
  )
    return null;
  const span = axis.high - axis.low;
  const at = (v: string | null) => (span === 0 ? 50 : ((Number(v) - axis.low) / span) * 100);
  return { whisker: [at(s.min), at(s.max)], box: [at(s.p25), at(s.p75)], median: at(s.median) };
}
