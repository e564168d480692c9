import {
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  type Target,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../src/eventbridge/index.js';
import { type EventBridgeHarness, startHarness } from './support/harness.js';
import { recordingFunction, waitUntil } from './support/recorder.js';

let h: EventBridgeHarness;
let skewMs = 0;
beforeAll(async () => {
  // The clock can be moved forward, to age events past their retry policy's limit.
  h = await startHarness({ now: () => Date.now() + skewMs });
});
afterAll(async () => {
  await h.stop();
});

let ruleCounter = 0;

/** Creates a rule for a fresh source, with `targets`, and returns a function that publishes to it. */
async function ruleWith(targets: Target[]): Promise<(detail?: object) => Promise<string>> {
  const source = `delivery.test.${++ruleCounter}`;
  await h.events.send(
    new PutRuleCommand({ Name: `rule-${ruleCounter}`, EventPattern: JSON.stringify({ source: [source] }) }),
  );
  await h.events.send(new PutTargetsCommand({ Rule: `rule-${ruleCounter}`, Targets: targets }));
  return async (detail = {}) => {
    const put = await h.events.send(
      new PutEventsCommand({
        Entries: [{ Source: source, DetailType: 'Test', Detail: JSON.stringify(detail) }],
      }),
    );
    return put.Entries?.[0]?.EventId as string;
  };
}

/** The dead letters of one target. */
async function lettersFor(targetId: string): Promise<DeadLetter[]> {
  return (await h.service.listDeadLetters()).filter((letter) => letter.target.id === targetId);
}

async function deadLettersOver(edge: string): Promise<DeadLetter[]> {
  const response = await fetch(`${edge}/_localcloud/events/dead-letters`);
  expect(response.status).toBe(200);
  return (await response.json()) as DeadLetter[];
}

async function redriveOver(edge: string, body?: object): Promise<Response> {
  return fetch(`${edge}/_localcloud/events/dead-letters/redrive`, {
    method: 'POST',
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  });
}

describe('delivery', () => {
  it('retries a failing target, then dead-letters it, and redrives it once fixed', async () => {
    // Arrange
    const fn = recordingFunction(h.lambda, 'flaky', 'OvenOnFire');
    const publish = await ruleWith([{ Id: 'flaky', Arn: fn.arn, RetryPolicy: { MaximumRetryAttempts: 3 } }]);

    // Act
    const eventId = await publish({ orderId: 'o-1' });
    await h.service.idle();
    const letters = (await deadLettersOver(h.edge.url)).filter((letter) => letter.target.id === 'flaky');
    fn.failWith = undefined;
    const redrive = await redriveOver(h.edge.url, { ids: letters.map((letter) => letter.id) });
    await h.service.idle();

    // Assert
    expect(letters).toEqual([
      {
        id: expect.any(String),
        event: expect.objectContaining({ id: eventId, detail: { orderId: 'o-1' } }),
        eventBusName: 'default',
        rule: {
          name: `rule-${ruleCounter}`,
          arn: `arn:aws:events:us-east-1:000000000000:rule/rule-${ruleCounter}`,
        },
        target: { id: 'flaky', arn: fn.arn },
        error: { code: 'OvenOnFire', message: 'flaky is failing on purpose' },
        attempts: 4,
        exhaustedRetryCondition: 'MaximumRetryAttempts',
        acceptedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        lastAttemptAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        deadLetteredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(redrive.status).toBe(200);
    expect(await redrive.json()).toEqual({ redriven: letters.map((letter) => letter.id) });
    expect(fn.events).toHaveLength(5);
    expect(await lettersFor('flaky')).toEqual([]);
  });

  it('never lets a failing target hold up or lose another', async () => {
    // Arrange
    const broken = recordingFunction(h.lambda, 'broken', 'Broken');
    const healthy = recordingFunction(h.lambda, 'healthy');
    const publish = await ruleWith([
      { Id: 'broken', Arn: broken.arn },
      { Id: 'healthy', Arn: healthy.arn },
    ]);

    // Act
    const ids = [await publish({ n: 1 }), await publish({ n: 2 }), await publish({ n: 3 })];
    await waitUntil(() => healthy.events.length === 3 && broken.events.length >= 6);
    // The healthy deliveries are done once written; the broken ones stay pending, retrying.
    await waitUntil(() => h.service.pendingDeliveries === 3);

    // Assert
    expect(healthy.events.map((event) => (event as { id: string }).id).sort()).toEqual([...ids].sort());
    broken.failWith = undefined;
    await h.service.idle();
    expect(new Set(broken.events.map((event) => (event as { id: string }).id))).toEqual(new Set(ids));
  });

  it('stops retrying once the event is older than MaximumEventAgeInSeconds', async () => {
    // Arrange
    const fn = recordingFunction(h.lambda, 'slow-to-recover', 'StillDown');
    const publish = await ruleWith([
      { Id: 'aged', Arn: fn.arn, RetryPolicy: { MaximumEventAgeInSeconds: 60 } },
    ]);

    // Act
    await publish();
    await waitUntil(() => fn.events.length >= 2);
    skewMs = 61_000;
    await h.service.idle();
    skewMs = 0;

    // Assert
    const letters = await lettersFor('aged');
    expect(letters).toEqual([
      expect.objectContaining({
        target: { id: 'aged', arn: fn.arn },
        exhaustedRetryCondition: 'MaximumEventAgeInSeconds',
      }),
    ]);
    await h.service.redriveDeadLetters([]);
    expect(await lettersFor('aged')).toHaveLength(1);
    fn.failWith = undefined;
    await h.service.redriveDeadLetters(letters.map((letter) => letter.id));
    await h.service.idle();
    expect(await lettersFor('aged')).toEqual([]);
  });

  it('dead-letters at once a target that does not exist, without retrying', async () => {
    // Arrange
    const missing = 'arn:aws:states:us-east-1:000000000000:stateMachine:does-not-exist';
    const publish = await ruleWith([{ Id: 'missing', Arn: missing }]);

    // Act
    await publish();
    await h.service.idle();
    const letters = await lettersFor('missing');

    // Assert
    expect(letters).toEqual([
      expect.objectContaining({
        target: { id: 'missing', arn: missing },
        attempts: 1,
        error: expect.objectContaining({ code: 'StateMachineDoesNotExist' }),
      }),
    ]);
    expect(letters[0]).not.toHaveProperty('exhaustedRetryCondition');
    const cleared = await h.service.redriveDeadLetters(letters.map((letter) => letter.id));
    await h.service.idle();
    expect(cleared).toHaveLength(1);
  });

  it('answers the dead-letter routes as a local REST door', async () => {
    // Act
    const badBody = await fetch(`${h.edge.url}/_localcloud/events/dead-letters/redrive`, {
      method: 'POST',
      body: '{"ids": 3}',
    });
    const wrongMethod = await fetch(`${h.edge.url}/_localcloud/events/dead-letters`, { method: 'DELETE' });
    const redriveAll = await redriveOver(h.edge.url);

    // Assert
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toEqual({
      error: { code: 'invalid-request', message: '"ids" must be a list of dead-letter ids' },
    });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect(redriveAll.status).toBe(200);
  });
});
