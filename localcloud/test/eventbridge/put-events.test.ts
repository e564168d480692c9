import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventBridgeHarness, startHarness } from './support/harness.js';
import { rejectionOf } from './support/rejection.js';

let h: EventBridgeHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const VALID: PutEventsRequestEntry = {
  Source: 'coffee.shop',
  DetailType: 'Test.Event',
  Detail: '{"shopId":"main"}',
};

describe('PutEvents', () => {
  it.each([
    ['a valid entry', VALID, undefined],
    [
      'no Source',
      { ...VALID, Source: undefined },
      ['InvalidArgument', 'Parameter Source is not valid. Reason: Source is a required argument.'],
    ],
    [
      'no DetailType',
      { ...VALID, DetailType: undefined },
      ['InvalidArgument', 'Parameter DetailType is not valid. Reason: DetailType is a required argument.'],
    ],
    [
      'no Detail',
      { ...VALID, Detail: undefined },
      ['InvalidArgument', 'Parameter Detail is not valid. Reason: Detail is a required argument.'],
    ],
    [
      'a Detail that is not JSON',
      { ...VALID, Detail: '{shopId: main}' },
      ['MalformedDetail', 'Detail is malformed.'],
    ],
    [
      'a Detail that is an array',
      { ...VALID, Detail: '[1, 2]' },
      ['MalformedDetail', expect.stringMatching(/must be a JSON object/)],
    ],
    [
      'an AWS source',
      { ...VALID, Source: 'aws.ec2' },
      ['NotAuthorizedForSourceException', expect.any(String)],
    ],
    [
      'a bus that does not exist',
      { ...VALID, EventBusName: 'nowhere' },
      ['InvalidArgument', 'Event bus nowhere does not exist.'],
    ],
  ])('reports %s in its entry', async (_case, entry, failure) => {
    // Act
    const result = await h.events.send(new PutEventsCommand({ Entries: [VALID, entry] }));

    // Assert
    expect(result.Entries?.[0]?.EventId).toEqual(expect.any(String));
    if (failure === undefined) {
      expect(result.FailedEntryCount).toBe(0);
      expect(result.Entries?.[1]?.EventId).toEqual(expect.any(String));
    } else {
      expect(result.FailedEntryCount).toBe(1);
      expect(result.Entries?.[1]).toEqual({ ErrorCode: failure[0], ErrorMessage: failure[1] });
    }
  });

  it('takes 1 to 10 entries', async () => {
    // Act
    const none = await rejectionOf(h.events.send(new PutEventsCommand({ Entries: [] })));
    const eleven = await rejectionOf(
      h.events.send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, () => VALID) })),
    );
    const ten = await h.events.send(
      new PutEventsCommand({ Entries: Array.from({ length: 10 }, () => VALID) }),
    );

    // Assert
    expect(none.name).toBe('ValidationException');
    expect(eleven.message).toMatch(/Member must have length less than or equal to 10/);
    expect(ten.FailedEntryCount).toBe(0);
  });

  it('refuses entries larger than 256 KB together', async () => {
    // Arrange
    const big = { ...VALID, Detail: JSON.stringify({ text: 'x'.repeat(140 * 1024) }) };

    // Act
    const one = await h.events.send(new PutEventsCommand({ Entries: [big] }));
    const two = await rejectionOf(h.events.send(new PutEventsCommand({ Entries: [big, big] })));

    // Assert
    expect(one.FailedEntryCount).toBe(0);
    expect(two.message).toBe('Total size of the entries in the request is over the limit.');
  });
});
