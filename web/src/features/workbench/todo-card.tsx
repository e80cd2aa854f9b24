import { Button, Card, Flex, Typography } from 'antd';
import { ClockCircleOutlined, WarningFilled } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COLORS } from '../../app/theme.ts';
import { onActivate } from '../../components/on-activate.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { formatDate } from '../../lib/dates.ts';
import type { TodoItem } from './todo-items.ts';

/**
 * My to-dos, overdue first, each with what it waits for and its deadline; overdue marked in red
 * with icon and word. `total` and `moreLink` lead to the full list when more wait than are shown.
 */
export function TodoCard({
  todos,
  total,
  moreLink,
}: {
  todos: TodoItem[];
  total?: number;
  moreLink?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sorted = [...todos].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9').localeCompare(b.deadline ?? '9'),
  );
  const overdue = todos.filter((x) => x.overdue).length;
  return (
    <Card
      title={t('workbench.todos')}
      extra={
        <Flex gap={8} align="center">
          {overdue > 0 ? (
            <Typography.Text style={{ color: COLORS.red }}>
              <WarningFilled /> {t('workbench.overdueCount', { count: overdue })}
            </Typography.Text>
          ) : null}
          {moreLink !== undefined && total !== undefined && total > 0 ? (
            <Button type="link" size="small" onClick={() => void navigate(moreLink)}>
              {t('review.todoMore', { total })}
            </Button>
          ) : null}
        </Flex>
      }
      style={{ height: '100%' }}
    >
      {sorted.length === 0 ? (
        <EmptyState title={t('workbench.noTodos')} hint={t('workbench.noTodosHint')} />
      ) : (
        <Flex vertical>
          {sorted.map((todo) => (
            <Flex
              key={todo.id}
              justify="space-between"
              align="center"
              gap={12}
              role="link"
              tabIndex={0}
              {...onActivate(() => void navigate(todo.link))}
              style={{ padding: '10px 4px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer' }}
            >
              <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text ellipsis>{todo.title}</Typography.Text>
                {todo.detail === undefined ? null : (
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {todo.detail}
                  </Typography.Text>
                )}
              </Flex>
              {todo.overdue ? (
                <Typography.Text style={{ color: COLORS.red, whiteSpace: 'nowrap' }}>
                  <WarningFilled /> {t('workbench.overdue')} · {formatDate(todo.deadline)}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  <ClockCircleOutlined />{' '}
                  {todo.deadline === null
                    ? t('workbench.noDeadline')
                    : t('workbench.due', { date: formatDate(todo.deadline) })}
                </Typography.Text>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
