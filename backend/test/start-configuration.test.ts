import { rmSync } from 'node:fs';
import { LocalCloud } from '@coffee/localcloud';
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../src/resources.js';
import { BACKEND_DIR, newDataDir } from './support/local-cloud.js';

const dataDir = newDataDir('start-configuration');

afterEach(() => {
  delete process.env.COFFEE_CAPACITY;
  delete process.env.COFFEE_SHOPS;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('starting the shop with its COFFEE_* variables', () => {
  it.each([
    [
      'a limit that is not a whole number within bounds',
      'COFFEE_CAPACITY',
      'abc',
      'COFFEE_CAPACITY must be a whole number from 1 to 5000; it is "abc".',
    ],
    [
      'a shop id that is not one',
      'COFFEE_SHOPS',
      'terrace,the stage',
      'COFFEE_SHOPS lists id or id=Name entries, comma-separated: "the stage" is not a shop id (1 to 128 letters, digits, "-" or "_").',
    ],
  ])(
    'refuses to start with %s, naming it',
    async (_case, variable, value, problem) => {
      // Arrange: the functions' runtime shares this process's environment, as `npm start`'s does
      process.env[variable] = value;

      // Act
      const outcome = await LocalCloud.start({
        dataDir,
        edgePort: 0,
        log: () => undefined,
        outboxLog: () => undefined,
        app: { declaration: resources, baseDir: BACKEND_DIR, userPassword: 'Pw-start-A1' },
      }).then(
        async (cloud) => {
          await cloud.stop();
          return 'started';
        },
        (error: unknown) => error,
      );

      // Assert
      expect(outcome).toBeInstanceOf(Error);
      expect((outcome as Error).message).toBe(`function 'api' could not be loaded: ${problem}`);
    },
    60_000,
  );
});
