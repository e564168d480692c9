/**
 * `npm run simulate -- [options]`: a rush of virtual customers and baristas against a running shop
 * — the local runtime (`npm start`) by default, or a deployed stack (`--url https://… --edge none`,
 * with AWS credentials that may create users in the pool). See bench/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { progressLine, simulateRush, summaryLines } from './rush-simulator.js';
import { ShopClient } from './shop-client.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    edge: { type: 'string', default: 'http://127.0.0.1:4566' },
    shop: { type: 'string', default: 'main' },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '30' },
    baristas: { type: 'string', default: '2' },
    make: { type: 'string', default: '20' },
    choose: { type: 'string', default: '5' },
    cancel: { type: 'string', default: '0.1' },
    'walk-away': { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '1' },
    'data-dir': { type: 'string', default: join(import.meta.dirname, '..', '..', '..', '.data') },
  },
});

/** The staff's passwords: STAFF_PASSWORD, else the ones the local runtime kept at its first start. */
function staffPasswords(): { barista: string; display: string } {
  const shared = process.env.STAFF_PASSWORD;
  if (shared) return { barista: shared, display: shared };
  try {
    const accounts = JSON.parse(readFileSync(join(values['data-dir'], 'accounts.json'), 'utf8')) as Array<{
      username: string;
      password: string;
    }>;
    const find = (name: string) => accounts.find((account) => account.username === name)?.password ?? '';
    return { barista: find('barista'), display: find('display') };
  } catch {
    throw new Error(
      'Set STAFF_PASSWORD, or run against the local runtime whose .data/accounts.json is readable',
    );
  }
}

const number = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
};

const passwords = staffPasswords();
const shop = await ShopClient.connect(values.url, values.edge === 'none' ? undefined : values.edge);
const interactive = process.stdout.isTTY;
let lastLogged = 0;
console.log(
  `simulate: ${values.rate} customers/min for ${values.seconds} s at ${values.url}, ${values.baristas} baristas`,
);
try {
  const tally = await simulateRush(
    shop,
    {
      shopId: values.shop,
      durationSeconds: number('seconds'),
      customersPerMinute: number('rate'),
      baristas: number('baristas'),
      makeSeconds: number('make'),
      chooseSeconds: number('choose'),
      cancelShare: number('cancel'),
      walkAwayShare: number('walk-away'),
      seed: number('seed'),
      baristaPassword: passwords.barista,
      displayPassword: passwords.display,
    },
    (progress, elapsed) => {
      if (interactive) process.stdout.write(`\r\x1b[K${progressLine(progress, elapsed)}`);
      else if (elapsed - lastLogged >= 5) {
        lastLogged = elapsed;
        console.log(progressLine(progress, elapsed));
      }
    },
  );
  if (interactive) process.stdout.write('\n');
  console.log(summaryLines(tally).join('\n'));
  process.exitCode = tally.faults > 0 ? 1 : 0;
} finally {
  shop.close();
}
