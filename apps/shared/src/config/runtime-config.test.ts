import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, RuntimeConfigError } from './runtime-config';

const LOCAL = {
  region: 'us-east-1',
  apiUrl: 'http://127.0.0.1:3000/api',
  mqttUrl: 'ws://127.0.0.1:3000/mqtt',
  auth: {
    userPoolId: 'us-east-1_abc',
    userPoolClientId: 'client',
    userPoolEndpoint: 'http://127.0.0.1:3000/cognito',
  },
};

const answering = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('loadRuntimeConfig', () => {
  it('answers the local config as served', async () => {
    expect(await loadRuntimeConfig(answering(200, LOCAL))).toEqual(LOCAL);
  });

  it('accepts the AWS shape: IoT Core as mqttUrl, no user-pool endpoint', async () => {
    // Arrange
    const aws = {
      region: 'eu-west-1',
      apiUrl: 'https://d1.cloudfront.net/api',
      mqttUrl: 'wss://abc-ats.iot.eu-west-1.amazonaws.com/mqtt?x-amz-customauthorizer-name=CoffeeShop-mqtt',
      auth: { userPoolId: 'eu-west-1_x', userPoolClientId: 'c' },
    };

    // Act / Assert
    expect(await loadRuntimeConfig(answering(200, aws))).toEqual(aws);
  });

  it.each([
    ['a missing apiUrl', { ...LOCAL, apiUrl: undefined }, /apiUrl is missing/],
    ['no realtime endpoint', { ...LOCAL, mqttUrl: undefined }, /mqttUrl is missing/],
    ['no user pool', { ...LOCAL, auth: {} }, /auth.userPoolId is missing/],
  ])('refuses %s with a RuntimeConfigError naming it', async (_, body, problem) => {
    const failure = await loadRuntimeConfig(answering(200, body)).catch((error) => error);
    expect(failure).toBeInstanceOf(RuntimeConfigError);
    expect(failure.message).toMatch(problem);
  });

  it('refuses an error answer', async () => {
    await expect(loadRuntimeConfig(answering(404, {}))).rejects.toThrow(/Could not load \/config.json/);
  });
});
