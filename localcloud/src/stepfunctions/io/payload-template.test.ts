import { describe, expect, it } from 'vitest';
import type { Json } from '../asl/types.js';
import { evaluatePayloadTemplate } from './payload-template.js';
import { applyResultPath } from './result-path.js';

/** Asserts `act` throws a StatesError with this ASL name and a cause containing `cause`. */
function expectStatesError(act: () => unknown, name: string, cause: string): void {
  expect(act).toThrow(expect.objectContaining({ name, cause: expect.stringContaining(cause) }));
}

interface Case {
  readonly name: string;
  readonly template: Json;
  readonly input: unknown;
  readonly context?: unknown;
  readonly expected: unknown;
}

const CASES: readonly Case[] = [
  // "In this case, the payload is the object with "first" and "second" fields whose values are
  // respectively 88 and 99. No processing needs to be performed" — states-language.net, Payload Template.
  {
    name: 'static template',
    template: { first: 88, second: 99 },
    input: { any: 1 },
    expected: { first: 88, second: 99 },
  },
  // The spec's Payload Template example with input { "flagged": 7, "vals": [0, 10, 20, 30, 40, 50] }
  // and context { "DayOfWeek": "TUESDAY" }.
  {
    name: 'spec example with paths, a context path and an intrinsic',
    template: {
      flagged: true,
      parts: { 'first.$': '$.vals[0]', 'last3.$': '$.vals[-3:]' },
      'weekday.$': '$$.DayOfWeek',
      'formattedOutput.$': "States.Format('Today is {}', $$.DayOfWeek)",
    },
    input: { flagged: 7, vals: [0, 10, 20, 30, 40, 50] },
    context: { DayOfWeek: 'TUESDAY' },
    expected: {
      flagged: true,
      parts: { first: 0, last3: [30, 40, 50] },
      weekday: 'TUESDAY',
      formattedOutput: 'Today is TUESDAY',
    },
  },
  // AWS, Manipulate parameters, "Example for Parameters."
  {
    name: 'AWS Parameters example',
    template: {
      comment: 'Selecting what I care about.',
      MyDetails: {
        'size.$': '$.product.details.size',
        'exists.$': '$.product.availability',
        StaticValue: 'foo',
      },
    },
    input: {
      comment: 'Example for Parameters.',
      product: {
        details: { color: 'blue', size: 'small', material: 'cotton' },
        availability: 'in stock',
        sku: '2317',
        cost: '$23',
      },
    },
    expected: {
      comment: 'Selecting what I care about.',
      MyDetails: { size: 'small', exists: 'in stock', StaticValue: 'foo' },
    },
  },
  // "KeyId.$": "States.Array($.Id)" / "BuildId.$": "States.Array($.Id)" — AWS, Intrinsic functions.
  {
    name: 'intrinsic field',
    template: { 'BuildId.$': 'States.Array($.Id)' },
    input: { Id: 123456 },
    expected: { BuildId: [123456] },
  },
  // "ResultSelector": { "flattenArray.$": "$[*][*]" } — AWS, Flattening an array of arrays.
  {
    name: 'flattening an array of arrays',
    template: { 'flattenArray.$': '$[*][*]' },
    input: [[1, 2], [3], [4, 5]],
    expected: { flattenArray: [1, 2, 3, 4, 5] },
  },
  // ItemSelector with "ContextIndex.$": "$$.Map.Item.Index", "ContextValue.$": "$$.Map.Item.Value" — AWS, Map state.
  {
    name: 'ItemSelector reading the Map item from the context object',
    template: { 'ContextIndex.$': '$$.Map.Item.Index', 'ContextValue.$': '$$.Map.Item.Value' },
    input: { ignored: true },
    context: { Map: { Item: { Index: 2, Value: { who: 'bob' } } } },
    expected: { ContextIndex: 2, ContextValue: { who: 'bob' } },
  },
  {
    name: 'objects nested in arrays',
    template: { list: [{ 'a.$': '$.x' }, 'plain', 1, null, ['$.x', { 'b.$': '$' }]] },
    input: { x: 'X' },
    expected: { list: [{ a: 'X' }, 'plain', 1, null, ['$.x', { b: { x: 'X' } }]] },
  },
  { name: 'a path selecting null', template: { 'n.$': '$.n' }, input: { n: null }, expected: { n: null } },
  {
    name: 'a filter selecting nothing yields an empty array',
    template: { 'big.$': '$.items[?(@.x > 5)]' },
    input: { items: [{ x: 1 }] },
    expected: { big: [] },
  },
  {
    name: 'a member named __proto__',
    template: { '__proto__.$': '$.x' },
    input: { x: 1 },
    expected: JSON.parse('{"__proto__":1}'),
  },
];

describe('evaluatePayloadTemplate', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(evaluatePayloadTemplate(c.template, c.input, c.context ?? {})).toEqual(c.expected);
  });

  // AWS, ResultSelector: the createCluster.sync result, then "ResultPath": "$.EMROutput".
  it('ResultSelector then ResultPath, as in the AWS EMR example', () => {
    const result = {
      resourceType: 'elasticmapreduce',
      resource: 'createCluster.sync',
      output: {
        SdkHttpMetadata: { HttpHeaders: { 'Content-Length': '1112' }, HttpStatusCode: 200 },
        SdkResponseMetadata: { RequestId: '1234-5678-9012' },
        ClusterId: 'AKIAIOSFODNN7EXAMPLE',
      },
    };
    const selected = evaluatePayloadTemplate(
      { 'ClusterId.$': '$.output.ClusterId', 'ResourceType.$': '$.resourceType' },
      result,
      {},
    );
    expect(applyResultPath({ OtherDataFromInput: {} }, selected, '$.EMROutput')).toEqual({
      OtherDataFromInput: {},
      EMROutput: { ClusterId: 'AKIAIOSFODNN7EXAMPLE', ResourceType: 'elasticmapreduce' },
    });
  });

  it('does not modify the template', () => {
    const template: Json = { a: { 'b.$': '$.x' } };
    evaluatePayloadTemplate(template, { x: 1 }, {});
    expect(template).toEqual({ a: { 'b.$': '$.x' } });
  });

  // Real executions report "States.Runtime" with "The JSONPath '$.JobName' specified for the field
  // 'JobName.$' could not be found in the input '{}'", for Parameters and ResultSelector alike.
  it.each([
    [
      { 'JobName.$': '$.JobName' },
      {},
      "The JSONPath '$.JobName' specified for the field 'JobName.$' could not be found in the input '{}'",
    ],
    [
      { deep: { 'userId.$': '$.detail.userId' } },
      { detail: {} },
      "for the field 'userId.$' could not be found",
    ],
    [{ 'token.$': '$$.Task.Token' }, {}, "The JSONPath '$$.Task.Token' specified for the field 'token.$'"],
  ])('fails with States.Runtime when %j selects nothing', (template, input, cause) => {
    expectStatesError(() => evaluatePayloadTemplate(template, input, {}), 'States.Runtime', cause);
  });

  it.each([
    [{ 'a.$': 5 }, "The value for the field 'a.$' must be a JSONPath or an intrinsic function"],
    [{ 'a.$': 'plain text' }, "The value for the field 'a.$' must be a JSONPath or an intrinsic function"],
    // "A JSON object MUST NOT have duplicate field names after fields ending with the characters ".$"
    // are renamed to strip the ".$" suffix." — states-language.net, Payload Template.
    [{ a: 1, 'a.$': '$.x' }, "The field 'a' appears more than once"],
  ])('fails with States.Runtime for %j', (template, cause) => {
    expectStatesError(() => evaluatePayloadTemplate(template, { x: 1 }, {}), 'States.Runtime', cause);
  });

  // "If the Intrinsic Function fails during evaluation, the interpreter fails the machine execution
  // with an Error Name of "States.IntrinsicFailure"." — states-language.net, Payload Template.
  it('fails with States.IntrinsicFailure when an intrinsic fails', () => {
    expectStatesError(
      () => evaluatePayloadTemplate({ 'n.$': 'States.ArrayLength($.x)' }, { x: 'not an array' }, {}),
      'States.IntrinsicFailure',
      'States.ArrayLength',
    );
  });
});
