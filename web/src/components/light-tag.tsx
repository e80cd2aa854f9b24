import { Tag } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  MinusCircleFilled,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COLORS } from '../app/theme.ts';

export type Light = 'RED' | 'YELLOW' | 'GREEN' | 'BLUE' | 'NA';

const LOOK: Record<Light, { color: string; icon: ReactNode }> = {
  RED: { color: COLORS.red, icon: <CloseCircleFilled /> },
  YELLOW: { color: COLORS.yellow, icon: <ExclamationCircleFilled /> },
  GREEN: { color: COLORS.green, icon: <CheckCircleFilled /> },
  BLUE: { color: COLORS.blue, icon: <InfoCircleFilled /> },
  NA: { color: COLORS.grey, icon: <MinusCircleFilled /> },
};

/**
 * A monitoring light or status in the one palette of ui.md; never colour alone — always an icon
 * and a word. `label` overrides the default word (红灯 / Red …) for statuses.
 */
export function LightTag({ light, label }: { light: Light; label?: string }) {
  const { t } = useTranslation();
  const look = LOOK[light];
  return (
    <Tag
      icon={look.icon}
      style={{
        color: look.color,
        borderColor: `${look.color}55`,
        background: `${look.color}0f`,
        marginInlineEnd: 0,
      }}
    >
      {label ?? t(`lights.${light}`)}
    </Tag>
  );
}
