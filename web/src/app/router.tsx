import { createBrowserRouter, Navigate } from 'react-router';
import { ApiBridge } from './api-bridge.tsx';
import { RequireAuth } from './require-auth.tsx';
import { RequirePermission } from './require-permission.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { ChangePasswordPage } from '../features/auth/change-password-page.tsx';
import { WorkbenchPage } from '../features/workbench/workbench-page.tsx';
import { ProjectListPage } from '../features/projects/project-list-page.tsx';
import { ProjectDetailPage } from '../features/projects/project-detail-page.tsx';
import { OrgPage } from '../features/org/org-page.tsx';
import { ReviewListPage } from '../features/review/review-list-page.tsx';
import { TaskListPage } from '../features/tasks/task-list-page.tsx';
import { TaskDetailPage } from '../features/tasks/task-detail-page.tsx';
import { DepartmentTargetPage } from '../features/targets/department-target-page.tsx';
import { UsersPage } from '../features/users/users-page.tsx';
import { PoliciesPage } from '../features/policies/policies-page.tsx';
import { SecurityPolicyPage } from '../features/policies/security-policy-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { LibraryPage } from '../features/library/library-page.tsx';
import { ImportPage } from '../features/imports/import-page.tsx';
import { RoundsPage } from '../features/monitoring/rounds-page.tsx';
import { ReportPage } from '../features/monitoring/report-page.tsx';
import { WarningsPage } from '../features/monitoring/warnings-page.tsx';
import { NotFoundPage } from '../components/not-found-page.tsx';

export const router = createBrowserRouter([
  {
    element: <ApiBridge />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/change-password',
        element: (
          <RequireAuth allowPasswordChange>
            <ChangePasswordPage />
          </RequireAuth>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Navigate to="/workbench" replace /> },
          { path: 'workbench', element: <WorkbenchPage /> },
          {
            path: 'projects',
            element: (
              <RequirePermission any={['project:read']}>
                <ProjectListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'projects/:id',
            element: (
              <RequirePermission any={['project:read']}>
                <ProjectDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'targets',
            element: (
              <RequirePermission any={['project:read']}>
                <ReviewListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'targets/department',
            element: (
              <RequirePermission any={['project:read']}>
                <DepartmentTargetPage />
              </RequirePermission>
            ),
          },
          {
            path: 'tasks',
            element: (
              <RequirePermission any={['project:read']}>
                <TaskListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'tasks/:id',
            element: (
              <RequirePermission any={['project:read']}>
                <TaskDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'monitoring',
            element: (
              <RequirePermission any={['project:read']}>
                <RoundsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'monitoring/reports/:id',
            element: (
              <RequirePermission any={['project:read']}>
                <ReportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'warnings',
            element: (
              <RequirePermission any={['project:read']}>
                <WarningsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'org',
            element: (
              <RequirePermission any={['org:read', 'org:manage']}>
                <OrgPage />
              </RequirePermission>
            ),
          },
          {
            path: 'users',
            element: (
              <RequirePermission any={['user:manage', 'role:grant']}>
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'policies',
            element: (
              <RequirePermission any={['policy:read']}>
                <PoliciesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'security-policy',
            element: (
              <RequirePermission any={['security:policy']}>
                <SecurityPolicyPage />
              </RequirePermission>
            ),
          },
          {
            path: 'library',
            element: (
              <RequirePermission any={['library:read']}>
                <LibraryPage />
              </RequirePermission>
            ),
          },
          {
            path: 'imports/:id?',
            element: (
              <RequirePermission any={['import:data', 'export:data']}>
                <ImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission any={['audit:read']}>
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
