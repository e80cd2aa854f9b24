import type { ReactNode } from 'react';
import { Empty, Typography } from 'antd';

/** An empty list that says what to do next. */
export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <Typography.Text strong>{title}</Typography.Text>
          {hint === undefined ? null : (
            <Typography.Paragraph type="secondary" style={{ margin: '4px auto 0', maxWidth: 420 }}>
              {hint}
            </Typography.Paragraph>
          )}
        </div>
      }
    >
      {action}
    </Empty>
  );
}
