import { errorMessage } from '../api/error-messages';

/** An error for a person: the words for the API error code (or a generic message), as an alert. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="coffee-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}
