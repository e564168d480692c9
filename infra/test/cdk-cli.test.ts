import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STACK_NAME } from '../lib/coffee-shop-app.js';

const INFRA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The environment without any AWS account: no credentials, no profile, no instance metadata. */
function withoutAws(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  return {
    ...env,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_CONFIG_FILE: '/nonexistent',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
  };
}

describe('cdk synth (the pinned CLI, through cdk.json)', () => {
  it('synthesizes the app with no AWS account, cdk-nag passing', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'coffee-cdk-out-'));
    const run = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', outdir], {
      cwd: INFRA_DIR,
      env: withoutAws(),
      encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const templateFile = join(outdir, `${DEFAULT_STACK_NAME}.template.json`);
    expect(existsSync(templateFile)).toBe(true);
    const template = JSON.parse(readFileSync(templateFile, 'utf8'));
    expect(Object.keys(template.Resources).length).toBeGreaterThan(50);
    rmSync(outdir, { recursive: true, force: true });
  });

  it('refuses a malformed shop setting of the deployer in one line, deploying nothing', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'coffee-cdk-out-'));
    const run = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', outdir], {
      cwd: INFRA_DIR,
      env: { ...withoutAws(), COFFEE_CAPACITY: 'lots' },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      'The coffee shop cannot be deployed: COFFEE_CAPACITY must be a whole number from 1 to 5000; it is "lots".\n',
    );
    expect(run.stderr).not.toMatch(/\bat createCoffeeShopApp\b/);
    expect(existsSync(join(outdir, `${DEFAULT_STACK_NAME}.template.json`))).toBe(false);
    rmSync(outdir, { recursive: true, force: true });
  });
});
