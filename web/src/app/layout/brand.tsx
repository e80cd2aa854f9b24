import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** Logo mark and product name. */
export function Brand({ dark = true, compact = false }: { dark?: boolean; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language !== 'en-US';
  // Chinese users know the product by its Chinese name; English readers by PerfBudget.
  const title = chinese ? t('app.name') : 'PerfBudget';
  const subtitle = chinese ? 'PerfBudget' : t('app.name');
  const color = dark ? '#ffffff' : '#0b2a5b';
  return (
    <Flex align="center" gap={10} style={{ color, whiteSpace: 'nowrap' }}>
      <svg width="30" height="30" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill={dark ? '#ffffff' : '#0958d9'} />
        <path
          d="M8 23V9h8.5a5 5 0 0 1 0 10H12"
          stroke={dark ? '#0958d9' : '#ffffff'}
          strokeWidth="3"
          fill="none"
          strokeLinecap="round"
        />
        <circle cx="23.5" cy="23.5" r="2.5" fill={dark ? '#389e0d' : '#b7eb8f'} />
      </svg>
      {compact ? null : (
        <span style={{ lineHeight: 1.15 }}>
          <span style={{ display: 'block', fontSize: 16, fontWeight: 600, letterSpacing: chinese ? 1 : 0.2 }}>
            {title}
          </span>
          <span style={{ display: 'block', fontSize: 11, opacity: 0.7, letterSpacing: 0.3 }}>{subtitle}</span>
        </span>
      )}
    </Flex>
  );
}
