/**
 * The starter indicator library (指标库, domain.md §4) shipped with the system: 257 standard
 * indicators over the twelve sectors, each with its definition (口径), unit, default sign, scoring
 * rule, classification (sector, 功能分类, level 1/2), common or individual (共性/个性), validity
 * years and a typical value (the seed of synthetic reference values; null for qualitative ones).
 * The server writes it into library_indicators when a database is prepared; the `validate`
 * command reads it directly (progress kind defaults by code).
 */
import { z } from 'zod';
import { ZLibraryIndicatorInput } from '../../contracts/library.ts';
import type { ProgressKind } from '../targets/indicator.ts';
import starter from './starter-library.json' with { type: 'json' };

/** One shipped entry: the fields of a library indicator plus its typical value. */
export const ZStarterEntry = ZLibraryIndicatorInput.extend({
  typical: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .nullable(),
}).strict();
export type TStarterEntry = z.infer<typeof ZStarterEntry>;

let parsed: readonly TStarterEntry[] | null = null;

/**
 * The shipped entries, parsed and checked once (a malformed file is a build error of the
 * release, so it throws).
 */
export function loadStarterLibrary(): readonly TStarterEntry[] {
  if (parsed === null) parsed = Object.freeze(z.array(ZStarterEntry).parse(starter));
  return parsed;
}

/** The shipped entries by code. */
export function starterLibraryByCode(): ReadonlyMap<string, TStarterEntry> {
  return new Map(loadStarterLibrary().map((e) => [e.code, e]));
}

/** The progress kind each shipped indicator sets (domain.md §4: "library indicators set it"). */
export function starterProgressByCode(): ReadonlyMap<string, ProgressKind> {
  return new Map(loadStarterLibrary().map((e) => [e.code, e.progress]));
}
