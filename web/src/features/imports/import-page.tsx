import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Row } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { describeError } from '../../components/server-errors.ts';
import { ApiError } from '../../lib/api-client.ts';
import { hasPermission } from '../auth/auth-api.ts';
import { ExportCard } from './export-card.tsx';
import { downloadTemplate, useJob } from './imports-api.ts';
import { JobHistory } from './job-history.tsx';
import { JobPanel } from './job-panel.tsx';
import { UploadCard } from './upload-card.tsx';

/**
 * 数据导入与导出: upload an exchange-format file (the import runs as a background job whose id is
 * in the URL, so its progress survives a reload), its result, my recent imports, and the export.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const { id } = useParams();
  const job = useJob(id);
  const canImport = hasPermission(me, 'import:data');
  const canExport = hasPermission(me, 'export:data');
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const status = job.data?.status;
  // When the job ends, the list of my imports shows its result too.
  useEffect(() => {
    if (status !== undefined && status !== 'RUNNING')
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  }, [status, queryClient]);

  const template = async () => {
    setBusy(true);
    try {
      await downloadTemplate();
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  let current = null;
  if (id !== undefined) {
    if (job.isError)
      current =
        job.error instanceof ApiError && job.error.status === 404 ? (
          <Alert type="warning" showIcon title={t('imports.notFound')} style={{ marginBottom: 16 }} />
        ) : (
          <ErrorResult error={job.error} onRetry={() => void job.refetch()} />
        );
    else if (job.data) current = <JobPanel job={job.data} />;
  }

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        subtitle={t('imports.subtitle')}
        extra={
          canImport ? (
            <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void template()}>
              {t('imports.template')}
            </Button>
          ) : undefined
        }
      />
      {current}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {canImport ? (
          <Col xs={24} xl={canExport ? 14 : 24}>
            <UploadCard />
          </Col>
        ) : null}
        {canExport ? (
          <Col xs={24} xl={canImport ? 10 : 24}>
            <ExportCard />
          </Col>
        ) : null}
      </Row>
      {canImport ? <JobHistory current={id} /> : null}
    </>
  );
}
