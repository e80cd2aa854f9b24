import type { ThemeConfig } from 'antd';

/** Status and light colours, the same everywhere (ui.md). */
export const COLORS = {
  red: '#cf1322',
  yellow: '#d48806',
  green: '#389e0d',
  blue: '#0958d9',
  grey: '#8c8c8c',
  ink: '#1f2937',
  pageBg: '#f3f5f9',
  headerBg: '#0b2a5b',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: COLORS.blue,
    colorInfo: COLORS.blue,
    colorSuccess: COLORS.green,
    colorWarning: COLORS.yellow,
    colorError: COLORS.red,
    colorTextBase: COLORS.ink,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
    fontSize: 14,
  },
  components: {
    Layout: { bodyBg: COLORS.pageBg, headerBg: COLORS.headerBg, siderBg: '#ffffff', headerPadding: '0 20px' },
    Menu: { itemBorderRadius: 6, itemMarginInline: 8, groupTitleFontSize: 12 },
    Table: { headerBg: '#f5f7fb', headerColor: '#4b5563', rowHoverBg: '#f0f6ff' },
    Card: { headerFontSize: 15 },
  },
};
