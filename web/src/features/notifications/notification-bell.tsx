import { useState } from 'react';
import { Badge, Button, Flex, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { onActivate } from '../../components/on-activate.ts';
import { useMarkRead, useNotifications } from './notifications-api.ts';

/** Bell with the unread count; the dropdown lists notifications and marks one read on click. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;

  const content = (
    <div style={{ width: 340, maxHeight: 420, overflowY: 'auto' }}>
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : list.isError ? (
        <Typography.Text type="danger">{list.error.message}</Typography.Text>
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('notifications.empty')} hint={t('notifications.emptyHint')} />
      ) : (
        list.data.items.map((n) => (
          <div
            key={n.id}
            role="button"
            tabIndex={0}
            {...onActivate(() => {
              if (!n.read) markRead.mutate(n.id);
              if (n.link !== null) {
                setOpen(false);
                void navigate(n.link);
              }
            })}
            style={{
              padding: '10px 8px',
              borderBottom: '1px solid #f0f0f0',
              cursor: 'pointer',
              background: n.read ? undefined : '#f0f6ff',
              borderRadius: 4,
            }}
          >
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong={!n.read} ellipsis style={{ flex: 1 }}>
                {n.read ? null : <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                {n.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {formatDateTime(n.created_at).slice(0, 16)}
              </Typography.Text>
            </Flex>
            {n.body === null ? null : (
              <Typography.Paragraph
                type="secondary"
                style={{ margin: '4px 0 0', fontSize: 12 }}
                ellipsis={{ rows: 2 }}
              >
                {n.body}
              </Typography.Paragraph>
            )}
          </div>
        ))
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          aria-label={t('notifications.title')}
          icon={<BellOutlined style={{ fontSize: 18, color: '#fff' }} />}
        />
      </Badge>
    </Popover>
  );
}
