import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function NotFoundPage({ title, text }: { title?: string; text?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={title ?? t('common.notFoundTitle')}
      subTitle={text ?? t('common.notFoundText')}
      extra={
        <Button type="primary" onClick={() => void navigate('/workbench')}>
          {t('common.backToWorkbench')}
        </Button>
      }
    />
  );
}
