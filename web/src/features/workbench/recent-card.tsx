import { Button, Card, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { onActivate } from '../../components/on-activate.ts';
import { formatDateTime } from '../../lib/dates.ts';
import type { TWorkbench } from './workbench-api.ts';

function linkOf(entity: string, id: string): string | null {
  return entity === 'project' ? `/projects/${encodeURIComponent(id)}` : null;
}

/** The records I touched or opened last. */
export function RecentCard({
  recent,
  canReadProjects,
}: {
  recent: TWorkbench['recent'];
  canReadProjects: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card title={t('workbench.recent')} style={{ height: '100%' }}>
      {recent.length === 0 ? (
        <EmptyState
          title={t('workbench.noRecent')}
          hint={t('workbench.noRecentHint')}
          action={
            canReadProjects ? (
              <Button type="primary" onClick={() => void navigate('/projects')}>
                {t('workbench.openProjects')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Flex vertical>
          {recent.map((r) => {
            const link = linkOf(r.entity, r.entity_id);
            return (
              <Flex
                key={`${r.entity}:${r.entity_id}:${r.at}`}
                justify="space-between"
                gap={12}
                style={{
                  padding: '10px 4px',
                  borderBottom: '1px solid #f0f0f0',
                  cursor: link === null ? 'default' : 'pointer',
                }}
                {...(link === null
                  ? {}
                  : { role: 'link', tabIndex: 0, ...onActivate(() => void navigate(link)) })}
              >
                <Typography.Text ellipsis style={{ flex: 1 }}>
                  <Typography.Text type="secondary">
                    [{t(`audit.entities.${r.entity}`, { defaultValue: r.entity })}]
                  </Typography.Text>{' '}
                  {r.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                  {formatDateTime(r.at).slice(0, 16)}
                </Typography.Text>
              </Flex>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
