import { describe, expect, it } from 'vitest';
import { deleteView, loadViews, saveView } from './saved-views.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('saved views', () => {
  it('saves views per user and list, without the page, replacing by name', () => {
    const s = memoryStorage();
    saveView('projects', 'finance', { name: '大额教育项目', query: 'dept=101&min=100&page=3' }, s);
    saveView('projects', 'finance', { name: '基金预算', query: 'kind=GOV_FUND' }, s);
    saveView('projects', 'finance', { name: '基金预算', query: 'kind=GOV_FUND&sort=-amount' }, s);
    expect(loadViews('projects', 'finance', s)).toEqual([
      { name: '大额教育项目', query: 'dept=101&min=100' },
      { name: '基金预算', query: 'kind=GOV_FUND&sort=-amount' },
    ]);
    expect(loadViews('projects', 'dept', s)).toEqual([]);
    expect(deleteView('projects', 'finance', '大额教育项目', s)).toEqual([
      { name: '基金预算', query: 'kind=GOV_FUND&sort=-amount' },
    ]);
  });

  it('ignores damaged storage', () => {
    const s = memoryStorage();
    s.setItem('perfbudget.views.finance.projects', '{not json');
    expect(loadViews('projects', 'finance', s)).toEqual([]);
    s.setItem('perfbudget.views.finance.projects', JSON.stringify([{ name: 1 }, { name: 'ok', query: '' }]));
    expect(loadViews('projects', 'finance', s)).toEqual([{ name: 'ok', query: '' }]);
  });
});
