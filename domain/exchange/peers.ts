import { Decimal } from 'decimal.js';
import { decimalOrNull } from '../decimal-text.ts';
import { peerKey, peerStatsOf, type PeerStats } from '../targets/difficulty.ts';
import type { IndicatorDraft } from '../targets/indicator.ts';

const STATS_MAX = 100_000;

/**
 * The peers of a set of targets (a file, or a region level's targets of a year): for each
 * library indicator, direction and unit, the ascending list of target values, and per project
 * its own values so that a project is never its own peer.
 */
export class PeerIndex {
  private readonly lists = new Map<string, Decimal[]>();
  private sorted = false;
  /** Statistics already computed, by key and the project's own values (most projects repeat). */
  private readonly stats = new Map<string, PeerStats | null>();

  /** Add the target values of one project's indicators. */
  add(
    indicators: readonly Pick<IndicatorDraft, 'library_code' | 'computesign' | 'meterunit' | 'kpi_val'>[],
  ): void {
    for (const ind of indicators) {
      const key = peerKey(ind);
      const v = decimalOrNull(ind.kpi_val);
      if (key === null || v === null) continue;
      const list = this.lists.get(key);
      if (list) list.push(v);
      else this.lists.set(key, [v]);
    }
    this.sorted = false;
  }

  /** Add one value under a key (for values read from the database). */
  addValue(key: string, value: Decimal): void {
    const list = this.lists.get(key);
    if (list) list.push(value);
    else this.lists.set(key, [value]);
    this.sorted = false;
  }

  /**
   * The peer statistics of one project's indicators among the other projects: the values of the
   * project's own indicators with the same key are left out. Returns a lookup by indicator.
   */
  forProject(
    own: readonly Pick<IndicatorDraft, 'library_code' | 'computesign' | 'meterunit' | 'kpi_val'>[],
  ): (indicator: Pick<IndicatorDraft, 'library_code' | 'computesign' | 'meterunit'>) => PeerStats | null {
    this.sort();
    const mine = new Map<string, { values: Decimal[]; memo: string }>();
    for (const o of own) {
      const key = peerKey(o);
      const v = decimalOrNull(o.kpi_val);
      if (key === null || v === null) continue;
      const entry = mine.get(key) ?? { values: [], memo: key };
      entry.values.push(v);
      entry.memo += `\u0000${o.kpi_val ?? ''}`;
      mine.set(key, entry);
    }
    return (indicator) => {
      const key = peerKey(indicator);
      if (key === null) return null;
      const list = this.lists.get(key);
      if (!list) return null;
      const entry = mine.get(key);
      const memo = entry?.memo ?? key;
      const known = this.stats.get(memo);
      if (known !== undefined) return known;
      const computed = peerStatsOf(list, entry?.values ?? []);
      if (this.stats.size >= STATS_MAX) this.stats.clear();
      this.stats.set(memo, computed);
      return computed;
    };
  }

  private sort(): void {
    if (this.sorted) return;
    for (const list of this.lists.values()) list.sort((a, b) => a.comparedTo(b));
    this.stats.clear();
    this.sorted = true;
  }
}
