import { useTranslation } from 'react-i18next';
import type { TJob } from '../../../../contracts/imports.ts';
import { LightTag, type Light } from '../../components/light-tag.tsx';

const LIGHT: Record<TJob['status'], Light> = { RUNNING: 'BLUE', DONE: 'GREEN', FAILED: 'RED' };

/** The status of an import in the colours of ui.md (with icon and word). */
export function JobStatusTag({ status }: { status: TJob['status'] }) {
  const { t } = useTranslation();
  return <LightTag light={LIGHT[status]} label={t(`imports.status.${status}`)} />;
}
