/** Opens the data folder and wires the services behind one dispatch; used by Electron and the browser host alike. */
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './services';
import type { PrintAdapter } from './services/print';
import { Workspace } from './store/workspace';

export interface Backend {
  workspace: Workspace;
  dispatch: Dispatch;
}

/** `print` is Electron's hidden-window printing; the browser host leaves it out and prints from the page. */
export async function openBackend(dataDir: string, log?: (error: unknown) => void, print?: PrintAdapter): Promise<Backend> {
  const workspace = await Workspace.open({ dataDir });
  const dispatch = createDispatch({ handlers: createHandlers(workspace, undefined, print), inRecovery: () => workspace.inRecovery, log });
  return { workspace, dispatch };
}
