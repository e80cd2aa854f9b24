import { Space, Tooltip } from 'antd';
import { LockFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TTargetView } from '../../../../contracts/targets.ts';
import { COLORS } from '../../app/theme.ts';
import { LightTag, type Light } from '../../components/light-tag.tsx';
import { useProjectTarget } from './targets-api.ts';

const LIGHT: Record<TTargetView['status'], Light> = {
  DRAFT: 'NA',
  SUBMITTED: 'BLUE',
  RETURNED: 'YELLOW',
  APPROVED: 'GREEN',
  REJECTED: 'RED',
  UNLOCKED: 'YELLOW',
};

/** The status of a target in words and colour (icon + text), with the step it waits at. */
export function TargetStatusTag({
  view,
  prefix = false,
}: {
  view: Pick<TTargetView, 'id' | 'status' | 'step' | 'locked'>;
  prefix?: boolean;
}) {
  const { t } = useTranslation();
  const exists = view.id !== null;
  const word = exists ? t(`targets.status.${view.status}`) : t('targets.status.NEW');
  const step = view.status === 'SUBMITTED' && view.step ? ` · ${t(`targets.waitingAt.${view.step}`)}` : '';
  const label = `${prefix ? `${t('targets.tabTitle')}${t('targets.colon')}` : ''}${word}${step}`;
  return (
    <Space size={4}>
      <LightTag light={exists ? LIGHT[view.status] : 'NA'} label={label} />
      {view.locked ? (
        <Tooltip title={t('targets.lockedHint')}>
          <LockFilled style={{ color: COLORS.green }} aria-label={t('targets.lockedHint')} />
        </Tooltip>
      ) : null}
    </Space>
  );
}

/** The target's status for the project header (shares the target tab's cached view). */
export function ProjectTargetStatus({ projectId }: { projectId: string }) {
  const q = useProjectTarget(projectId);
  if (!q.data) return null;
  return <TargetStatusTag view={q.data} prefix />;
}
