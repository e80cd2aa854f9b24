import { useState } from 'react';
import { App, Button, Card, Form, Radio, Select, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { regionChoices, useScope, yearChoices } from '../../app/scope-context.tsx';
import { describeError } from '../../components/server-errors.ts';
import { exportTargets } from './imports-api.ts';

/** Export the projects and targets of a region and year of the user's scope (JSON or Excel). */
export function ExportCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const scope = useScope();
  const { message } = App.useApp();
  const [year, setYear] = useState(scope.fiscalYear);
  const [region, setRegion] = useState(scope.mofDivCode);
  const [format, setFormat] = useState<'json' | 'xlsx'>('xlsx');
  const [busy, setBusy] = useState(false);
  const regions = regionChoices(me);

  const run = async () => {
    setBusy(true);
    try {
      await exportTargets({ fiscal_year: year, format, mof_div_code: region });
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('imports.export.title')} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{t('imports.export.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        {regions.length > 1 ? (
          <Form.Item label={t('imports.export.region')}>
            <Select
              value={region}
              onChange={setRegion}
              showSearch={{ optionFilterProp: 'label' }}
              options={regions.map((r) => ({
                value: r.mof_div_code,
                label: `${r.name}（${r.mof_div_code}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('imports.export.year')}>
          <Select
            value={year}
            onChange={setYear}
            options={yearChoices(me).map((y) => ({ value: y, label: y }))}
          />
        </Form.Item>
        <Form.Item label={t('imports.export.format')}>
          <Radio.Group
            value={format}
            onChange={(e) => setFormat(e.target.value === 'json' ? 'json' : 'xlsx')}
            options={[
              { value: 'xlsx', label: t('imports.export.xlsx') },
              { value: 'json', label: t('imports.export.json') },
            ]}
          />
        </Form.Item>
        <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
          {t('imports.export.start')}
        </Button>
      </Form>
    </Card>
  );
}
