import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { TMe } from '../../../contracts/api.ts';

/**
 * The region and fiscal year the user is working in, chosen in the top bar, remembered in
 * localStorage and passed to every list API as `mof_div_code` / `fiscal_year`.
 */
export interface Scope {
  mofDivCode: string;
  fiscalYear: string;
  setMofDivCode: (code: string) => void;
  setFiscalYear: (year: string) => void;
  /** Query parameters for list APIs. */
  params: { mof_div_code: string; fiscal_year: string };
}

const ScopeContext = createContext<Scope | null>(null);
const REGION_KEY = 'perfbudget.region';
const YEAR_KEY = 'perfbudget.year';

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage unavailable: the choice lasts for this visit only
  }
}

/** The regions to choose from: those of the user's scope, or at least the user's own. */
export function regionChoices(me: TMe): { mof_div_code: string; name: string }[] {
  if (me.regions.length > 0) return me.regions;
  return [{ mof_div_code: me.org.mof_div_code, name: me.org.region_name }];
}

/** The fiscal years to choose from, newest first; the current year when the scope has none yet. */
export function yearChoices(me: TMe): string[] {
  const years = me.fiscal_years.length > 0 ? me.fiscal_years : [String(new Date().getFullYear())];
  return [...years].sort().reverse();
}

/** A region's name for display ('—' never: the code itself when unknown). */
export function regionNameOf(me: TMe, code: string): string {
  return (
    me.regions.find((r) => r.mof_div_code === code)?.name ??
    (me.org.mof_div_code === code ? me.org.region_name : code)
  );
}

function pickRegion(me: TMe, wanted: string | null): string {
  const codes = regionChoices(me).map((r) => r.mof_div_code);
  if (wanted !== null && codes.includes(wanted)) return wanted;
  if (codes.includes(me.org.mof_div_code)) return me.org.mof_div_code;
  return codes[0] ?? me.org.mof_div_code;
}

function pickYear(me: TMe, wanted: string | null): string {
  const years = yearChoices(me);
  if (wanted !== null && years.includes(wanted)) return wanted;
  return years[0] ?? String(new Date().getFullYear());
}

export function ScopeProvider({ me, children }: { me: TMe; children: ReactNode }) {
  const [wantedRegion, setWantedRegion] = useState(() => readStored(REGION_KEY));
  const [wantedYear, setWantedYear] = useState(() => readStored(YEAR_KEY));
  const mofDivCode = pickRegion(me, wantedRegion);
  const fiscalYear = pickYear(me, wantedYear);

  const setMofDivCode = useCallback((code: string) => {
    store(REGION_KEY, code);
    setWantedRegion(code);
  }, []);
  const setFiscalYear = useCallback((year: string) => {
    store(YEAR_KEY, year);
    setWantedYear(year);
  }, []);

  const value = useMemo<Scope>(
    () => ({
      mofDivCode,
      fiscalYear,
      setMofDivCode,
      setFiscalYear,
      params: { mof_div_code: mofDivCode, fiscal_year: fiscalYear },
    }),
    [mofDivCode, fiscalYear, setMofDivCode, setFiscalYear],
  );
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): Scope {
  const scope = useContext(ScopeContext);
  if (scope === null) throw new Error('useScope must be used inside ScopeProvider');
  return scope;
}
