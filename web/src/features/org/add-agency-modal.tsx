import { useTranslation } from 'react-i18next';
import { CodeNameModal } from './code-name-modal.tsx';
import { useCreateAgency } from './org-api.ts';

export interface AgencyTarget {
  mofDivCode: string;
  deptCode: string;
  deptName: string;
}

/** SYS_ADMIN adds a budget unit under a department. */
export function AddAgencyModal({ target, onClose }: { target: AgencyTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAgency();
  return (
    <CodeNameModal
      open={target !== null}
      title={t('org.addAgencyIn', { dept: target?.deptName ?? '' })}
      codeField="agency_code"
      labels={{
        code: t('org.agencyCode'),
        codePlaceholder: '101001',
        name: t('org.agencyName'),
        namePlaceholder: t('org.agencyNameExample'),
      }}
      pending={create.isPending}
      successText={t('org.agencyAdded')}
      onSubmit={async (v) => {
        if (target === null) return;
        await create.mutateAsync({
          mof_div_code: target.mofDivCode,
          dept_code: target.deptCode,
          agency_code: v.code,
          name: v.name,
        });
      }}
      onClose={onClose}
    />
  );
}
