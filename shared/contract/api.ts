import type { Outcome } from './errors';
import type { InputOf, OperationName, ParsedInputOf, ResultOf } from './operations';

/** The single call shape shared by the preload bridge, the browser host and the renderer client. */
export interface CabasBridge {
  invoke<N extends OperationName>(name: N, input: InputOf<N>): Promise<Outcome<ResultOf<N>>>;
}

/** The services side: one handler per operation, receiving validated input. */
export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>) => Promise<ResultOf<N>>;
};
