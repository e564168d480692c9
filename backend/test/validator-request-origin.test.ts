import { describe, expect, it } from 'vitest';
import { requestOrigin } from '../src/validator/request-origin.js';

const from = (headers: Record<string, string>) => (name: string) => headers[name.toLowerCase()];

describe('requestOrigin', () => {
  it.each<[string, Record<string, string>, string]>([
    ['the Host header', { host: '192.168.1.20:3000' }, 'http://192.168.1.20:3000'],
    [
      'a forwarded host and protocol',
      { host: 'abc.execute-api', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'coffee.example.com' },
      'https://coffee.example.com',
    ],
    [
      'a forwarded non-standard port',
      { 'x-forwarded-host': '10.0.0.5', 'x-forwarded-port': '5173' },
      'http://10.0.0.5:5173',
    ],
    [
      'a forwarded standard port',
      { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'a.example', 'x-forwarded-port': '443' },
      'https://a.example',
    ],
    [
      'the first of a list',
      { 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'a.example, proxy.internal' },
      'https://a.example',
    ],
    ['an IPv6 host', { host: '[::1]:8080' }, 'http://[::1]:8080'],
    [
      'a port on the Host only',
      { host: 'laptop.local:3000', 'x-forwarded-port': '9999' },
      'http://laptop.local:3000',
    ],
  ])('takes %s', (_, headers, origin) => {
    expect(requestOrigin(from(headers))).toBe(origin);
  });

  it.each<[string, Record<string, string>]>([
    ['no host', {}],
    ['a host with a path', { host: 'evil.example/phish' }],
    ['a host with credentials', { host: 'user@evil.example' }],
    ['another protocol', { host: 'a.example', 'x-forwarded-proto': 'javascript' }],
  ])('refuses %s with invalid-request', (_, headers) => {
    expect(() => requestOrigin(from(headers))).toThrow(expect.objectContaining({ code: 'invalid-request' }));
  });
});
