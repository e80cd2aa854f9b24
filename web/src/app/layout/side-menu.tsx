import { Menu, Tag, Tooltip, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../current-user.tsx';
import { classifyEntry, SETTINGS, SETTINGS_ICON, STAGES } from './menu-items.tsx';

type MenuItem = Required<MenuProps>['items'][number];

function selectedKey(pathname: string): string {
  const all = [...STAGES, ...SETTINGS]
    .flatMap((e) => [e, ...(e.children ?? [])])
    .map((e) => e.key)
    .filter((k) => k.startsWith('/'));
  // The longest match wins, so that /targets/department selects its own entry, not /targets.
  const matches = all.filter((k) => pathname === k || pathname.startsWith(`${k}/`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '/workbench';
}

/** The left menu: stages of the cycle, then settings; each role sees only what it may use. */
export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();

  const stageItems: MenuItem[] = [];
  for (const entry of STAGES) {
    const pages = (entry.children ?? []).filter((c) => classifyEntry(me, c) === 'page');
    if (pages.length > 0) {
      const children = pages.map((c) => ({ key: c.key, icon: c.icon, label: t(c.labelKey) }));
      stageItems.push({ key: entry.key, icon: entry.icon, label: t(entry.labelKey), children });
      continue;
    }
    const kind = classifyEntry(me, entry);
    if (kind === 'hidden') continue;
    const label = t(entry.labelKey);
    stageItems.push(
      kind === 'page'
        ? { key: entry.key, icon: entry.icon, label }
        : {
            key: entry.key,
            icon: entry.icon,
            disabled: true,
            label: (
              <Tooltip title={t('nav.comingSoonHint')} placement="right">
                <span>
                  {label}
                  {collapsed ? null : (
                    <Tag variant="filled" style={{ marginInlineStart: 8, fontSize: 11, lineHeight: '18px' }}>
                      {t('nav.comingSoon')}
                    </Tag>
                  )}
                </span>
              </Tooltip>
            ),
          },
    );
  }
  const settingItems: MenuItem[] = SETTINGS.filter((e) => classifyEntry(me, e) === 'page').map((e) => ({
    key: e.key,
    icon: e.icon,
    label: t(e.labelKey),
  }));

  const items: MenuItem[] = [...stageItems];
  if (settingItems.length > 0) {
    items.push({ key: 'settings', icon: SETTINGS_ICON, label: t('nav.settings'), children: settingItems });
  }
  const selected = selectedKey(location.pathname);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={['settings', ...STAGES.filter((e) => e.children !== undefined).map((e) => e.key)]}
      onClick={(info) => {
        if (info.key.startsWith('/')) void navigate(info.key);
      }}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
    />
  );
}
