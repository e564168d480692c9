/**
 * Errors of the EventBridge API, each named as AWS names it (`ResourceNotFoundException`,
 * `InvalidEventPatternException`, ...), so the wire layer answers in AWS's format and the official
 * SDK raises its exception class of that name.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html
 */
export class EventBridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/** A request parameter is missing, malformed or out of range. */
export class ValidationException extends EventBridgeError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

/** The event bus, rule or target named does not exist. */
export class ResourceNotFoundException extends EventBridgeError {
  constructor(message: string) {
    super('ResourceNotFoundException', message);
  }
}

/** The resource (an event bus) already exists. */
export class ResourceAlreadyExistsException extends EventBridgeError {
  constructor(message: string) {
    super('ResourceAlreadyExistsException', message);
  }
}

/** The event pattern is not valid. */
export class InvalidEventPatternException extends EventBridgeError {
  constructor(message: string) {
    super('InvalidEventPatternException', message);
  }
}

/** A quota is exceeded, such as the five targets a rule may have. */
export class LimitExceededException extends EventBridgeError {
  constructor(message: string) {
    super('LimitExceededException', message);
  }
}
