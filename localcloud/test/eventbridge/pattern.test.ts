import { describe, expect, it } from 'vitest';
import { InvalidEventPatternException } from '../../src/eventbridge/errors.js';
import { matchesPattern, parseEventPattern, parseJsonText } from '../../src/eventbridge/pattern/index.js';

/**
 * Event pattern matching, table-driven from the examples of the EventBridge user guide: "Event
 * patterns", "Matching null values and empty strings", "Arrays in event patterns" and "Comparison
 * operators for use in event patterns" (content filtering), plus the operator table's rows.
 * Each example appears with events it matches and events it must not match.
 */

/** The EC2 event of the "Event patterns" page. */
const EC2_EVENT = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

/** The Auto Scaling event of "Matching null values and empty strings". */
const AUTOSCALING_EVENT = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

/** The sample event of the content filtering examples. */
const FILTERING_EVENT = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

/** `FILTERING_EVENT` with its `detail` changed. */
function withDetail(detail: Record<string, unknown>) {
  return { ...FILTERING_EVENT, detail: { ...FILTERING_EVENT.detail, ...detail } };
}

/** `FILTERING_EVENT` without some `detail` fields. */
function withoutDetail(...names: string[]) {
  const detail: Record<string, unknown> = { ...FILTERING_EVENT.detail };
  for (const name of names) delete detail[name];
  return { ...FILTERING_EVENT, detail };
}

interface Case {
  name: string;
  /** The pattern, or its JSON text where the text of a number matters. */
  pattern: unknown;
  event: unknown;
  matches: boolean;
}

const cases: Case[] = [
  // --- Event patterns: the EC2 example and matching values ---
  {
    name: 'EC2 instance-termination pattern matches the terminated event',
    pattern: {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    },
    event: EC2_EVENT,
    matches: true,
  },
  {
    name: 'EC2 instance-termination pattern does not match a running instance',
    pattern: { source: ['aws.ec2'], detail: { state: ['terminated'] } },
    event: { ...EC2_EVENT, detail: { ...EC2_EVENT.detail, state: 'running' } },
    matches: false,
  },
  {
    name: 'several values: source is aws.ec2 or aws.fargate (fargate)',
    pattern: { source: ['aws.ec2', 'aws.fargate'] },
    event: { ...EC2_EVENT, source: 'aws.fargate' },
    matches: true,
  },
  {
    name: 'several values: source is aws.ec2 or aws.fargate (s3)',
    pattern: { source: ['aws.ec2', 'aws.fargate'] },
    event: { ...EC2_EVENT, source: 'aws.s3' },
    matches: false,
  },
  {
    name: 'a field named by the pattern must be in the event',
    pattern: { detail: { 'instance-type': ['t3.micro'] } },
    event: EC2_EVENT,
    matches: false,
  },
  {
    name: 'fields must appear with the same nesting',
    pattern: { state: ['terminated'] },
    event: EC2_EVENT,
    matches: false,
  },
  {
    name: 'strings match exactly, without case folding',
    pattern: { 'detail-type': ['EC2 instance state-change notification'] },
    event: EC2_EVENT,
    matches: false,
  },
  {
    name: 'a string does not match a number',
    pattern: { detail: { 'c-count': ['5'] } },
    event: FILTERING_EVENT,
    matches: false,
  },
  {
    name: 'Macie example: risk score 80 and trigger risk 8',
    pattern: {
      source: ['aws.macie'],
      'detail-type': ['Macie Alert'],
      detail: { 'risk-score': [80], trigger: { risk: [8] } },
    },
    event: {
      source: 'aws.macie',
      'detail-type': 'Macie Alert',
      detail: { 'risk-score': 80, trigger: { 'alert-type': 'basic', risk: 8 } },
    },
    matches: true,
  },
  {
    name: 'Macie example: another risk score',
    pattern: { source: ['aws.macie'], detail: { 'risk-score': [80], trigger: { risk: [8] } } },
    event: { source: 'aws.macie', detail: { 'risk-score': 81, trigger: { risk: 8 } } },
    matches: false,
  },
  {
    name: 'booleans match booleans',
    pattern: { detail: { enabled: [true] } },
    event: { detail: { enabled: true } },
    matches: true,
  },
  {
    name: 'true does not match the string "true"',
    pattern: { detail: { enabled: [true] } },
    event: { detail: { enabled: 'true' } },
    matches: false,
  },

  // --- Null values and empty strings ---
  {
    name: 'null matches a null value',
    pattern: { detail: { responseElements: [null] } },
    event: AUTOSCALING_EVENT,
    matches: true,
  },
  {
    name: 'the field-matching example: source, detail-type and a null value',
    pattern: {
      source: ['aws.autoscaling'],
      'detail-type': ['EC2 Instance Launch Successful'],
      detail: { responseElements: [null] },
    },
    event: AUTOSCALING_EVENT,
    matches: true,
  },
  {
    name: 'an empty string matches an empty string',
    pattern: { detail: { eventVersion: [''] } },
    event: AUTOSCALING_EVENT,
    matches: true,
  },
  {
    name: 'null does not match an empty string',
    pattern: { detail: { eventVersion: [null] } },
    event: AUTOSCALING_EVENT,
    matches: false,
  },
  {
    name: 'an empty string does not match null',
    pattern: { detail: { responseElements: [''] } },
    event: AUTOSCALING_EVENT,
    matches: false,
  },
  {
    name: 'null does not match a missing field',
    pattern: { detail: { missing: [null] } },
    event: AUTOSCALING_EVENT,
    matches: false,
  },

  // --- Arrays ---
  {
    name: 'arrays: the pattern matches when its array and the event array intersect',
    pattern: {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    },
    event: {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    },
    matches: true,
  },
  {
    name: 'arrays: no common element, no match',
    pattern: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] },
    event: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-other'] },
    matches: false,
  },
  {
    name: 'arrays of objects: fields of one element match',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Smith'] } },
    event: {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    },
    matches: true,
  },
  {
    name: 'arrays of objects: fields are never matched across elements',
    pattern: { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
    event: {
      employees: [
        [
          { firstName: 'John', lastName: 'Doe' },
          { firstName: 'Anna', lastName: 'Smith' },
        ],
        [{ firstName: 'Peter', lastName: 'Jones' }],
      ],
    },
    matches: false,
  },

  // --- Prefix and suffix ---
  {
    name: 'prefix: time starts with 2017-10-02',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'prefix: another day',
    pattern: { time: [{ prefix: '2017-10-03' }] },
    event: FILTERING_EVENT,
    matches: false,
  },
  {
    name: 'prefix only works on strings',
    pattern: { detail: { 'c-count': [{ prefix: '5' }] } },
    event: FILTERING_EVENT,
    matches: false,
  },
  {
    name: 'begins with (table): Region is in the US',
    pattern: { Region: [{ prefix: 'us-' }] },
    event: { Region: 'us-east-1' },
    matches: true,
  },
  {
    name: 'prefix ignoring case: EventB matches eventbridge',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: { detail: { service: 'eventbridge' } },
    matches: true,
  },
  {
    name: 'prefix ignoring case: EventB matches EVENTBRIDGE',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: { detail: { service: 'EVENTBRIDGE' } },
    matches: true,
  },
  {
    name: 'prefix ignoring case: another service',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: { detail: { service: 'lambda' } },
    matches: false,
  },
  {
    name: 'suffix: FileName ends with .png',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.png' },
    matches: true,
  },
  {
    name: 'suffix is case-sensitive',
    pattern: { FileName: [{ suffix: '.png' }] },
    event: { FileName: 'image.PNG' },
    matches: false,
  },
  {
    name: 'suffix ignoring case: .png matches .PNG',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    event: { detail: { FileName: 'IMAGE.PNG' } },
    matches: true,
  },
  {
    name: 'suffix ignoring case (table): tBridge matches EVENTBRIDGE',
    pattern: { service: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] },
    event: { service: 'EVENTBRIDGE' },
    matches: true,
  },
  {
    name: 'suffix ignoring case: another extension',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    event: { detail: { FileName: 'image.jpg' } },
    matches: false,
  },

  // --- Equals ignoring case ---
  {
    name: 'equals-ignore-case (table): alice matches Alice',
    pattern: { Name: [{ 'equals-ignore-case': 'alice' }] },
    event: { Name: 'Alice' },
    matches: true,
  },
  {
    name: 'equals-ignore-case: the detail-type in lower case',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] },
    event: EC2_EVENT,
    matches: true,
  },
  {
    name: 'equals-ignore-case: another name',
    pattern: { Name: [{ 'equals-ignore-case': 'alice' }] },
    event: { Name: 'Alicia' },
    matches: false,
  },

  // --- Anything-but ---
  {
    name: 'anything-but a string: another state',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'anything-but a string: that state',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: withDetail({ state: 'initializing' }),
    matches: false,
  },
  {
    name: 'anything-but needs the field to be there',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: withoutDetail('state'),
    matches: false,
  },
  {
    name: 'anything-but a number: another number',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'anything-but a number: that number',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    event: withDetail({ 'x-limit': 123 }),
    matches: false,
  },
  {
    name: 'anything-but a list of strings: a state not listed',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'anything-but a list of strings: a listed state',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: withDetail({ state: 'overloaded' }),
    matches: false,
  },
  {
    name: 'anything-but a list of numbers: a number not listed',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'anything-but a list of numbers: a listed number',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: withDetail({ 'x-limit': 200 }),
    matches: false,
  },
  {
    name: 'not (table): the weather is anything but raining',
    pattern: { Weather: [{ 'anything-but': ['Raining'] }] },
    event: { Weather: 'Sunny' },
    matches: true,
  },
  {
    name: 'anything-but a prefix: a state without it',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'anything-but a prefix: a state with it',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: withDetail({ state: 'initializing' }),
    matches: false,
  },
  {
    name: 'anything-but begins with (table): Region is not in the US',
    pattern: { Region: [{ 'anything-but': { prefix: 'us-' } }] },
    event: { Region: 'us-west-2' },
    matches: false,
  },
  {
    name: 'anything-but a suffix: another extension',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    event: { detail: { FileName: 'notes.png' } },
    matches: true,
  },
  {
    name: 'anything-but a suffix: that extension',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    event: { detail: { FileName: 'notes.txt' } },
    matches: false,
  },
  {
    name: 'anything-but ignoring case: another state',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'anything-but ignoring case: that state in capitals',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } },
    event: withDetail({ state: 'INITIALIZING' }),
    matches: false,
  },
  {
    name: 'anything-but ignoring case, a list: a listed state',
    pattern: {
      detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] },
    },
    event: withDetail({ state: 'Stopped' }),
    matches: false,
  },
  {
    name: 'anything-but a wildcard: a path without /lib/',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    event: { detail: { FilePath: '/usr/bin/node' } },
    matches: true,
  },
  {
    name: 'anything-but a wildcard: a path with /lib/',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    event: { detail: { FilePath: '/usr/lib/node' } },
    matches: false,
  },
  {
    name: 'anything-but a list of wildcards: a listed path',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] } },
    event: { detail: { FilePath: '/usr/bin/node' } },
    matches: false,
  },

  // --- Numeric ---
  {
    name: 'numeric: every field within its range',
    pattern: {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'numeric: c-count above the range',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } },
    event: withDetail({ 'c-count': 6 }),
    matches: false,
  },
  {
    name: 'numeric: c-count on the open lower bound',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } },
    event: withDetail({ 'c-count': 0 }),
    matches: false,
  },
  {
    name: 'numeric: d-count on the open upper bound',
    pattern: { detail: { 'd-count': [{ numeric: ['<', 10] }] } },
    event: withDetail({ 'd-count': 10 }),
    matches: false,
  },
  {
    name: 'numeric equals compares values, not text',
    pattern: { detail: { 'x-limit': [{ numeric: ['=', 3.018e2] }] } },
    event: parseJsonText('{"detail": {"x-limit": 301.80}}'),
    matches: true,
  },
  {
    name: 'numeric: another value',
    pattern: { detail: { 'x-limit': [{ numeric: ['=', 3.018e2] }] } },
    event: withDetail({ 'x-limit': 301.9 }),
    matches: false,
  },
  {
    name: 'numeric equals (table): the price is 100',
    pattern: { Price: [{ numeric: ['=', 100] }] },
    event: { Price: 100 },
    matches: true,
  },
  {
    name: 'numeric range (table): the price is above 10 and at most 20',
    pattern: { Price: [{ numeric: ['>', 10, '<=', 20] }] },
    event: { Price: 20 },
    matches: true,
  },
  {
    name: 'numeric only works on numbers',
    pattern: { Price: [{ numeric: ['>', 10] }] },
    event: { Price: '15' },
    matches: false,
  },
  {
    name: 'numeric keeps six decimal places',
    pattern: { Price: [{ numeric: ['=', 1] }] },
    event: { Price: 1.0000001 },
    matches: true,
  },

  // --- Exact numbers: compared as written ---
  {
    name: 'a number matches the same number',
    pattern: { detail: { 'risk-score': [300] } },
    event: parseJsonText('{"detail": {"risk-score": 300}}'),
    matches: true,
  },
  {
    name: '300 does not match 300.0',
    pattern: { detail: { 'risk-score': [300] } },
    event: parseJsonText('{"detail": {"risk-score": 300.0}}'),
    matches: false,
  },
  {
    name: '3.0e2 does not match 300',
    pattern: '{"detail": {"risk-score": [3.0e2]}}',
    event: parseJsonText('{"detail": {"risk-score": 300}}'),
    matches: false,
  },

  // --- IP addresses ---
  {
    name: 'cidr: an IPv4 address in 10.0.0.0/24',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    event: { detail: { sourceIPAddress: '10.0.0.123' } },
    matches: true,
  },
  {
    name: 'cidr: an IPv4 address outside 10.0.0.0/24',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    event: { detail: { sourceIPAddress: '10.0.1.1' } },
    matches: false,
  },
  {
    name: 'cidr: the complex example source-ip in 10.0.0.0/8',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/8' }] } },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'cidr: an IPv6 address in 2001:db8::/32',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } },
    event: { detail: { sourceIPAddress: '2001:db8:1234:1a00::1' } },
    matches: true,
  },
  {
    name: 'cidr: an IPv6 address outside 2001:db8::/32',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } },
    event: { detail: { sourceIPAddress: '2001:db9::1' } },
    matches: false,
  },
  {
    name: 'cidr: text that is no address',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    event: { detail: { sourceIPAddress: 'localhost' } },
    matches: false,
  },

  // --- Exists ---
  {
    name: 'exists true: the field is there',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'exists true: the field is missing',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    event: withoutDetail('c-count'),
    matches: false,
  },
  {
    name: 'exists true: a null value is there',
    pattern: { detail: { responseElements: [{ exists: true }] } },
    event: AUTOSCALING_EVENT,
    matches: true,
  },
  {
    name: 'exists false: the event has no detail.c-count',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'] },
    },
    matches: true,
  },
  {
    name: 'exists false: c-count is not a leaf node, so it counts as missing',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } },
    },
    matches: true,
  },
  {
    name: 'exists false: the field is there',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: FILTERING_EVENT,
    matches: false,
  },
  {
    name: 'exists false: the whole parent is missing',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: { source: 'aws.ec2' },
    matches: true,
  },
  {
    name: 'does not exist (table): no ProductName',
    pattern: { ProductName: [{ exists: false }] },
    event: { Price: 10 },
    matches: true,
  },
  {
    name: 'exists true does not hold for an intermediate node',
    pattern: { detail: [{ exists: true }] },
    event: FILTERING_EVENT,
    matches: false,
  },

  // --- Wildcards ---
  {
    name: 'wildcard: any account and any bus of us-east-1',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    event: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/coffee' },
    matches: true,
  },
  {
    name: 'wildcard: another region',
    pattern: { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    event: { EventBusArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/coffee' },
    matches: false,
  },
  {
    name: 'wildcard (table): a png file in dir',
    pattern: { FileName: [{ wildcard: 'dir/*.png' }] },
    event: { FileName: 'dir/receipt.png' },
    matches: true,
  },
  {
    name: 'wildcard (table): a jpg file in dir',
    pattern: { FileName: [{ wildcard: 'dir/*.png' }] },
    event: { FileName: 'dir/receipt.jpg' },
    matches: false,
  },
  {
    name: 'wildcard: * matches nothing too',
    pattern: { source: [{ wildcard: 'Simple*Service' }] },
    event: { source: 'SimpleService' },
    matches: true,
  },
  {
    name: 'wildcard: an escaped asterisk is literal',
    pattern: { name: [{ wildcard: 'a\\*b' }] },
    event: { name: 'a*b' },
    matches: true,
  },
  {
    name: 'wildcard: an escaped asterisk matches nothing else',
    pattern: { name: [{ wildcard: 'a\\*b' }] },
    event: { name: 'axb' },
    matches: false,
  },
  {
    name: 'wildcard: an escaped backslash is literal',
    pattern: { path: [{ wildcard: 'C:\\\\*' }] },
    event: { path: 'C:\\Windows' },
    matches: true,
  },

  // --- $or ---
  {
    name: '$or over detail fields: only d-count matches',
    pattern: {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    },
    event: withDetail({ 'c-count': 50, 'x-limit': 1 }),
    matches: true,
  },
  {
    name: '$or over detail fields: none matches',
    pattern: {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    },
    event: withDetail({ 'c-count': 50, 'd-count': 50, 'x-limit': 1 }),
    matches: false,
  },
  {
    name: 'or (table): Location is New York or Day is Monday',
    pattern: { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
    event: { Location: 'Paris', Day: 'Monday' },
    matches: true,
  },
  {
    name: 'and (table): Location is New York and Day is Monday',
    pattern: { Location: ['New York'], Day: ['Monday'] },
    event: { Location: 'New York', Day: 'Tuesday' },
    matches: false,
  },
  {
    name: '$or with another field: source and (metricName or namespace)',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    },
    event: { source: 'aws.cloudwatch', metricName: 'Other', namespace: 'AWS/ES' },
    matches: true,
  },
  {
    name: '$or with another field: the other field fails',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    },
    event: { source: 'aws.ec2', metricName: 'CPUUtilization' },
    matches: false,
  },
  {
    name: 'parallel $or: both groups must hold',
    pattern: {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    },
    event: { metricName: 'ReadLatency', detail: { source: 'aws.ec2' } },
    matches: false,
  },
  {
    name: 'nested $or and and',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    },
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 },
    matches: true,
  },
  {
    name: 'nested $or and and: the inner or fails',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
      ],
    },
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1 },
    matches: false,
  },
  {
    name: '$or whose value is an object is an ordinary field',
    pattern: { source: ['aws.cloudwatch'], $or: { metricType: ['MetricType'] } },
    event: { source: 'aws.cloudwatch', $or: { metricType: 'MetricType' } },
    matches: true,
  },

  // --- The complex example ---
  {
    name: 'complex example: every condition holds',
    pattern: {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    },
    event: FILTERING_EVENT,
    matches: true,
  },
  {
    name: 'complex example: one condition fails',
    pattern: {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    },
    event: withDetail({ 'x-limit': 300 }),
    matches: false,
  },
];

describe('matchesPattern', () => {
  it.each(cases)('$name', ({ pattern, event, matches }) => {
    // Arrange
    const compiled = parseEventPattern(toJson(pattern));

    // Act
    const result = matchesPattern(compiled, event);

    // Assert
    expect(result).toBe(matches);
  });
});

/** A pattern's JSON: given as text where the example's number text matters, else serialised. */
function toJson(pattern: unknown): string {
  return typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
}

interface InvalidCase {
  name: string;
  pattern: string;
  reason: RegExp;
}

const invalidCases: InvalidCase[] = [
  { name: 'not JSON', pattern: '{"source": [', reason: /Invalid JSON/ },
  { name: 'not an object', pattern: '["aws.ec2"]', reason: /Filter is not an object/ },
  { name: 'an empty object', pattern: '{}', reason: /Empty objects are not allowed/ },
  {
    name: 'a value not in an array',
    pattern: '{"source": "aws.ec2"}',
    reason: /"source" must be an object or an array/,
  },
  { name: 'an empty array', pattern: '{"source": []}', reason: /Empty arrays are not allowed at source/ },
  {
    name: 'an array in an array',
    pattern: '{"source": [["aws.ec2"]]}',
    reason: /Match value must be String/,
  },
  {
    name: 'an unknown operator',
    pattern: '{"source": [{"contains": "ec2"}]}',
    reason: /Unrecognized match type contains/,
  },
  {
    name: 'two operators in one object',
    pattern: '{"source": [{"prefix": "a", "suffix": "b"}]}',
    reason: /exactly one key/,
  },
  {
    name: 'a prefix that is not a string',
    pattern: '{"source": [{"prefix": 1}]}',
    reason: /prefix match pattern must be/,
  },
  {
    name: 'exists that is not a boolean',
    pattern: '{"a": [{"exists": "yes"}]}',
    reason: /exists match pattern must be either true or false/,
  },
  {
    name: 'a numeric operand that is not a number',
    pattern: '{"a": [{"numeric": [">", "5"]}]}',
    reason: /must be a number/,
  },
  {
    name: 'a numeric operator that does not exist',
    pattern: '{"a": [{"numeric": ["!=", 5]}]}',
    reason: /Unrecognized numeric range operator/,
  },
  {
    name: 'a numeric value out of range',
    pattern: '{"a": [{"numeric": [">", 6e9]}]}',
    reason: /between -5.0E9 and 5.0E9/,
  },
  {
    name: 'a numeric range upside down',
    pattern: '{"a": [{"numeric": [">", 5, "<", 1]}]}',
    reason: /bottom must be less than top/,
  },
  {
    name: '"=" with another bound',
    pattern: '{"a": [{"numeric": ["=", 5, "<", 10]}]}',
    reason: /"=" must be the only operator/,
  },
  {
    name: 'consecutive wildcards',
    pattern: '{"a": [{"wildcard": "a**b"}]}',
    reason: /Consecutive wildcard characters at pos 2/,
  },
  {
    name: 'a backslash escaping another character',
    pattern: '{"a": [{"wildcard": "a\\\\b"}]}',
    reason: /Invalid escape character at pos 1/,
  },
  {
    name: 'a CIDR prefix too long',
    pattern: '{"ip": [{"cidr": "10.0.0.0/33"}]}',
    reason: /Nonstandard IP address: 10.0.0.0\/33/,
  },
  {
    name: 'a CIDR that is no address',
    pattern: '{"ip": [{"cidr": "ten/8"}]}',
    reason: /Nonstandard IP address/,
  },
  {
    name: 'anything-but mixing strings and numbers',
    pattern: '{"a": [{"anything-but": ["a", 1]}]}',
    reason: /all values must be strings or all must be numbers/,
  },
  {
    name: 'anything-but with an unknown test',
    pattern: '{"a": [{"anything-but": {"numeric": [">", 1]}}]}',
    reason: /Unsupported anything-but pattern/,
  },
  {
    name: 'anything-but with an empty list',
    pattern: '{"a": [{"anything-but": []}]}',
    reason: /Empty arrays are not allowed/,
  },
  {
    name: '$or with one alternative',
    pattern: '{"$or": [{"a": ["b"]}]}',
    reason: /at least two alternative patterns/,
  },
  {
    name: 'an empty $or alternative',
    pattern: '{"$or": [{"a": ["b"]}, {}]}',
    reason: /Empty objects are not allowed at \$or\[1\]/,
  },
];

describe('parseEventPattern', () => {
  it.each(invalidCases)('rejects $name', ({ pattern, reason }) => {
    // Act
    const parse = () => parseEventPattern(pattern);

    // Assert
    expect(parse).toThrow(InvalidEventPatternException);
    expect(parse).toThrow(reason);
  });

  it('names the error as AWS does', () => {
    // Act
    let thrown: unknown;
    try {
      parseEventPattern('{"source": "aws.ec2"}');
    } catch (error) {
      thrown = error;
    }

    // Assert
    expect(thrown).toMatchObject({
      name: 'InvalidEventPatternException',
      message: expect.stringMatching(/^Event pattern is not valid\. Reason: /),
    });
  });
});
