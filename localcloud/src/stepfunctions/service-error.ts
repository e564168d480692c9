/**
 * An error of the Step Functions API, named as AWS names it (`ExecutionAlreadyExists`,
 * `InvalidToken`, `TaskTimedOut`, ...), so the wire layer can answer in AWS's format and the
 * official SDK raises its matching exception class.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = code;
  }
}
