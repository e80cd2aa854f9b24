import { useState } from 'react';
import { Alert, App, Button, Modal, Result, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TLibraryImportIssue } from '../../../../contracts/library.ts';
import { LIBRARY_FIELD_LABELS } from '../../../../contracts/library-issues.ts';
import { describeError } from '../../components/server-errors.ts';
import { importLibrary, type ImportOutcome } from './library-api.ts';

const MAX_BYTES = 20 * 1024 * 1024;

/** Import indicators from a workbook: all rows or none, with every bad row and column listed. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const reset = () => {
    setFile(null);
    setOutcome(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const start = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await importLibrary(file);
      setOutcome(r);
      if (r.ok) await queryClient.invalidateQueries({ queryKey: ['library'] });
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const fieldLabel = (f: string | null) => {
    if (f === null) return '';
    const l = (LIBRARY_FIELD_LABELS as Record<string, { zh: string; en: string } | undefined>)[f];
    return l ? (en ? l.en : l.zh) : f;
  };
  const columns: TableColumnsType<TLibraryImportIssue> = [
    {
      title: t('library.import.row'),
      dataIndex: 'row',
      key: 'row',
      width: 64,
      render: (v: number | null) => v ?? '',
    },
    {
      title: t('library.import.column'),
      dataIndex: 'column',
      key: 'column',
      width: 64,
      render: (v: string | null) => v ?? '',
    },
    {
      title: t('library.import.field'),
      dataIndex: 'field',
      key: 'field',
      width: 130,
      render: (v: string | null) => fieldLabel(v),
    },
    { title: t('library.import.message'), dataIndex: 'message', key: 'message' },
  ];

  let body;
  if (outcome?.ok === true) {
    body = (
      <Result
        status="success"
        title={t('library.import.success', {
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
        })}
      />
    );
  } else if (outcome?.ok === false) {
    body = (
      <>
        <Alert
          type="error"
          showIcon
          title={t('library.import.failed')}
          description={
            outcome.issues.length > 0
              ? t('library.import.errorsTitle', { count: outcome.issues.length })
              : outcome.message
          }
          style={{ marginBottom: 12 }}
        />
        <Table<TLibraryImportIssue>
          rowKey={(r, i) => `${String(r.row)}-${r.column ?? ''}-${r.code}-${String(i)}`}
          size="small"
          columns={columns}
          dataSource={outcome.issues}
          pagination={outcome.issues.length > 10 ? { pageSize: 10, size: 'small' } : false}
        />
      </>
    );
  } else {
    body = (
      <>
        <Typography.Paragraph type="secondary">{t('library.import.hint')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          fileList={
            file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size, type: file.type }] : []
          }
          beforeUpload={(f) => {
            if (f.size > MAX_BYTES) {
              message.error(t('library.import.chooseHint'));
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('library.import.choose')}</p>
          <p className="ant-upload-hint">{t('library.import.chooseHint')}</p>
        </Upload.Dragger>
      </>
    );
  }

  return (
    <Modal
      title={t('library.import.title')}
      open={open}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        outcome === null
          ? [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="start"
                type="primary"
                icon={<UploadOutlined />}
                disabled={file === null}
                loading={busy}
                onClick={() => void start()}
              >
                {t('library.import.start')}
              </Button>,
            ]
          : [
              outcome.ok ? null : (
                <Button key="again" onClick={reset}>
                  {t('library.import.again')}
                </Button>
              ),
              <Button key="close" type="primary" onClick={close}>
                {t('library.import.close')}
              </Button>,
            ]
      }
    >
      {body}
    </Modal>
  );
}
