/** Opens the data folder and wires the services behind one dispatch; used by Electron and the browser host alike. */
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './services';
import { Workspace } from './store/workspace';

export interface Backend {
  workspace: Workspace;
  dispatch: Dispatch;
}

export async function openBackend(dataDir: string, log?: (error: unknown) => void): Promise<Backend> {
  const workspace = await Workspace.open({ dataDir });
  const dispatch = createDispatch({ handlers: createHandlers(workspace), inRecovery: () => workspace.inRecovery, log });
  return { workspace, dispatch };
}
