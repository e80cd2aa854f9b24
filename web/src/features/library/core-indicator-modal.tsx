import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TLibraryIndicator } from '../../../../contracts/library.ts';
import { applyServerErrors } from '../../components/server-errors.ts';
import { useCreateCore, useLibraryList } from './library-api.ts';

interface Values {
  library_code?: string;
  func_class_prefix?: string;
  dept_code?: string;
}

const PREFIX = /^(\d{3}(\d{2}){0,2})?$/;

/** A common indicator applies to every project; an individual one to its 功能分类 class (3 digits). */
function prefixOf(preset: TLibraryIndicator | null): string {
  if (preset === null || preset.kind === 'COMMON') return '';
  return preset.func_class?.slice(0, 3) ?? '';
}

/** Push a library indicator down as core for a year, by 功能分类 prefix and optional department. */
export function CoreIndicatorModal({
  open,
  mofDivCode,
  fiscalYear,
  preset,
  departments,
  onClose,
}: {
  open: boolean;
  mofDivCode: string;
  fiscalYear: string;
  /** An indicator chosen beforehand (from its detail drawer). */
  preset: TLibraryIndicator | null;
  departments: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const create = useCreateCore();
  const found = useLibraryList(
    { q: search || undefined, status: 'ACTIVE', fiscal_year: fiscalYear, page: 1, page_size: 30 },
    open,
  );
  const options = [...(preset ? [preset] : []), ...(found.data?.items ?? [])]
    .filter((v, i, all) => all.findIndex((x) => x.code === v.code) === i)
    .map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }));

  const submit = async () => {
    const v = await form.validateFields();
    setErrors([]);
    try {
      await create.mutateAsync({
        mof_div_code: mofDivCode,
        fiscal_year: fiscalYear,
        library_code: v.library_code ?? '',
        func_class_prefix: v.func_class_prefix?.trim() ?? '',
        dept_code: v.dept_code ?? null,
      });
      message.success(t('library.core.added'));
      onClose();
    } catch (e) {
      setErrors(applyServerErrors(form, e, ['library_code', 'func_class_prefix', 'dept_code']));
    }
  };

  return (
    <Modal
      title={t('library.core.addTitle', { year: fiscalYear })}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {errors.map((m) => (
        <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 12 }} />
      ))}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          library_code: preset?.code,
          func_class_prefix: prefixOf(preset),
        }}
      >
        <Form.Item
          name="library_code"
          label={t('library.core.indicator')}
          tooltip={t('library.core.indicatorHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('library.core.indicatorPlaceholder')}
            options={options}
            loading={found.isFetching}
          />
        </Form.Item>
        <Form.Item
          name="func_class_prefix"
          label={t('library.core.funcClassPrefix')}
          tooltip={t('library.core.funcClassPrefixHelp')}
          rules={[{ pattern: PREFIX, message: t('library.core.badPrefix') }]}
        >
          <Input maxLength={7} placeholder={t('library.core.funcClassPlaceholder')} />
        </Form.Item>
        <Form.Item name="dept_code" label={t('library.core.dept')} tooltip={t('library.core.deptHelp')}>
          <Select
            allowClear
            placeholder={t('library.core.allDepts')}
            options={departments}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
