import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { TSaveTarget, TTargetDraft, TTargetView } from '../../../../contracts/targets.ts';
import type { IndicatorDraft } from '../../../../domain/targets/indicator.ts';
import { ApiError } from '../../lib/api-client.ts';
import { patchIndicator } from './target-model.ts';

/**
 * The draft being edited (with a stable key per row for React) and its autosave: a debounced PUT
 * with the row version, one request at a time, stopping on a conflict.
 */

export type GoalField = 'long_term_goal' | 'annual_goal' | 'justification' | 'explanation';

export interface DraftState {
  draft: TTargetDraft;
  keys: string[];
}

export type DraftAction =
  | { type: 'goal'; field: GoalField; value: string | null }
  | { type: 'patch'; index: number; patch: Partial<IndicatorDraft> }
  | { type: 'add'; indicator: IndicatorDraft; key: string }
  | { type: 'remove'; index: number };

let keySeq = 0;

/** A new row key (called from event handlers, never from the reducer). */
export function newRowKey(): string {
  keySeq += 1;
  return `row-${String(keySeq)}`;
}

export function initDraftState(draft: TTargetDraft): DraftState {
  return { draft, keys: draft.indicators.map(() => newRowKey()) };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  const { draft, keys } = state;
  switch (action.type) {
    case 'goal':
      return { keys, draft: { ...draft, [action.field]: action.value } };
    case 'patch':
      return {
        keys,
        draft: {
          ...draft,
          indicators: draft.indicators.map((ind, i) =>
            i === action.index ? patchIndicator(ind, action.patch) : ind,
          ),
        },
      };
    case 'add':
      return {
        keys: [...keys, action.key],
        draft: { ...draft, indicators: [...draft.indicators, action.indicator] },
      };
    case 'remove':
      return {
        keys: keys.filter((_, i) => i !== action.index),
        draft: { ...draft, indicators: draft.indicators.filter((_, i) => i !== action.index) },
      };
  }
}

export function useDraft(initial: TTargetDraft) {
  return useReducer(draftReducer, initial, initDraftState);
}

export type SaveBody = Omit<TSaveTarget, 'row_version'>;

export type SavePhase = 'idle' | 'saving' | 'error' | 'conflict';

export interface AutosaveState {
  phase: SavePhase;
  savedAt: Date | null;
  error: unknown;
  /** The body that failed (no automatic retry of the same content). */
  failedJson: string | null;
}

interface AutosaveOptions {
  body: SaveBody;
  rowVersion: number;
  /** Whether the server holds this draft (false for a proposed start that was never saved). */
  stored: boolean;
  enabled: boolean;
  save: (body: TSaveTarget) => Promise<TTargetView>;
  onSaved: (view: TTargetView) => void;
  delayMs?: number;
}

export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && (e.code === 'TARGET.STALE_VERSION' || e.code === 'TARGET.LOCKED');
}

/** Autosave of a draft. `flush()` saves now (when needed) and resolves with the new view, or null. */
export function useAutosave({
  body,
  rowVersion,
  stored,
  enabled,
  save,
  onSaved,
  delayMs = 1500,
}: AutosaveOptions) {
  const json = JSON.stringify(body);
  const [savedJson, setSavedJson] = useState(json);
  const [state, setState] = useState<AutosaveState>({
    phase: 'idle',
    savedAt: null,
    error: null,
    failedJson: null,
  });
  const [everSaved, setEverSaved] = useState(stored);
  const rowVersionRef = useRef(rowVersion);
  const lastSent = useRef(stored ? json : null);
  const inflight = useRef<Promise<TTargetView | null> | null>(null);
  const latest = useRef({ body, json, save, onSaved });
  useEffect(() => {
    latest.current = { body, json, save, onSaved };
  });

  const flush = useCallback(async (): Promise<TTargetView | null> => {
    while (inflight.current !== null) await inflight.current.catch(() => null);
    const { body: b, json: j, save: s, onSaved: done } = latest.current;
    if (j === lastSent.current) return null;
    const run = (async () => {
      setState((st) => ({ ...st, phase: 'saving' }));
      try {
        const view = await s({ row_version: rowVersionRef.current, ...b });
        rowVersionRef.current = view.row_version;
        lastSent.current = j;
        setSavedJson(j);
        setEverSaved(true);
        setState({ phase: 'idle', savedAt: new Date(), error: null, failedJson: null });
        done(view);
        return view;
      } catch (e) {
        setState((st) => ({ ...st, phase: isConflict(e) ? 'conflict' : 'error', error: e, failedJson: j }));
        throw e;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
  }, []);

  const dirty = json !== savedJson;
  const { phase, failedJson } = state;
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

  return { ...state, dirty, everSaved, flush, currentRowVersion };
}
