import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  ImportOutlined,
  LockOutlined,
  MonitorOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SlidersOutlined,
  SolutionOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { TMe } from '../../../../contracts/api.ts';
import { isBusinessRole, ROLES, type Permission, type Role } from '../../../../contracts/permissions.ts';
import { hasPermission } from '../../features/auth/auth-api.ts';

/** One entry of the left menu: a page that exists, or a stage of the cycle still to come. */
export interface NavEntry {
  key: string;
  labelKey: string;
  icon: ReactNode;
  /** Built pages: shown to holders of any of these permissions (empty = everyone). */
  permissions?: Permission[];
  /** Stages not built yet: shown disabled to these roles only. */
  comingSoonFor?: Role[];
  /** Built pages for some roles only (with `permissions`): shown to holders of any of these roles. */
  roles?: Role[];
  /** A group of pages; shown as a sub-menu when at least one of them is a page for the user. */
  children?: NavEntry[];
}

const BUSINESS: Role[] = ROLES.filter(isBusinessRole);
const REVIEW_CHAIN: Role[] = [
  'PREPARER',
  'UNIT_LEADER',
  'DEPT_REVIEWER',
  'SECTION_REVIEWER',
  'PERF_OFFICE',
  'SUPERVISOR',
];
const FINANCE: Role[] = ['SECTION_REVIEWER', 'PERF_OFFICE', 'SUPERVISOR', 'DEPT_REVIEWER'];

/** The stages of the cycle, in the order of ui.md. */
export const STAGES: NavEntry[] = [
  { key: '/workbench', labelKey: 'nav.workbench', icon: <DashboardOutlined /> },
  { key: '/projects', labelKey: 'nav.projects', icon: <AppstoreOutlined />, permissions: ['project:read'] },
  {
    key: 'ex-ante',
    labelKey: 'nav.exAnte',
    icon: <FileSearchOutlined />,
    comingSoonFor: REVIEW_CHAIN.concat('EXPERT'),
  },
  {
    key: 'targets',
    labelKey: 'nav.targets',
    icon: <FlagOutlined />,
    comingSoonFor: REVIEW_CHAIN.concat('EXPERT'),
    children: [
      {
        key: '/targets',
        labelKey: 'review.nav',
        icon: <CheckSquareOutlined />,
        permissions: ['target:prepare', 'target:approve', 'task:issue', 'project:read'],
      },
      {
        key: '/tasks',
        labelKey: 'tasks.nav',
        icon: <ScheduleOutlined />,
        permissions: ['target:prepare', 'target:approve', 'task:issue', 'project:read'],
      },
      {
        key: '/targets/department',
        labelKey: 'targets.department.nav',
        icon: <BankOutlined />,
        permissions: ['target:prepare'],
        roles: ['DEPT_REVIEWER'],
      },
    ],
  },
  {
    key: 'monitoring',
    labelKey: 'nav.monitoring',
    icon: <AlertOutlined />,
    permissions: ['project:read'],
    children: [
      {
        key: '/monitoring',
        labelKey: 'monitoring.nav.rounds',
        icon: <MonitorOutlined />,
        permissions: ['project:read'],
      },
      {
        key: '/warnings',
        labelKey: 'monitoring.nav.warnings',
        icon: <WarningOutlined />,
        permissions: ['project:read'],
      },
    ],
  },
  { key: 'evaluation', labelKey: 'nav.evaluation', icon: <SolutionOutlined />, comingSoonFor: BUSINESS },
  { key: 'results', labelKey: 'nav.results', icon: <SlidersOutlined />, comingSoonFor: REVIEW_CHAIN },
  {
    key: 'disclosure',
    labelKey: 'nav.disclosure',
    icon: <GlobalOutlined />,
    comingSoonFor: ['PREPARER', 'DEPT_REVIEWER', 'PERF_OFFICE'],
  },
  {
    key: 'supervision',
    labelKey: 'nav.supervision',
    icon: <EyeOutlined />,
    comingSoonFor: ['SUPERVISOR', 'PERF_OFFICE'],
  },
  { key: 'cockpit', labelKey: 'nav.cockpit', icon: <FundProjectionScreenOutlined />, comingSoonFor: FINANCE },
  { key: '/library', labelKey: 'nav.library', icon: <BookOutlined />, permissions: ['library:read'] },
];

export const SETTINGS: NavEntry[] = [
  { key: '/org', labelKey: 'nav.org', icon: <ClusterOutlined />, permissions: ['org:read', 'org:manage'] },
  {
    key: '/users',
    labelKey: 'nav.users',
    icon: <TeamOutlined />,
    permissions: ['user:manage', 'role:grant'],
  },
  {
    key: '/imports',
    labelKey: 'imports.nav',
    icon: <ImportOutlined />,
    permissions: ['import:data', 'export:data'],
  },
  { key: '/policies', labelKey: 'nav.policies', icon: <BarChartOutlined />, permissions: ['policy:read'] },
  {
    key: '/security-policy',
    labelKey: 'nav.securityPolicy',
    icon: <LockOutlined />,
    permissions: ['security:policy'],
  },
  { key: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permissions: ['audit:read'] },
];

export const SETTINGS_ICON = <SettingOutlined />;
export const BRAND_ICON = <SafetyCertificateOutlined />;

/** Is the entry shown to this user, and is it a page that works now? */
export function classifyEntry(me: TMe, entry: NavEntry): 'page' | 'coming-soon' | 'hidden' {
  if (entry.comingSoonFor !== undefined) {
    return me.roles.some((r) => entry.comingSoonFor?.includes(r)) ? 'coming-soon' : 'hidden';
  }
  if (entry.roles !== undefined && !me.roles.some((r) => entry.roles?.includes(r))) return 'hidden';
  const perms = entry.permissions ?? [];
  return perms.length === 0 || hasPermission(me, ...perms) ? 'page' : 'hidden';
}
