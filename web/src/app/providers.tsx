import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';
import { theme } from './theme.ts';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors, and answers of a shape this client does not know (a server upgraded under
  // an open page), will not change by asking again.
  if (
    error instanceof ApiError &&
    ((error.status >= 400 && error.status < 500) || error.code === 'CONTRACT')
  ) {
    return false;
  }
  return failureCount < 2;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? enUSLocale : zhCNLocale;
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
