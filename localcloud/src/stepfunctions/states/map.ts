import type { MapState } from '../asl/types.js';
import { evaluatePayloadTemplate, readTypedPath } from '../io/index.js';
import { type StateFile, transition } from './outcome.js';
import { selectInput } from './paths.js';
import { processResult } from './result-processing.js';

/** An inline Map state: runs its item processor once per item of an array; results keep item order. */
export const mapState: StateFile<MapState> = {
  enter(state, input, { context }) {
    const effectiveInput = selectInput(input, state.InputPath, context);
    const items = readTypedPath('ItemsPath', state.ItemsPath ?? '$', effectiveInput, context, 'array');
    const selector = state.ItemSelector ?? state.Parameters;
    const inputs =
      selector === undefined
        ? items
        : items.map((value, index) =>
            evaluatePayloadTemplate(selector, effectiveInput, {
              ...context,
              Map: { Item: { Index: index, Value: value } },
            }),
          );
    const maxConcurrency =
      state.MaxConcurrencyPath !== undefined
        ? readTypedPath(
            'MaxConcurrencyPath',
            state.MaxConcurrencyPath,
            effectiveInput,
            context,
            'nonNegativeInteger',
          )
        : (state.MaxConcurrency ?? 0);
    return { kind: 'branch', inputs, maxConcurrency };
  },
  complete(state, input, result, { context }) {
    return transition(state, processResult(state, input, result, context));
  },
};
