import { join } from 'node:path';
import {
  CreateEventBusCommand,
  DescribeRuleCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBridgeService, localTargetInvoker } from '../../src/eventbridge/index.js';
import { StoreLockedError } from '../../src/stepfunctions/engine/engine.js';
import { type EventBridgeHarness, startHarness } from './support/harness.js';
import { recordingFunction, waitUntil } from './support/recorder.js';

let h: EventBridgeHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const PATTERN = JSON.stringify({ source: ['coffee.shop'] });
const ENTRY = {
  EventBusName: 'coffee',
  Source: 'coffee.shop',
  DetailType: 'OrderManager.OrderSubmitted',
  Detail: '{"orderId":"o-1"}',
};

/** A bus `coffee` with one rule whose target is `arn`. */
async function setUp(harness: EventBridgeHarness, arn: string, retryAttempts?: number): Promise<void> {
  await harness.events.send(new CreateEventBusCommand({ Name: 'coffee' }));
  await harness.events.send(
    new PutRuleCommand({ Name: 'orders', EventBusName: 'coffee', EventPattern: PATTERN }),
  );
  await harness.events.send(
    new PutTargetsCommand({
      Rule: 'orders',
      EventBusName: 'coffee',
      Targets: [
        {
          Id: 'fn',
          Arn: arn,
          ...(retryAttempts !== undefined && { RetryPolicy: { MaximumRetryAttempts: retryAttempts } }),
        },
      ],
    }),
  );
}

describe('restart', () => {
  it('keeps buses, rules and targets, and routes with them', async () => {
    // Arrange
    h = await startHarness();
    const fn = recordingFunction(h.lambda, 'kept');
    await setUp(h, fn.arn);

    // Act
    await h.restart();
    const rule = await h.events.send(new DescribeRuleCommand({ Name: 'orders', EventBusName: 'coffee' }));
    const targets = await h.events.send(
      new ListTargetsByRuleCommand({ Rule: 'orders', EventBusName: 'coffee' }),
    );
    await h.events.send(new PutEventsCommand({ Entries: [ENTRY] }));
    await h.service.idle();

    // Assert
    expect(rule).toMatchObject({
      Name: 'orders',
      EventPattern: PATTERN,
      State: 'ENABLED',
      EventBusName: 'coffee',
    });
    expect(targets.Targets).toEqual([{ Id: 'fn', Arn: fn.arn }]);
    expect(fn.events).toHaveLength(1);
  });

  it('delivers after a restart what was accepted but not yet delivered', async () => {
    // Arrange
    h = await startHarness();
    let hold = true;
    const delivered: unknown[] = [];
    h.lambda.register('held', async (event) => {
      // While held, the invocation never ends: the delivery is still pending when the service stops.
      if (hold) await new Promise(() => {});
      delivered.push(event);
    });
    await setUp(h, h.lambda.arnOf('held'));
    const put = await h.events.send(new PutEventsCommand({ Entries: [ENTRY, ENTRY] }));

    // Act
    await h.restart();
    hold = false;
    await h.service.idle();

    // Assert
    const ids = (put.Entries ?? []).map((entry) => entry.EventId);
    expect(delivered.map((event) => (event as { id: string }).id).sort()).toEqual(ids.sort());
  });

  it('keeps retrying after a restart, counting the attempts made before it, then dead-letters', async () => {
    // Arrange
    h = await startHarness({ retry: { baseDelayMs: 100, maxDelayMs: 100 } });
    const fn = recordingFunction(h.lambda, 'down', 'Down');
    await setUp(h, fn.arn, 3);
    await h.events.send(new PutEventsCommand({ Entries: [ENTRY] }));
    await waitUntil(() => fn.events.length === 2);

    // Act
    await h.restart();
    const pendingAfterRestart = h.service.pendingDeliveries;
    await h.service.idle();
    const letters = await h.service.listDeadLetters();
    await h.restart();
    const lettersAfterRestart = await h.service.listDeadLetters();

    // Assert
    expect(pendingAfterRestart).toBe(1);
    expect(letters).toEqual([
      expect.objectContaining({ attempts: 4, exhaustedRetryCondition: 'MaximumRetryAttempts' }),
    ]);
    expect(fn.events.length).toBeGreaterThanOrEqual(4);
    expect(lettersAfterRestart).toEqual(letters);
  });

  it('redrives after a restart what was dead-lettered before it', async () => {
    // Arrange
    h = await startHarness();
    const fn = recordingFunction(h.lambda, 'fixed-later', 'Down');
    await setUp(h, fn.arn, 0);
    await h.events.send(new PutEventsCommand({ Entries: [ENTRY] }));
    await h.service.idle();

    // Act
    await h.restart();
    fn.failWith = undefined;
    const redriven = await h.service.redriveDeadLetters();
    await h.service.idle();

    // Assert
    expect(redriven).toHaveLength(1);
    expect(fn.events).toHaveLength(2);
    expect(await h.service.listDeadLetters()).toEqual([]);
  });

  it('refuses to open a data folder another running service holds', async () => {
    // Arrange
    h = await startHarness();

    // Act
    const second = EventBridgeService.open({
      dataDir: join(h.dataDir, 'eventbridge'),
      region: 'us-east-1',
      targets: localTargetInvoker({ stepFunctions: h.stepFunctions, lambda: h.lambda }),
    });

    // Assert
    await expect(second).rejects.toThrow(StoreLockedError);
  });
});
