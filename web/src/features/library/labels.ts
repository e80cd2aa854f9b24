import { SECTOR_LABELS, SECTORS, type Sector } from '../../../../contracts/library.ts';
import {
  FRAMEWORKS,
  LV1_CODES,
  LV1_LABELS,
  LV2_LABELS,
  type Lv1,
  type Lv2,
} from '../../../../domain/targets/framework.ts';
import { SIGN_LABELS, type Sign } from '../../../../domain/targets/indicator.ts';

/** Words of the shared vocabularies (contracts/domain) in the UI language. */
export function isEnglish(lang: string): boolean {
  return lang.startsWith('en');
}

const pick = (l: { zh: string; en: string }, lang: string) => (isEnglish(lang) ? l.en : l.zh);

export function sectorLabel(code: string, lang: string): string {
  const l = SECTOR_LABELS[code as Sector] as { zh: string; en: string } | undefined;
  return l ? pick(l, lang) : code;
}

export function lv1Label(code: string, lang: string): string {
  const l = LV1_LABELS[code as Lv1] as { zh: string; en: string } | undefined;
  return l ? pick(l, lang) : code;
}

export function lv2Label(code: string, lang: string): string {
  const l = LV2_LABELS[code as Lv2] as { zh: string; en: string } | undefined;
  return l ? pick(l, lang) : code;
}

export function signLabel(code: string, lang: string): string {
  const l = SIGN_LABELS[code as Sign] as { zh: string; en: string } | undefined;
  return l ? pick(l, lang) : code;
}

export const sectorOptions = (lang: string) =>
  SECTORS.map((s) => ({ value: s, label: sectorLabel(s, lang) }));

export const lv1Options = (lang: string) => LV1_CODES.map((c) => ({ value: c, label: lv1Label(c, lang) }));

/** The level-2 categories under a level-1 category in either framework (2015, 2021), in tree order. */
export function lv2CodesUnder(lv1: string | undefined): Lv2[] {
  const out: Lv2[] = [];
  for (const tree of Object.values(FRAMEWORKS)) {
    for (const node of tree) {
      if (lv1 !== undefined && node.lv1 !== lv1) continue;
      for (const c of node.lv2) if (!out.includes(c)) out.push(c);
    }
  }
  return out;
}

export const lv2Options = (lv1: string | undefined, lang: string) =>
  lv2CodesUnder(lv1).map((c) => ({ value: c, label: lv2Label(c, lang) }));
