import { expectArgumentCount, type IntrinsicFunction, intrinsicFailure } from '../invocation.js';

/**
 * `States.JsonToString(path)`: the JSON text of the data a Path selects. The argument must be a
 * Path, as the specification requires.
 *
 * @see https://states-language.net/spec.html#appendix-b
 */
export const jsonToString: IntrinsicFunction = (invocation) => {
  expectArgumentCount(invocation, 1);
  if (invocation.args[0]?.kind !== 'path') throw intrinsicFailure(invocation, 'the argument must be a Path');
  return JSON.stringify(invocation.values[0]);
};
