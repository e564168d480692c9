/**
 * Why a part of an event pattern is invalid, raised by the small parsers of operator values
 * (wildcards, CIDR blocks, numeric ranges); the pattern parser adds where it is and turns it into
 * an `InvalidEventPatternException`.
 */
export class PatternRuleError extends Error {
  override readonly name = 'PatternRuleError';
}
