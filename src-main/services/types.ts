// What every bridge (Electron IPC, web, tests) sees of the services.
import type { Args, EventMessage, HandlerName, Result } from '../contract/index.js';

export interface Services {
  /** Call a handler with already-validated arguments. */
  call<K extends HandlerName>(name: K, args: Args<K>): Promise<Result<K>>;
  subscribe(listener: (e: EventMessage) => void): () => void;
  emit(e: EventMessage): void;
  close(): Promise<void>;
}

/**
 * What only a desktop shell can do. The web bridge has none of it, and the
 * handlers fall back (no dialog: the UI asks for a typed path).
 */
export interface Host {
  chooseFolder?(purpose: 'import' | 'export'): Promise<string | null>;
  chooseArchive?(create: boolean): Promise<string | null>;
  /** Open a file with the system's default program (only temporary copies the services made). */
  openPath?(path: string): Promise<boolean>;
  /** Show a file selected in the system's file manager (an export's written file). */
  showItemInFolder?(path: string): Promise<boolean>;
  /** The archive that was opened, to remember it for next start. */
  archiveOpened?(path: string): void;
}
