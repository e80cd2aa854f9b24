import { createContext, useContext } from 'react';
import type { TFlagView, TTargetDraft } from '../../../../contracts/targets.ts';
import type { Lang } from '../../../../contracts/issues.ts';
import type { TPolicy } from '../../../../domain/policy/policy.ts';
import type { IndicatorDraft } from '../../../../domain/targets/indicator.ts';
import type { FieldRef } from './target-model.ts';
import type { GoalField } from './use-target-draft.ts';

/** An issue as the form shows it: where, how bad, the message for the list and the one next to the field. */
export interface ShownIssue {
  path: string;
  code: string;
  level: 'error' | 'warning';
  /** Names its field (for the list at the top). */
  message: string;
  /** Shorter, for next to the field. */
  inline: string;
  ref: FieldRef;
}

/** edit: the preparer's draft; review: a reviewer at the current step; read: anyone else, or an old version. */
export type EditorMode = 'edit' | 'review' | 'read';

export interface EditorContextValue {
  mode: EditorMode;
  lang: Lang;
  policy: TPolicy;
  draft: TTargetDraft;
  keys: readonly string[];
  /** Issues by field key (`annual_goal`, `3.meterunit`). */
  issues: ReadonlyMap<string, readonly ShownIssue[]>;
  /** Flags by row index (-1: project level). */
  flags: ReadonlyMap<number, readonly TFlagView[]>;
  setGoal: (field: GoalField, value: string | null) => void;
  patchRow: (index: number, patch: Partial<IndicatorDraft>) => void;
  addRow: (indicator: IndicatorDraft) => void;
  removeRow: (index: number) => void;
  /** Row details shown (by row key). */
  isOpen: (index: number) => boolean;
  toggleRow: (index: number) => void;
  openPicker: (lv1: string | null, lv2: string | null) => void;
  /** The reviewer's comments being written, by indicator name (review mode). */
  draftComments: ReadonlyMap<string, string>;
  setDraftComment: (name: string, comment: string | null) => void;
  /** Comments of the latest return, by indicator name, shown to the preparer. */
  returnedComments: ReadonlyMap<string, readonly string[]>;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const v = useContext(EditorContext);
  if (v === null) throw new Error('useEditor must be used inside the target editor');
  return v;
}

/** Issues of one field. */
export function issuesOf(ctx: EditorContextValue, key: string): readonly ShownIssue[] {
  return ctx.issues.get(key) ?? [];
}
