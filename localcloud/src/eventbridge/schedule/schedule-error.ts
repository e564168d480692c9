/**
 * Why a schedule expression is invalid, raised by the rate and cron parsers; the schedule
 * expression parser turns it into AWS's `ValidationException`.
 */
export class ScheduleSyntaxError extends Error {
  override readonly name = 'ScheduleSyntaxError';
}
