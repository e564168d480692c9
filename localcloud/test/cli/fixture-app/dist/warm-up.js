// The fixture application's start-up warm-up: it only says it ran. Like an application checking its
// configuration as it loads, it refuses to load when FIXTURE_MISCONFIGURED is set.
if (process.env.FIXTURE_MISCONFIGURED) throw new Error('FIXTURE_MISCONFIGURED is set: nothing can run.');

export async function warmUp() {
  return 'nothing to warm';
}
