import { useTranslation } from 'react-i18next';
import { CodeNameModal } from './code-name-modal.tsx';
import { useCreateDepartment } from './org-api.ts';

/** SYS_ADMIN adds a department to a region. */
export function AddDepartmentModal({
  mofDivCode,
  regionName,
  open,
  onClose,
}: {
  mofDivCode: string;
  regionName: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  return (
    <CodeNameModal
      open={open}
      title={t('org.addDepartmentIn', { region: regionName })}
      codeField="dept_code"
      labels={{
        code: t('org.deptCode'),
        codePlaceholder: '101',
        name: t('org.deptName'),
        namePlaceholder: t('org.deptNameExample'),
      }}
      pending={create.isPending}
      successText={t('org.departmentAdded')}
      onSubmit={(v) => create.mutateAsync({ mof_div_code: mofDivCode, dept_code: v.code, name: v.name })}
      onClose={onClose}
    />
  );
}
