import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADMIN_ROLES, type Role } from '../../../../contracts/permissions.ts';

/** Roles in the user's language; the three administrators in a distinct colour. */
export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color={ADMIN_ROLES.includes(r) ? 'volcano' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {t(`roles.${r}`)}
        </Tag>
      ))}
    </Space>
  );
}
