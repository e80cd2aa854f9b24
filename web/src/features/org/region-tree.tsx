import { Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOrgTree } from '../../../../contracts/api.ts';

type Region = TOrgTree['regions'][number];

function buildNodes(
  regions: Region[],
  parent: string | null,
  levelLabel: (r: Region) => string,
): TreeDataNode[] {
  const codes = new Set(regions.map((r) => r.mof_div_code));
  return (
    regions
      // A region whose parent is outside the list is shown at the top.
      .filter((r) =>
        parent === null ? r.parent_code === null || !codes.has(r.parent_code) : r.parent_code === parent,
      )
      .sort((a, b) => a.mof_div_code.localeCompare(b.mof_div_code))
      .map((r) => ({
        key: r.mof_div_code,
        title: `${r.name} · ${levelLabel(r)}`,
        children: buildNodes(regions, r.mof_div_code, levelLabel),
      }))
  );
}

/** The regions (province → city → county) the user may see. */
export function RegionTree({
  regions,
  selected,
  onSelect,
}: {
  regions: Region[];
  selected: string;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const nodes = buildNodes(regions, null, (r) => t(`org.level.${r.level}`));
  return (
    <Tree
      blockNode
      defaultExpandAll
      selectedKeys={[selected]}
      treeData={nodes}
      onSelect={(keys) => {
        const k = keys[0];
        if (typeof k === 'string') onSelect(k);
      }}
    />
  );
}
