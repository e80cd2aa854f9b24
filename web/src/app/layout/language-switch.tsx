import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../../i18n/index.ts';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', 'en-US': 'English' };

/** 中文 / English, remembered in localStorage. */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('top.language')}
      size={size}
      value={i18n.language === 'en-US' ? 'en-US' : 'zh-CN'}
      options={LANGUAGES.map((l) => ({ value: l, label: LABELS[l] }))}
      onChange={(lang) => void changeLanguage(lang)}
    />
  );
}
