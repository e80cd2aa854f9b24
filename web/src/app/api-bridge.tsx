import { useEffect } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { configureApi } from '../lib/api-client.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * Root route element: connects the API client to the router and the query cache, so that a 401
 * anywhere leads to the login page and a required password change to its form.
 */
export function ApiBridge() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    configureApi({
      language: currentLanguage,
      onUnauthenticated: () => {
        if (window.location.pathname === '/login') return;
        queryClient.clear();
        void navigate('/login', { replace: true, state: { expired: true } });
      },
      onPasswordChangeRequired: () => {
        if (window.location.pathname === '/change-password') return;
        void navigate('/change-password', { replace: true });
      },
    });
  }, [navigate, queryClient]);
  return <Outlet />;
}
