import { useState } from 'react';
import {
  AutoComplete,
  Badge,
  Button,
  Input,
  Popconfirm,
  Popover,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  BookOutlined,
  CommentOutlined,
  DeleteOutlined,
  DownOutlined,
  LockOutlined,
  MessageFilled,
  UpOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PROGRESS_KINDS, SIGNS } from '../../../../domain/targets/indicator.ts';
import { issuesOf, useEditor } from './editor-context.ts';
import { FieldIssues, FieldLabel, statusOf } from './field-parts.tsx';
import { FlagTag } from './flag-tag.tsx';
import { IndicatorDetail } from './indicator-detail.tsx';
import { DETAIL_FIELDS, fieldDomId, textValue } from './target-model.ts';

const UNITS = [
  '人次',
  '人',
  '个',
  '项',
  '次',
  '件',
  '所',
  '户',
  '台',
  '套',
  '天',
  '%',
  '‰',
  '万元',
  '元',
  '平方米',
  '公里',
  '亩',
];

interface Row {
  key: string;
  index: number;
}

/** The reviewer's comment on one indicator: an icon opening a small input. */
function CommentButton({ name }: { name: string }) {
  const { t } = useTranslation();
  const ctx = useEditor();
  const current = ctx.draftComments.get(name) ?? '';
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(current);
  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setText(current);
      }}
      trigger="click"
      title={t('targets.review.commentOn', { name })}
      content={
        <div style={{ width: 300 }}>
          <Input.TextArea
            value={text}
            maxLength={2000}
            autoSize={{ minRows: 3, maxRows: 6 }}
            onChange={(e) => setText(e.target.value)}
            autoFocus
          />
          <Space style={{ marginTop: 8, justifyContent: 'flex-end', width: '100%' }}>
            {current === '' ? null : (
              <Button
                size="small"
                danger
                onClick={() => {
                  ctx.setDraftComment(name, null);
                  setOpen(false);
                }}
              >
                {t('targets.review.commentRemove')}
              </Button>
            )}
            <Button
              size="small"
              type="primary"
              onClick={() => {
                ctx.setDraftComment(name, textValue(text));
                setOpen(false);
              }}
            >
              {t('targets.review.commentSave')}
            </Button>
          </Space>
        </div>
      }
    >
      <Tooltip title={current === '' ? t('targets.review.commentOn', { name }) : current}>
        <Button
          type="text"
          size="small"
          aria-label={t('targets.review.commentOn', { name })}
          icon={current === '' ? <CommentOutlined /> : <MessageFilled style={{ color: '#0958d9' }} />}
        />
      </Tooltip>
    </Popover>
  );
}

/** The level-3 rows of one level-2 category, editable inline, with an expandable detail per row. */
export function IndicatorTable({ indexes }: { indexes: readonly number[] }) {
  const { t } = useTranslation();
  const ctx = useEditor();
  const edit = ctx.mode === 'edit';
  const rows: Row[] = indexes.map((index) => ({ key: ctx.keys[index] ?? String(index), index }));
  const ind = (i: number) => ctx.draft.indicators[i];
  const cellIssues = (i: number, f: string) => issuesOf(ctx, `${String(i)}.${f}`);
  const id = (index: number, field: string) => fieldDomId({ kind: 'indicator', index, field });
  const detailHasIssues = (i: number) => DETAIL_FIELDS.some((f) => cellIssues(i, f).length > 0);

  const columns: ColumnsType<Row> = [
    {
      title: (
        <FieldLabel
          label={t('targets.indicators.columns.name')}
          help={t('targets.help.kpi_lv3')}
          required={edit}
        />
      ),
      key: 'name',
      render: (_, { index }) => {
        const d = ind(index);
        if (!d) return null;
        const core = d.is_core === true;
        const issues = cellIssues(index, 'kpi_lv3');
        const returned = ctx.returnedComments.get(d.kpi_lv3 ?? '') ?? [];
        const icons = (
          <>
            {core ? (
              <Tooltip title={t('targets.indicators.core')}>
                <LockOutlined className="pb-tgt-core" aria-label={t('targets.indicators.core')} />
              </Tooltip>
            ) : null}
            {d.library_code && !core ? (
              <Tooltip title={t('targets.indicators.library', { code: d.library_code })}>
                <BookOutlined className="pb-tgt-lib" />
              </Tooltip>
            ) : null}
          </>
        );
        return (
          <div>
            {edit ? (
              <Input
                id={id(index, 'kpi_lv3')}
                value={d.kpi_lv3 ?? ''}
                readOnly={core}
                className={core ? 'pb-tgt-locked' : undefined}
                maxLength={200}
                prefix={core || d.library_code ? icons : undefined}
                placeholder={t('targets.placeholder.kpi_lv3')}
                status={statusOf(issues)}
                onChange={(e) => ctx.patchRow(index, { kpi_lv3: textValue(e.target.value) })}
              />
            ) : (
              <Space size={6} id={id(index, 'kpi_lv3')}>
                {icons}
                <Typography.Text strong={core}>
                  {d.kpi_lv3 ?? t('targets.indicators.unnamed')}
                </Typography.Text>
              </Space>
            )}
            <FieldIssues issues={issues} />
            {returned.map((c) => (
              <div key={c} className="pb-tgt-returned">
                <MessageFilled /> {t('targets.review.indicatorComment')}
                {t('targets.colon')}
                {c}
              </div>
            ))}
          </div>
        );
      },
    },
    {
      title: (
        <FieldLabel
          label={t('targets.indicators.columns.sign')}
          help={t('targets.help.computesign')}
          required={edit}
        />
      ),
      key: 'sign',
      width: 104,
      render: (_, { index }) => {
        const d = ind(index);
        if (!d) return null;
        const issues = cellIssues(index, 'computesign');
        return edit ? (
          <>
            <Select
              id={id(index, 'computesign')}
              value={d.computesign ?? undefined}
              disabled={d.is_core === true}
              status={statusOf(issues)}
              style={{ width: '100%' }}
              popupMatchSelectWidth={false}
              options={SIGNS.map((s) => ({ value: s, label: t(`targets.sign.${s}`) }))}
              onChange={(v: string) => ctx.patchRow(index, { computesign: v })}
            />
            <FieldIssues issues={issues} />
          </>
        ) : (
          <span>{d.computesign ? t(`targets.sign.${d.computesign}`, d.computesign) : '—'}</span>
        );
      },
    },
    {
      title: (
        <FieldLabel
          label={t('targets.indicators.columns.value')}
          help={t('targets.help.kpi_val')}
          required={edit}
        />
      ),
      key: 'value',
      width: 128,
      render: (_, { index }) => {
        const d = ind(index);
        if (!d) return null;
        const issues = cellIssues(index, 'kpi_val');
        return edit ? (
          <>
            <Input
              id={id(index, 'kpi_val')}
              value={d.kpi_val ?? ''}
              maxLength={200}
              className="pb-num"
              placeholder={t('targets.placeholder.kpi_val')}
              status={statusOf(issues)}
              onChange={(e) => ctx.patchRow(index, { kpi_val: textValue(e.target.value) })}
            />
            <FieldIssues issues={issues} />
          </>
        ) : (
          <span className="pb-num">{d.kpi_val ?? '—'}</span>
        );
      },
    },
    {
      title: <FieldLabel label={t('targets.indicators.columns.unit')} help={t('targets.help.meterunit')} />,
      key: 'unit',
      width: 108,
      render: (_, { index }) => {
        const d = ind(index);
        if (!d) return null;
        const issues = cellIssues(index, 'meterunit');
        return edit ? (
          <>
            <AutoComplete
              id={id(index, 'meterunit')}
              value={d.meterunit ?? ''}
              disabled={d.is_core === true}
              status={statusOf(issues)}
              style={{ width: '100%' }}
              placeholder={t('targets.placeholder.meterunit')}
              options={UNITS.map((u) => ({ value: u }))}
              filterOption={(input, o) => (o?.value ?? '').includes(input)}
              onChange={(v: string) => ctx.patchRow(index, { meterunit: textValue(v) })}
            />
            <FieldIssues issues={issues} />
          </>
        ) : (
          <span>{d.meterunit ?? '—'}</span>
        );
      },
    },
    {
      title: (
        <FieldLabel
          label={t('targets.indicators.columns.weight')}
          help={t('targets.help.weight', {
            expected: String(100 - ctx.policy.budget_points),
            points: String(ctx.policy.budget_points),
          })}
          required={edit}
        />
      ),
      key: 'weight',
      width: 96,
      render: (_, { index }) => {
        const d = ind(index);
        if (!d) return null;
        const issues = cellIssues(index, 'weight');
        return edit ? (
          <>
            <Input
              id={id(index, 'weight')}
              value={d.weight ?? ''}
              maxLength={20}
              className="pb-num"
              placeholder={t('targets.placeholder.weight')}
              status={statusOf(issues)}
              onChange={(e) => ctx.patchRow(index, { weight: textValue(e.target.value) })}
            />
            <FieldIssues issues={issues} />
          </>
        ) : (
          <span className="pb-num">{d.weight ?? '—'}</span>
        );
      },
    },
    {
      title: (
        <FieldLabel label={t('targets.indicators.columns.progress')} help={t('targets.help.progress')} />
      ),
      key: 'progress',
      width: 136,
      render: (_, { index }) => {
        const d = ind(index);
        if (!d) return null;
        const issues = cellIssues(index, 'progress');
        return edit ? (
          <>
            <Select
              id={id(index, 'progress')}
              value={d.progress ?? undefined}
              status={statusOf(issues)}
              style={{ width: '100%' }}
              popupMatchSelectWidth={false}
              options={PROGRESS_KINDS.map((p) => ({ value: p, label: t(`targets.progress.${p}`) }))}
              onChange={(v: string) => ctx.patchRow(index, { progress: v })}
            />
            <FieldIssues issues={issues} />
          </>
        ) : (
          <span>{d.progress ? t(`targets.progress.${d.progress}`, d.progress) : '—'}</span>
        );
      },
    },
    {
      title: t('targets.indicators.columns.flags'),
      key: 'flags',
      width: 156,
      render: (_, { index }) => {
        const flags = ctx.flags.get(index) ?? [];
        const d = ind(index);
        if (flags.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Space size={[0, 4]} wrap>
            {flags.map((f) => (
              <FlagTag key={f.flag} flag={f} unit={d?.meterunit} justified={Boolean(d?.justification)} />
            ))}
          </Space>
        );
      },
    },
    {
      title: t('targets.indicators.columns.actions'),
      key: 'actions',
      width: ctx.mode === 'review' ? 140 : 124,
      render: (_, { index }) => {
        const d = ind(index);
        if (!d) return null;
        const open = ctx.isOpen(index);
        return (
          <Space size={0}>
            <Badge dot={!open && detailHasIssues(index)} offset={[-4, 4]}>
              <Button
                type="link"
                size="small"
                onClick={() => ctx.toggleRow(index)}
                icon={open ? <UpOutlined /> : <DownOutlined />}
                iconPlacement="end"
                aria-expanded={open}
              >
                {open ? t('targets.indicators.hideDetails') : t('targets.indicators.details')}
              </Button>
            </Badge>
            {ctx.mode === 'review' && d.kpi_lv3 ? <CommentButton name={d.kpi_lv3} /> : null}
            {edit ? (
              <Popconfirm
                title={t('targets.indicators.removeConfirm', {
                  name: d.kpi_lv3 ?? t('targets.indicators.unnamed'),
                })}
                onConfirm={() => ctx.removeRow(index)}
                disabled={d.is_core === true}
              >
                <Tooltip
                  title={d.is_core === true ? t('targets.indicators.core') : t('targets.indicators.remove')}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    disabled={d.is_core === true}
                    icon={<DeleteOutlined />}
                    aria-label={t('targets.indicators.remove')}
                  />
                </Tooltip>
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <Table<Row>
      className="pb-tgt-table"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 960 }}
      rowClassName={(r) => ((ctx.flags.get(r.index) ?? []).length > 0 ? 'pb-tgt-row-flagged' : '')}
      expandable={{
        expandedRowKeys: rows.filter((r) => ctx.isOpen(r.index)).map((r) => r.key),
        expandedRowRender: (r) => <IndicatorDetail index={r.index} />,
        showExpandColumn: false,
      }}
    />
  );
}
