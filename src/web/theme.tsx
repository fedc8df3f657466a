// Ant Design set up for Dân Ý: the language's locale, and colours that keep text contrast at WCAG AA or better.
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/vi';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from './i18n';

export const BRAND_NAVY = '#0b3c73';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    // Ant Design lightens links on hover (#5799eb, 2.9:1 on white); darken instead, keeping 4.5:1.
    colorLinkHover: '#0842a0',
    colorError: '#c62828',
    colorSuccess: '#2e7d32',
    colorWarning: '#ad6800',
    // Secondary text at 0.45 opacity (#8c8c8c) is below 4.5:1 on white; these stay above it.
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: BRAND_NAVY, siderBg: '#ffffff', bodyBg: '#f3f5f8' },
  },
};

export function ThemeProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'vi' ? 'vi' : 'en-gb');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
