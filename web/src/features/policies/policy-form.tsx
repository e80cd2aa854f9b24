import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/server-errors.ts';
import { useLeaveWarning } from '../../components/use-leave-warning.ts';
import { ApiError } from '../../lib/api-client.ts';
import { PolicyMonitoringCard } from './policy-monitoring-card.tsx';
import { PolicySamplingCard } from './policy-sampling-card.tsx';
import { PolicyScoringCard } from './policy-scoring-card.tsx';
import { issuesAt, translateIssue } from './policy-row.tsx';
import {
  toFormValues,
  toOverrides,
  toPolicyDocument,
  validatePolicy,
  type PolicyFormValues,
} from './policy-model.ts';
import { useSavePolicy, type TPolicyView } from './policies-api.ts';

/** Paths that have a row in the form; issues elsewhere are listed above it. */
const ROW_PATHS = [
  'framework',
  'grade_cuts',
  'level1_weights',
  'budget_points',
  'qual_bands',
  'overshoot_ratio',
  'lights.execution',
  'lights.positive',
  'difficulty',
  'recheck',
  'ex_ante_threshold',
  'review',
];

/** The policy form: live validation by the shared rule, a required reason, optimistic version. */
export function PolicyForm({
  view,
  canWrite,
  onReload,
}: {
  view: TPolicyView;
  canWrite: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyFormValues>();
  const initial = toFormValues(view.effective);
  const [values, setValues] = useState<PolicyFormValues>(initial);
  const [serverError, setServerError] = useState<{ text: string; stale: boolean } | null>(null);
  const save = useSavePolicy(view.mof_div_code, view.fiscal_year);
  const issues = validatePolicy(values, view.defaults);
  const stray = issues.filter((i) => !ROW_PATHS.some((p) => issuesAt([i], p).length > 0));
  const pending = toOverrides(values, view.defaults);
  const isOverridden = (key: string) => key in pending;
  const dirty = JSON.stringify(toPolicyDocument(values)) !== JSON.stringify(toPolicyDocument(initial));
  useLeaveWarning(dirty && canWrite && !save.isPending);

  const submit = async (v: PolicyFormValues) => {
    if (validatePolicy(v, view.defaults).length > 0) return;
    setServerError(null);
    try {
      await save.mutateAsync({
        version: view.version,
        overrides: toOverrides(v, view.defaults),
        reason: (v.reason ?? '').trim(),
      });
      message.success(t('policies.saved'));
    } catch (e) {
      const stale = e instanceof ApiError && e.code === 'POLICY.STALE_VERSION';
      setServerError({ text: describeError(e), stale });
    }
  };

  return (
    <Form<PolicyFormValues>
      form={form}
      layout="vertical"
      disabled={!canWrite}
      initialValues={initial}
      onValuesChange={(_, all) => setValues({ ...initial, ...all })}
      onFinish={(v) => void submit(v)}
    >
      {stray.length === 0 ? null : (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={stray.map((i) => `${i.path}: ${translateIssue(i, undefined, t)}`).join('；')}
        />
      )}
      <PolicyScoringCard values={values} issues={issues} isOverridden={isOverridden} />
      <PolicyMonitoringCard values={values} issues={issues} isOverridden={isOverridden} />
      <PolicySamplingCard values={values} issues={issues} isOverridden={isOverridden} />
      {canWrite ? (
        <Card title={t('policies.group.save')}>
          {serverError === null ? null : (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={serverError.stale ? t('policies.stale') : serverError.text}
              action={
                serverError.stale ? (
                  <Button size="small" disabled={false} onClick={onReload}>
                    {t('common.reload')}
                  </Button>
                ) : undefined
              }
            />
          )}
          <Form.Item
            name="reason"
            label={t('policies.reason')}
            tooltip={t('policies.reasonHelp')}
            rules={[
              { required: true, whitespace: true, message: t('policies.reasonRequired') },
              { max: 500 },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('policies.reasonExample')} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={issues.length > 0}
          >
            {t('policies.save')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            style={{ marginInlineStart: 8 }}
            onClick={() => {
              form.resetFields();
              setValues(initial);
            }}
          >
            {t('policies.discard')}
          </Button>
        </Card>
      ) : null}
    </Form>
  );
}
