import { useState } from 'react';
import { Alert, App, Checkbox, Col, Divider, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TUser } from '../../../../contracts/api.ts';
import { ADMIN_ROLES, findRoleConflict, ROLES, type Role } from '../../../../contracts/permissions.ts';
import { describeError } from '../../components/server-errors.ts';
import { useGrantRoles } from './users-api.ts';

const BUSINESS_ROLES = ROLES.filter((r) => !ADMIN_ROLES.includes(r));

/** SEC_ADMIN grants roles; the 三员 separation is checked live with the shared rule. */
export function GrantRolesModal({ user, onClose }: { user: TUser; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [error, setError] = useState<string | null>(null);
  const grant = useGrantRoles();
  const conflict = findRoleConflict(roles);

  const toggle = (role: Role, on: boolean) =>
    setRoles((rs) => (on ? [...rs, role] : rs.filter((r) => r !== role)));

  const submit = async () => {
    setError(null);
    try {
      await grant.mutateAsync({
        id: user.id,
        body: { version: user.version, roles: ROLES.filter((r) => roles.includes(r)) },
      });
      message.success(t('users.rolesSaved'));
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  };

  const box = (r: Role) => (
    <Col span={12} key={r}>
      <Checkbox checked={roles.includes(r)} onChange={(e) => toggle(r, e.target.checked)}>
        {t(`roles.${r}`)}
      </Checkbox>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginInlineStart: 24 }}>
        {t(`roleHints.${r}`)}
      </Typography.Text>
    </Col>
  );

  return (
    <Modal
      open
      width={640}
      title={t('users.grantTitle', { name: user.display_name, username: user.username })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      okButtonProps={{ disabled: conflict !== null }}
      confirmLoading={grant.isPending}
    >
      {error === null ? null : <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {conflict === null ? null : (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('users.roleConflict', { a: t(`roles.${conflict[0]}`), b: t(`roles.${conflict[1]}`) })}
        />
      )}
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('users.businessRoles')}
      </Divider>
      <Row gutter={[12, 12]}>{BUSINESS_ROLES.map(box)}</Row>
      <Divider titlePlacement="start" plain>
        {t('users.adminRoles')}
      </Divider>
      <Row gutter={[12, 12]}>{ADMIN_ROLES.map(box)}</Row>
    </Modal>
  );
}
