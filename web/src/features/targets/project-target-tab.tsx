import { TargetWorkspace } from './target-workspace.tsx';

/** The 绩效目标 tab of a project's record page. */
export function ProjectTargetTab({ projectId }: { projectId: string }) {
  return <TargetWorkspace key={projectId} subject={{ kind: 'PROJECT', projectId }} />;
}
