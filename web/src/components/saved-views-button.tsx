import { useState } from 'react';
import { Button, Dropdown, Input, Modal } from 'antd';
import { DeleteOutlined, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { deleteView, loadViews, saveView, type SavedView } from './saved-views.ts';

/** A "views" menu for a list: apply a saved view, save the current one, delete one. */
export function SavedViewsButton({
  list,
  username,
  query,
  onApply,
}: {
  list: string;
  username: string;
  /** The list's current URL query. */
  query: string;
  onApply: (query: string) => void;
}) {
  const { t } = useTranslation();
  const [views, setViews] = useState<SavedView[]>(() => loadViews(list, username));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const items = [
    ...views.map((v) => ({
      key: `view:${v.name}`,
      label: (
        <span style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
          {v.name}
          <DeleteOutlined
            aria-label={t('views.delete', { name: v.name })}
            onClick={(e) => {
              e.stopPropagation();
              setViews(deleteView(list, username, v.name));
            }}
          />
        </span>
      ),
      onClick: () => onApply(v.query),
    })),
    ...(views.length > 0 ? [{ type: 'divider' as const }] : []),
    { key: 'save', label: t('views.saveCurrent'), onClick: () => setNaming(true) },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button icon={<StarOutlined />}>{t('views.title')}</Button>
      </Dropdown>
      <Modal
        open={naming}
        title={t('views.saveCurrent')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: name.trim() === '' }}
        onCancel={() => setNaming(false)}
        onOk={() => {
          setViews(saveView(list, username, { name, query }));
          setNaming(false);
          setName('');
        }}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={30}
          placeholder={t('views.namePlaceholder')}
          aria-label={t('views.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Modal>
    </>
  );
}
