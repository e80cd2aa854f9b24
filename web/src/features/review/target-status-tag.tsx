import { useTranslation } from 'react-i18next';
import { LightTag } from '../../components/light-tag.tsx';
import { statusLabelKey, statusLight, toShownStatus } from './status.ts';

/** A target's status (草稿, 待主管部门审核, 已退回 …) in the status colours, with icon and word. */
export function TargetStatusTag({ status, step }: { status: string; step: string | null }) {
  const { t } = useTranslation();
  const shown = toShownStatus(status);
  return <LightTag light={statusLight(shown)} label={t(statusLabelKey(shown, step))} />;
}
