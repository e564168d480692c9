/** A link on the landing page. */
export interface LandingLink {
  title: string;
  href: string;
  description: string;
}

/** The page at `/`: the application's name and a link to each of its apps. */
export function landingPage(title: string, links: LandingLink[]): string {
  const escapeHtml = (text: string) =>
    text.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
    );
  const items = links
    .map(
      (link) =>
        `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.title)}</a><span>${escapeHtml(link.description)}</span></li>`,
    )
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <style>
      body { font-family: system-ui, sans-serif; margin: 0; padding: 2rem; background: #faf7f2; color: #2b1d12; }
      main { max-width: 40rem; margin: 0 auto; }
      h1 { font-size: 2rem; margin: 0 0 1.5rem; }
      ul { list-style: none; padding: 0; display: grid; gap: 1rem; }
      li { background: #fff; border-radius: 0.75rem; padding: 1rem 1.25rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
      a { display: block; font-size: 1.25rem; font-weight: 600; color: #6b3410; }
      span { color: #5a4a3c; }
    </style>
  </head>
  <body>
    <main>
      <h1>${escapeHtml(title)}</h1>
      <ul>
      ${items}
      </ul>
    </main>
  </body>
</html>
`;
}
