import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOrgTree } from '../../../../contracts/api.ts';
import type { TTask } from '../../../../contracts/targets.ts';
import { namesOf } from './task-model.ts';

/** The scope of a task in words: 全部, or the departments and units it names. */
export function TaskScope({ task, org }: { task: TTask; org: TOrgTree | undefined }) {
  const { t, i18n } = useTranslation();
  if (task.dept_codes.length === 0 && task.agency_codes.length === 0) {
    return (
      <Tooltip title={t('tasks.allScope')}>
        <Tag style={{ marginInlineEnd: 0 }}>{t('tasks.all')}</Tag>
      </Tooltip>
    );
  }
  const separator = i18n.language === 'zh-CN' ? '、' : ', ';
  const deptName = (code: string) =>
    org?.departments.find((d) => d.mof_div_code === task.mof_div_code && d.dept_code === code)?.name;
  const unitName = (code: string) =>
    org?.agencies.find((a) => a.mof_div_code === task.mof_div_code && a.agency_code === code)?.name;
  const line = (codes: string[], nameOf: (c: string) => string | undefined, key: string) => {
    if (codes.length === 0) return null;
    const n = namesOf(codes, nameOf, separator);
    const all = namesOf(codes, nameOf, separator, codes.length).names;
    const names = n.more ? t('tasks.moreNames', { names: n.names, count: n.count }) : n.names;
    return (
      <Tooltip title={all}>
        <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
          {t(key, { names })}
        </Typography.Text>
      </Tooltip>
    );
  };
  return (
    <Flex vertical>
      {line(task.dept_codes, deptName, 'tasks.scopeDepartments')}
      {line(task.agency_codes, unitName, 'tasks.scopeUnits')}
    </Flex>
  );
}
