// The web bridge's per-run token: read from the page address once, kept for
// this tab (sessionStorage), and removed from the address bar at once, so it
// is not left on screen, in the history or in a copied link (the bridge
// accepts it in the address for one first page load only; then the cookie it
// set and the x-nianbao-token header carry it). Plain types, no DOM: tested
// under Node.
const TOKEN_KEY = 'nianbao.token';

interface Address {
  search: string;
  pathname: string;
  hash: string;
}
interface HistoryLike {
  state: unknown;
  replaceState(data: unknown, unused: string, url?: string | null): void;
}
interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function takeToken(address: Address, history: HistoryLike, store: Store): string {
  const params = new URLSearchParams(address.search);
  const fromUrl = params.get('token');
  if (fromUrl === null) return store.getItem(TOKEN_KEY) ?? '';
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${address.pathname}${rest ? `?${rest}` : ''}${address.hash}`);
  if (!fromUrl) return store.getItem(TOKEN_KEY) ?? '';
  store.setItem(TOKEN_KEY, fromUrl);
  return fromUrl;
}
