// The fixture application's start-up warm-up: it only says it ran.
export async function warmUp() {
  return 'nothing to warm';
}
