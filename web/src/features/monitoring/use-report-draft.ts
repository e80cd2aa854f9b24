import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type {
  TMonitoringDraft,
  TMonitoringIndicatorDraft,
  TReportView,
} from '../../../../contracts/monitoring.ts';
import { ApiError } from '../../lib/api-client.ts';
import type { TSaveReport } from './monitoring-api.ts';

/**
 * The report's draft being edited and its autosave: a debounced PUT with the row version, one
 * request at a time, stopping on a conflict (409: changed elsewhere, submitted, round closed) —
 * the same behaviour as the target editor's.
 */

export type RoundMoneyField = 'executed' | 'forecast_executed' | 'planned_executed';

export type ReportDraftAction =
  | { type: 'money'; field: RoundMoneyField; value: string | null }
  | { type: 'row'; index: number; patch: Partial<TMonitoringIndicatorDraft> };

export function reportDraftReducer(draft: TMonitoringDraft, action: ReportDraftAction): TMonitoringDraft {
  switch (action.type) {
    case 'money':
      return { ...draft, [action.field]: action.value };
    case 'row':
      return {
        ...draft,
        indicators: draft.indicators.map((r, i) => (i === action.index ? { ...r, ...action.patch } : r)),
      };
  }
}

export function useReportDraft(initial: TMonitoringDraft) {
  return useReducer(reportDraftReducer, initial);
}

export type SavePhase = 'idle' | 'saving' | 'error' | 'conflict';

/** A write the server refuses because the report moved on: reload before typing more. */
export function isConflict(e: unknown): boolean {
  return (
    e instanceof ApiError &&
    (e.status === 409 || e.code === 'MONITORING.NOT_EDITABLE' || e.code === 'MONITORING.ROUND_CLOSED')
  );
}

interface AutosaveOptions {
  draft: TMonitoringDraft;
  rowVersion: number;
  enabled: boolean;
  save: (body: TSaveReport) => Promise<TReportView>;
  onSaved: (view: TReportView) => void;
  delayMs?: number;
}

/** Autosave of a report draft. `flush()` saves now (when needed) and resolves with the new view, or null. */
export function useReportAutosave({
  draft,
  rowVersion,
  enabled,
  save,
  onSaved,
  delayMs = 1500,
}: AutosaveOptions) {
  const json = JSON.stringify(draft);
  const [savedJson, setSavedJson] = useState(json);
  const [phase, setPhase] = useState<SavePhase>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [failedJson, setFailedJson] = useState<string | null>(null);
  const rowVersionRef = useRef(rowVersion);
  const lastSent = useRef(json);
  const inflight = useRef<Promise<TReportView | null> | null>(null);
  const latest = useRef({ draft, json, save, onSaved });
  useEffect(() => {
    latest.current = { draft, json, save, onSaved };
  });

  const flush = useCallback(async (): Promise<TReportView | null> => {
    while (inflight.current !== null) await inflight.current.catch(() => null);
    const { draft: d, json: j, save: s, onSaved: done } = latest.current;
    if (j === lastSent.current) return null;
    const run = (async () => {
      setPhase('saving');
      try {
        const view = await s({ row_version: rowVersionRef.current, draft: d });
        rowVersionRef.current = view.row_version;
        lastSent.current = j;
        setSavedJson(j);
        setPhase('idle');
        setSavedAt(new Date());
        setError(null);
        setFailedJson(null);
        done(view);
        return view;
      } catch (e) {
        setPhase(isConflict(e) ? 'conflict' : 'error');
        setError(e);
        setFailedJson(j);
        throw e;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
  }, []);

  const dirty = json !== savedJson;
  useEffect(() => {
    if (!enabled || !dirty || phase === 'conflict' || phase === 'saving' || json === failedJson)
      return undefined;
    const h = setTimeout(() => {
      flush().catch(() => undefined);
    }, delayMs);
    return () => clearTimeout(h);
  }, [json, enabled, dirty, phase, failedJson, delayMs, flush]);

  /** The row version to send with the next write (after the latest save). */
  const currentRowVersion = useCallback(() => rowVersionRef.current, []);

  return { phase, savedAt, error, dirty, flush, currentRowVersion };
}
