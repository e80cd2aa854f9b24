import type { CoreRequirement } from '../../../domain/targets/check-target.ts';

/** What a target is about: a project, or a department's overall expenditure. */
export interface Subject {
  kind: 'PROJECT' | 'DEPARTMENT';
  projectId: string | null;
  proCode: string | null;
  name: string;
  mofDivCode: string;
  fiscalYear: string;
  deptCode: string;
  deptName: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  amount: string;
  funcClass: string | null;
  multiYear: boolean;
}

/** A core requirement with what the editor needs to add it. */
export interface CoreRequirementView extends CoreRequirement {
  kpi_lv1: string;
  kpi_lv2: string;
  progress: string;
}

/** Finds the core indicators a subject must carry (provided by the library module). */
export type CoreLookup = (q: {
  mofDivCode: string;
  fiscalYear: string;
  funcClass: string | null;
  deptCode: string;
}) => Promise<CoreRequirementView[]>;
