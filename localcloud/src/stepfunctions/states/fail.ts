import type { FailState } from '../asl/types.js';
import { readTypedPath } from '../io/index.js';
import type { StateFile } from './outcome.js';

/** A Fail state: ends its run with an error and cause, given directly or by a path. */
export const failState: StateFile<FailState> = {
  enter(state, input, { context }) {
    const read = (field: string, path: string) =>
      readTypedPath(field, path, input, context, 'string', { allowIntrinsic: true });
    return {
      kind: 'fail',
      error: state.ErrorPath !== undefined ? read('ErrorPath', state.ErrorPath) : (state.Error ?? ''),
      cause: state.CausePath !== undefined ? read('CausePath', state.CausePath) : (state.Cause ?? ''),
    };
  },
};
