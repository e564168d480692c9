/**
 * An error of an emulated AWS API, named as AWS names it (`ExecutionAlreadyExists`,
 * `ResourceNotFoundException`, ...). The edge answers it in the service's wire format, so the
 * official SDKs raise their exception class of that name.
 */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}
