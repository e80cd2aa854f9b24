/**
 * Saved views of a list: named filter/sort states (the list's URL query without the page),
 * kept per user and list in the browser's storage.
 */
export interface SavedView {
  name: string;
  query: string;
}

function storageKey(list: string, username: string): string {
  return `perfbudget.views.${username}.${list}`;
}

function isSavedView(v: unknown): v is SavedView {
  return (
    typeof v === 'object' &&
    v !== null &&
    'name' in v &&
    'query' in v &&
    typeof v.name === 'string' &&
    typeof v.query === 'string'
  );
}

export function loadViews(list: string, username: string, storage: Storage = localStorage): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(list, username)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSavedView) : [];
  } catch {
    return [];
  }
}

/** Save (or replace, by name) a view; the page number is never part of a view. */
export function saveView(
  list: string,
  username: string,
  view: SavedView,
  storage: Storage = localStorage,
): SavedView[] {
  const params = new URLSearchParams(view.query);
  params.delete('page');
  const clean = { name: view.name.trim(), query: params.toString() };
  const views = [...loadViews(list, username, storage).filter((v) => v.name !== clean.name), clean];
  storage.setItem(storageKey(list, username), JSON.stringify(views));
  return views;
}

export function deleteView(
  list: string,
  username: string,
  name: string,
  storage: Storage = localStorage,
): SavedView[] {
  const views = loadViews(list, username, storage).filter((v) => v.name !== name);
  storage.setItem(storageKey(list, username), JSON.stringify(views));
  return views;
}
