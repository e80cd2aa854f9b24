import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../app/layout/brand.tsx';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';

/** The light two-column frame of the login and password pages. */
export function AuthShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <Flex
        vertical
        justify="space-between"
        style={{
          flex: '1 1 46%',
          padding: '40px 56px',
          color: '#fff',
          background: 'linear-gradient(150deg, #0b2a5b 0%, #0a3d8f 55%, #0958d9 100%)',
        }}
      >
        <Brand />
        <div style={{ maxWidth: 520 }}>
          <Typography.Title
            level={1}
            style={{ color: '#fff', fontWeight: 600, fontSize: 34, marginBottom: 16 }}
          >
            {t('login.heroTitle')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.82)', fontSize: 16, lineHeight: 1.8 }}>
            {t('login.tagline')}
          </Typography.Paragraph>
          <Flex gap={10} wrap style={{ marginTop: 24 }}>
            {(['exAnte', 'targets', 'monitoring', 'evaluation', 'results'] as const).map((k, i) => (
              <span
                key={k}
                style={{
                  padding: '4px 12px',
                  border: '1px solid rgba(255,255,255,0.35)',
                  borderRadius: 14,
                  fontSize: 13,
                  color: 'rgba(255,255,255,0.9)',
                }}
              >
                {i + 1}. {t(`nav.${k}`)}
              </span>
            ))}
          </Flex>
        </div>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.55)', fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Text>
      </Flex>
      <Flex vertical style={{ flex: '1 1 54%', padding: '24px 40px' }}>
        <Flex justify="flex-end">
          <LanguageSwitch size="middle" />
        </Flex>
        <Flex flex={1} align="center" justify="center">
          <div style={{ width: 400, maxWidth: '100%' }}>{children}</div>
        </Flex>
      </Flex>
    </Flex>
  );
}
