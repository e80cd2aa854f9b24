import { useState } from 'react';
import { App, Button, Card, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/server-errors.ts';
import { uploadImport } from './imports-api.ts';
import { selectionProblem } from './imports-model.ts';

/** Choose the files of an import (one JSON or xlsx, or several CSV) and start it. */
export function UploadCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const problem = selectionProblem(files);

  const start = async () => {
    setBusy(true);
    try {
      const job = await uploadImport(files);
      setFiles([]);
      message.success(t('imports.upload.started'));
      await queryClient.invalidateQueries({ queryKey: ['jobs'] });
      void navigate(`/imports/${job.id}`);
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const list: UploadFile[] = files.map((f, i) => ({
    uid: `${String(i)}-${f.name}`,
    name: f.name,
    size: f.size,
    status: 'done',
  }));

  return (
    <Card title={t('imports.upload.title')} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{t('imports.upload.hint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".json,.xlsx,.csv"
        multiple
        fileList={list}
        beforeUpload={(f) => {
          setFiles((prev) => [...prev.filter((p) => p.name !== f.name), f]);
          return false;
        }}
        onRemove={(u) => setFiles((prev) => prev.filter((p) => p.name !== u.name))}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.upload.choose')}</p>
        <p className="ant-upload-hint">{t('imports.upload.chooseHint')}</p>
      </Upload.Dragger>
      {problem === 'mixed' || problem === 'tooLarge' ? (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
          {t(`imports.upload.${problem}`)}
        </Typography.Text>
      ) : null}
      <Button
        type="primary"
        icon={<UploadOutlined />}
        disabled={problem !== null}
        loading={busy}
        onClick={() => void start()}
        style={{ marginTop: 16 }}
      >
        {t('imports.upload.start')}
      </Button>
    </Card>
  );
}
