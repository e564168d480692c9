import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTBOX_FILE, Outbox } from './outbox.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'localcloud-outbox-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const quiet = () => undefined;

describe('Outbox', () => {
  it('stamps, stores and prints each message', async () => {
    // Arrange
    const lines: string[] = [];
    const outbox = await Outbox.open({
      dataDir,
      log: (line) => lines.push(line),
      now: () => Date.UTC(2025, 0, 2),
    });

    // Act
    const sent = await outbox.send({
      to: 'a@example.com',
      subject: 'Your code',
      body: 'Code 123456',
      code: '123456',
    });

    // Assert
    expect(sent).toEqual({
      to: 'a@example.com',
      subject: 'Your code',
      body: 'Code 123456',
      code: '123456',
      time: '2025-01-02T00:00:00.000Z',
    });
    expect(outbox.list()).toEqual([sent]);
    expect(lines).toEqual(['[outbox] to a@example.com: "Your code" (code 123456)']);
    expect(readFileSync(join(dataDir, OUTBOX_FILE), 'utf8')).toBe(`${JSON.stringify(sent)}\n`);
  });

  it('keeps the order of concurrent sends and reads them back after a reopen', async () => {
    // Arrange
    const outbox = await Outbox.open({ dataDir, log: quiet });

    // Act
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => outbox.send({ to: `user-${i}`, subject: 'n', body: String(i) })),
    );
    await outbox.close();
    const reopened = await Outbox.open({ dataDir, log: quiet });

    // Assert
    expect(reopened.list().map((message) => message.body)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
  });

  it('skips a line cut short by a crash', async () => {
    // Arrange
    const outbox = await Outbox.open({ dataDir, log: quiet });
    await outbox.send({ to: 'a', subject: 's', body: 'whole' });
    appendFileSync(join(dataDir, OUTBOX_FILE), '{"to":"b","subj');

    // Act
    const reopened = await Outbox.open({ dataDir, log: quiet });

    // Assert
    expect(reopened.list().map((message) => message.body)).toEqual(['whole']);
  });

  it('hands out copies, so callers cannot change what was sent', async () => {
    // Arrange
    const outbox = await Outbox.open({ dataDir, log: quiet });
    await outbox.send({ to: 'a', subject: 's', body: 'b' });

    // Act
    const listed = outbox.list();
    (listed[0] as { body: string }).body = 'changed';

    // Assert
    expect(outbox.list()[0]?.body).toBe('b');
  });

  it('keeps the newest messages, listed and on disk, however many are sent', async () => {
    // Arrange
    const outbox = await Outbox.open({ dataDir, log: quiet, keep: 10 });
    const bodies = Array.from({ length: 35 }, (_, i) => String(i));
    const linesOnDisk = () => readFileSync(join(dataDir, OUTBOX_FILE), 'utf8').trim().split('\n').length;

    // Act
    let mostOnDisk = 0;
    for (const body of bodies) {
      await outbox.send({ to: 'a', subject: 's', body });
      mostOnDisk = Math.max(mostOnDisk, linesOnDisk());
    }
    const listed = outbox.list().map((message) => message.body);
    await outbox.close();
    const reopened = await Outbox.open({ dataDir, log: quiet, keep: 10 });

    // Assert
    expect(listed).toEqual(bodies.slice(-10));
    expect(mostOnDisk).toBeLessThanOrEqual(20);
    expect(reopened.list().map((message) => message.body)).toEqual(bodies.slice(-10));
  });

  it('trims a file that holds more than it keeps as it opens', async () => {
    // Arrange: written by a version that kept every message.
    const outbox = await Outbox.open({ dataDir, log: quiet });
    for (let i = 0; i < 30; i++) await outbox.send({ to: 'a', subject: 's', body: String(i) });
    await outbox.close();

    // Act
    const reopened = await Outbox.open({ dataDir, log: quiet, keep: 10 });

    // Assert
    expect(reopened.list().map((message) => message.body)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(20 + i)),
    );
    expect(readFileSync(join(dataDir, OUTBOX_FILE), 'utf8').trim().split('\n')).toHaveLength(10);
  });
});
