/** What differs between the staff apps' pages. */
export interface StaffAppPage {
  /** The tab's title, e.g. `Barista — Coffee bar`. */
  title: string;
  /** The page's `<meta name="description">`. */
  description: string;
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * The `index.html` of a staff app (barista, display, ops): the same head, colours and `#root` for
 * each, with the app's own title and description.
 */
export function staffAppHtml({ title, description }: StaffAppPage): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="theme-color" content="#3b2418" />
    <meta name="description" content="${escapeHtml(description)}" />
    <link rel="icon" href="data:," />
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`;
}
