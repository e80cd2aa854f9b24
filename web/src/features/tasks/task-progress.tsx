import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TTask } from '../../../../contracts/targets.ts';
import { COLORS } from '../../app/theme.ts';
import { approvedPercent, COUNT_KEYS } from './task-model.ts';

/** Approved / projects as a bar with the words, and optionally the counts by status. */
export function TaskProgress({ task, counts = false }: { task: TTask; counts?: boolean }) {
  const { t } = useTranslation();
  const p = task.progress;
  const percent = approvedPercent(p);
  return (
    <Flex vertical gap={2}>
      <Progress
        percent={percent}
        size="small"
        strokeColor={percent === 100 ? COLORS.green : COLORS.blue}
        aria-label={t('tasks.progressText', { approved: p.approved, projects: p.projects })}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} className="pb-num">
        {t('tasks.progressText', { approved: p.approved, projects: p.projects })}
      </Typography.Text>
      {counts ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {COUNT_KEYS.filter((k) => k !== 'approved')
            .map((k) => `${t(`tasks.counts.${k}`)} ${p[k]}`)
            .join(' · ')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
