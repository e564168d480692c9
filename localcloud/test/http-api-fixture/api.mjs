// The function behind a fixture HTTP API: answers by path, as an application's API would.
export async function handler(event) {
  switch (event.rawPath) {
    case '/api/echo':
      return {
        statusCode: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(event),
      };
    case '/api/inferred':
      return { hello: 'world' };
    case '/api/created':
      return { statusCode: 201, cookies: ['a=1', 'b=2'], headers: { 'x-made': 'yes' }, body: '' };
    default:
      throw new TypeError('No route for this path');
  }
}
