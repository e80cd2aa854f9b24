import { Decimal } from 'decimal.js';
import { decimalOrNull } from '../decimal-text.ts';
import { peerKey, peerStatsOf, type PeerStats } from '../targets/difficulty.ts';
import type { IndicatorDraft } from '../targets/indicator.ts';

/**
 * The peers of a set of targets (a file, or a region level's targets of a year): for each
 * library indicator, direction and unit, the ascending list of target values, and per project
 * its own values so that a project is never its own peer.
 */
export class PeerIndex {
  private readonly lists = new Map<string, Decimal[]>();
  private sorted = false;

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
   * Statistics of the peers of `indicator` among the other projects: the values of the
   * project's own indicators with the same key (`own`) are left out.
   */
  statsFor(
    indicator: Pick<IndicatorDraft, 'library_code' | 'computesign' | 'meterunit'>,
    own: readonly Pick<IndicatorDraft, 'library_code' | 'computesign' | 'meterunit' | 'kpi_val'>[],
  ): PeerStats | null {
    const key = peerKey(indicator);
    if (key === null) return null;
    this.sort();
    const list = this.lists.get(key);
    if (!list) return null;
    const exclude = own
      .filter((o) => peerKey(o) === key)
      .map((o) => decimalOrNull(o.kpi_val))
      .filter((v): v is Decimal => v !== null);
    return peerStatsOf(list, exclude);
  }

  private sort(): void {
    if (this.sorted) return;
    for (const list of this.lists.values()) list.sort((a, b) => a.comparedTo(b));
    this.sorted = true;
  }
}
