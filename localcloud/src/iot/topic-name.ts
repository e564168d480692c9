/**
 * IoT Core's limits on a topic name: 256 bytes of UTF-8 and at most 7 slashes (8 levels).
 * https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits
 */
export const MAX_TOPIC_BYTES = 256;
/** See {@link MAX_TOPIC_BYTES}. */
export const MAX_TOPIC_SLASHES = 7;

/**
 * Why `topic` cannot be published to, or undefined when it can: not empty, no wildcard, no NUL,
 * not a `$` reserved topic (IoT Core keeps those for itself, and none is emulated here), within
 * IoT Core's size and depth limits.
 * https://docs.aws.amazon.com/iot/latest/developerguide/topics.html
 */
export function topicNameProblem(topic: string): string | undefined {
  if (topic.length === 0) return 'The topic is empty';
  if (/[+#]/.test(topic)) return `The topic ${topic} holds a wildcard (+ or #), which only topic filters may`;
  if (topic.includes('\u0000')) return 'The topic holds a NUL character';
  if (topic.startsWith('$')) return `The topic ${topic} is reserved ($ topics are not emulated)`;
  if (Buffer.byteLength(topic, 'utf8') > MAX_TOPIC_BYTES)
    return `The topic is longer than ${MAX_TOPIC_BYTES} bytes`;
  if (topic.split('/').length - 1 > MAX_TOPIC_SLASHES)
    return `The topic has more than ${MAX_TOPIC_SLASHES} forward slashes`;
  return undefined;
}

/** A publish to a topic name that is not valid (see {@link topicNameProblem}). */
export class InvalidTopicError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTopicError';
  }
}

/**
 * Whether the topic filter `filter` matches the topic name `topic` under MQTT's rules: `+` stands
 * for one level, a final `#` for the parent level and any below, and a filter starting with a
 * wildcard does not match `$` topics (MQTT 3.1.1, section 4.7).
 */
export function topicMatches(filter: string, topic: string): boolean {
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const filterLevels = filter.split('/');
  const topicLevels = topic.split('/');
  for (const [index, level] of filterLevels.entries()) {
    if (level === '#') return true;
    const topicLevel = topicLevels[index];
    if (topicLevel === undefined) return false;
    if (level !== '+' && level !== topicLevel) return false;
  }
  return filterLevels.length === topicLevels.length;
}
