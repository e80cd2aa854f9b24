import { Card, Col, Row, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/current-user.tsx';
import { classifyEntry, SETTINGS } from '../../app/layout/menu-items.tsx';
import { PageHeader } from '../../components/page-header.tsx';

const HINT_KEYS: Record<string, string> = {
  '/org': 'workbench.admin.org',
  '/users': 'workbench.admin.users',
  '/policies': 'workbench.admin.policies',
  '/security-policy': 'workbench.admin.securityPolicy',
  '/audit': 'workbench.admin.audit',
};

/** The administrators (三员) hold no business data: their home is a set of shortcuts. */
export function AdminShortcuts() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const entries = SETTINGS.filter((e) => classifyEntry(me, e) === 'page');
  return (
    <>
      <PageHeader
        title={t('workbench.greeting', { name: me.display_name })}
        subtitle={t('workbench.admin.subtitle', { roles: me.roles.map((r) => t(`roles.${r}`)).join('、') })}
      />
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col key={e.key} xs={24} md={12} xl={8}>
            <Card hoverable onClick={() => void navigate(e.key)} style={{ height: '100%' }}>
              <Card.Meta
                avatar={<span style={{ fontSize: 28, color: '#0958d9' }}>{e.icon}</span>}
                title={
                  <span>
                    {t(e.labelKey)} <RightOutlined style={{ fontSize: 12, color: '#8c8c8c' }} />
                  </span>
                }
                description={<Typography.Text type="secondary">{t(HINT_KEYS[e.key] ?? '')}</Typography.Text>}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 13 }}>
        {t('workbench.admin.separation')}
      </Typography.Paragraph>
    </>
  );
}
