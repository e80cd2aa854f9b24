import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';
import { describeError } from './server-errors.ts';

/** A failed load, with the server's (translated) message and a retry button. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = describeError(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={requestId === undefined ? message : `${message} (${t('common.requestId')}: ${requestId})`}
      extra={
        onRetry === undefined ? undefined : (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
