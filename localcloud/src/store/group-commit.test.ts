import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit, type StoreOp } from './group-commit.js';

let dataDir: string;
let db: ClassicLevel<string, string>;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  db = new ClassicLevel<string, string>(dataDir, { valueEncoding: 'utf8' });
  await db.open();
});

afterEach(async () => {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function put(key: string, length = 8): StoreOp {
  return { type: 'put', key, value: 'v'.repeat(length) };
}

describe('GroupCommit', () => {
  it('writes the commits of one turn together, each caller hearing once its writes are in', async () => {
    // Arrange
    const writer = new GroupCommit(db);
    const batches = vi.spyOn(db, 'batch');

    // Act
    await Promise.all([writer.commit([put('a')]), writer.commit([put('b'), put('c')])]);

    // Assert
    expect(batches).toHaveBeenCalledTimes(1);
    expect(await db.getMany(['a', 'b', 'c'])).toEqual(['v'.repeat(8), 'v'.repeat(8), 'v'.repeat(8)]);
  });

  it('starts writing a full batch before the turn ends, keeping every commit in one batch', async () => {
    // Arrange
    const writer = new GroupCommit(db);
    const batches = vi.spyOn(db, 'batch');

    // Act: the first commit fills a batch on its own (two writes of 20,000 characters).
    const full = writer.commit([put('big-1', 20_000), put('big-2', 20_000)]);
    const next = [
      writer.commit([put('small-1')]),
      writer.commit([put('small-2'), { type: 'del', key: 'a' }]),
    ];
    await Promise.all([full, ...next]);

    // Assert: the small commits went into a batch of their own, after the full one.
    expect(batches).toHaveBeenCalledTimes(2);
    expect(await db.getMany(['big-1', 'big-2', 'small-1', 'small-2'])).toEqual([
      'v'.repeat(20_000),
      'v'.repeat(20_000),
      'v'.repeat(8),
      'v'.repeat(8),
    ]);
  });

  it('drains what is queued and what is being written', async () => {
    // Arrange
    const writer = new GroupCommit(db);
    void writer.commit([put('early', 40_000)]);
    void writer.commit([put('late')]);

    // Act
    await writer.drain();

    // Assert
    expect(await db.getMany(['early', 'late'])).toEqual(['v'.repeat(40_000), 'v'.repeat(8)]);
  });

  it('rejects the commits of a store that cannot take them', async () => {
    // Arrange
    const writer = new GroupCommit(db);
    await db.close();

    // Act
    const committed = writer.commit([put('late')]);

    // Assert
    await expect(committed).rejects.toThrow();
  });
});
