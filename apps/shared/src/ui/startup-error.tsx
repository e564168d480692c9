/** What the app shows when it cannot start (usually `/config.json` unreachable or malformed). */
export function StartupError({ error }: { error: unknown }) {
  return (
    <main className="startup-error">
      <h1>The app could not start</h1>
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Try again
      </button>
    </main>
  );
}
