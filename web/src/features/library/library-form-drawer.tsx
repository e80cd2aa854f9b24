import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Col, Drawer, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TLibraryIndicator } from '../../../../contracts/library.ts';
import {
  checkLibraryIndicator,
  OPTIONAL_LIBRARY_FIELDS,
  type LibraryField,
} from '../../../../domain/library/check-indicator.ts';
import { defaultProgress, SIGNS } from '../../../../domain/targets/indicator.ts';
import { describeError } from '../../components/server-errors.ts';
import { useLeaveWarning } from '../../components/use-leave-warning.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api-client.ts';
import { emptyForm, formOf, inputOf, issuesByField, type LibraryFormValues } from './form-model.ts';
import { lv1Options, lv2CodesUnder, lv2Options, sectorOptions, signLabel } from './labels.ts';
import { useSaveLibrary } from './library-api.ts';

export interface LibraryFormTarget {
  mode: 'create' | 'edit';
  /** The indicator edited, or the one a new indicator is copied from. */
  source: TLibraryIndicator | null;
}

interface Props {
  target: LibraryFormTarget | null;
  year: string;
  onClose: () => void;
  onSaved: (code: string) => void;
}

/** The create/edit form of a library indicator, in a drawer (mounted only while open). */
export function LibraryFormDrawer(props: Props) {
  return props.target === null ? null : <LibraryForm {...props} target={props.target} />;
}

const FIELD_KEYS: Record<LibraryField, string> = {
  code: 'code',
  name: 'name',
  name_en: 'nameEn',
  definition: 'definition',
  unit: 'unit',
  formula: 'formula',
  sign: 'sign',
  scoring_rule: 'scoringRule',
  sector: 'sector',
  func_class: 'funcClass',
  kpi_lv1: 'kpiLv1',
  kpi_lv2: 'kpiLv2',
  kind: 'kind',
  progress: 'progress',
  valid_from: 'validFrom',
  valid_to: 'validTo',
};

function LibraryForm({ target, year, onClose, onSaved }: Props & { target: LibraryFormTarget }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LibraryFormValues>();
  const save = useSaveLibrary();
  const editing = target.mode === 'edit' && target.source !== null;
  const [initial] = useState<LibraryFormValues>(() =>
    target.source ? formOf(target.source, !editing) : emptyForm(year),
  );
  const [values, setValues] = useState<LibraryFormValues>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [progressChosen, setProgressChosen] = useState(target.source !== null);
  const [serverIssues, setServerIssues] = useState<Partial<Record<LibraryField, string>>>({});
  const [failure, setFailure] = useState<{ text: string; stale: boolean } | null>(null);

  const issues = issuesByField(values, currentLanguage());
  const dirty = JSON.stringify(inputOf(values)) !== JSON.stringify(inputOf(initial));
  useLeaveWarning(dirty && !save.isPending);

  /** Closing a changed form asks first: typed work is never lost silently. */
  const close = () => {
    if (!dirty) {
      onClose();
      return;
    }
    modal.confirm({
      title: t('common.leaveTitle'),
      content: t('common.leaveText'),
      okText: t('common.leave'),
      cancelText: t('common.stay'),
      onOk: onClose,
    });
  };

  const problemAt = (f: LibraryField): string | undefined =>
    serverIssues[f] ?? (showAll || touched.has(f) ? issues[f] : undefined);

  const onValuesChange = (changed: LibraryFormValues, all: LibraryFormValues) => {
    const next: LibraryFormValues = { ...all };
    const keys = Object.keys(changed);
    if ('progress' in changed) setProgressChosen(true);
    if ('unit' in changed && !progressChosen) {
      next.progress = defaultProgress(changed.unit ?? null);
      form.setFieldValue('progress', next.progress);
    }
    if (
      'kpi_lv1' in changed &&
      next.kpi_lv2 &&
      !lv2CodesUnder(next.kpi_lv1 ?? undefined).some((c) => c === next.kpi_lv2)
    ) {
      next.kpi_lv2 = undefined;
      form.setFieldValue('kpi_lv2', undefined);
    }
    setTouched((prev) => new Set([...prev, ...keys]));
    setServerIssues((prev) => {
      const copy = { ...prev };
      for (const k of keys) delete copy[k as LibraryField];
      return copy;
    });
    setValues(next);
  };

  const submit = async () => {
    setShowAll(true);
    setFailure(null);
    const checked = checkLibraryIndicator(inputOf(values));
    if (!checked.ok) {
      message.error(t('library.form.invalid'));
      return;
    }
    try {
      const saved = await save.mutateAsync({
        code: editing && target.source ? target.source.code : null,
        body: { version: editing && target.source ? target.source.version : 0, indicator: checked.value },
      });
      message.success(t(editing ? 'library.form.saved' : 'library.form.created'));
      onSaved(saved.code);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'LIBRARY.STALE_VERSION') {
        setFailure({ text: t('library.form.stale'), stale: true });
        return;
      }
      const at: Partial<Record<LibraryField, string>> = {};
      if (e instanceof ApiError) {
        for (const i of e.fieldIssues) {
          const f = i.path.replace(/^indicator\./, '') as LibraryField;
          if (f in FIELD_KEYS) at[f] = i.message;
        }
      }
      setServerIssues(at);
      setFailure({ text: describeError(e), stale: false });
    }
  };

  const item = (f: LibraryField, control: ReactNode) => {
    const key = FIELD_KEYS[f];
    const problem = problemAt(f);
    return (
      <Form.Item
        name={f}
        label={t(`library.form.${key}`)}
        tooltip={t(`library.form.${key}Help`)}
        required={!OPTIONAL_LIBRARY_FIELDS.includes(f)}
        validateStatus={problem ? 'error' : undefined}
        help={problem}
      >
        {control}
      </Form.Item>
    );
  };

  const title =
    editing && target.source
      ? t('library.form.editTitle', { code: target.source.code })
      : t('library.form.createTitle');

  return (
    <Drawer
      open
      onClose={close}
      size={760}
      title={title}
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={() => void submit()}
          >
            {t('library.form.save')}
          </Button>
        </Space>
      }
    >
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={failure.text}
          action={
            failure.stale ? (
              <Button
                size="small"
                onClick={() => {
                  void queryClient.invalidateQueries({ queryKey: ['library-detail'] });
                  onClose();
                }}
              >
                {t('common.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form<LibraryFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        onFinish={() => void submit()}
        requiredMark
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('library.form.groups.basics')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {item(
              'code',
              <Input placeholder={t('library.form.codePlaceholder')} maxLength={60} disabled={editing} />,
            )}
          </Col>
          <Col xs={24} md={12}>
            {item('name', <Input placeholder={t('library.form.namePlaceholder')} maxLength={200} />)}
          </Col>
          <Col xs={24} md={12}>
            {item('name_en', <Input maxLength={200} />)}
          </Col>
          <Col xs={24} md={12}>
            {item(
              'sector',
              <Select options={sectorOptions(lang)} showSearch={{ optionFilterProp: 'label' }} allowClear />,
            )}
          </Col>
          <Col span={24}>
            {item(
              'definition',
              <Input.TextArea
                rows={3}
                maxLength={2000}
                showCount
                placeholder={t('library.form.definitionPlaceholder')}
              />,
            )}
          </Col>
        </Row>
        <Typography.Title level={5}>{t('library.form.groups.measure')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {item(
              'sign',
              <Select
                options={SIGNS.map((s) => ({
                  value: s,
                  label: lang.startsWith('en')
                    ? `${signLabel(s, lang)} (${s})`
                    : `${signLabel(s, lang)}（${s}）`,
                }))}
              />,
            )}
          </Col>
          <Col xs={24} md={8}>
            {item('unit', <Input maxLength={40} placeholder={t('library.form.unitPlaceholder')} />)}
          </Col>
          <Col xs={24} md={8}>
            {item(
              'progress',
              <Radio.Group
                optionType="button"
                options={(['CUMULATIVE', 'LEVEL'] as const).map((p) => ({
                  value: p,
                  label: t(`library.progress.${p}`),
                }))}
              />,
            )}
          </Col>
          <Col span={24}>{item('formula', <Input maxLength={2000} />)}</Col>
          <Col span={24}>{item('scoring_rule', <Input.TextArea rows={2} maxLength={2000} />)}</Col>
        </Row>
        <Typography.Title level={5}>{t('library.form.groups.classification')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {item('kpi_lv1', <Select options={lv1Options(lang)} />)}
          </Col>
          <Col xs={24} md={8}>
            {item('kpi_lv2', <Select options={lv2Options(values.kpi_lv1 ?? undefined, lang)} allowClear />)}
          </Col>
          <Col xs={24} md={8}>
            {item(
              'kind',
              <Radio.Group
                optionType="button"
                options={(['COMMON', 'INDIVIDUAL'] as const).map((k) => ({
                  value: k,
                  label: t(`library.kind.${k}`),
                }))}
              />,
            )}
          </Col>
          <Col xs={24} md={8}>
            {item('func_class', <Input maxLength={7} placeholder="2050803" />)}
          </Col>
          <Col xs={12} md={8}>
            {item('valid_from', <Input maxLength={4} placeholder={t('library.form.yearPlaceholder')} />)}
          </Col>
          <Col xs={12} md={8}>
            {item('valid_to', <Input maxLength={4} placeholder="2030" />)}
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
