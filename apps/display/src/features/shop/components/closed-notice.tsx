/** Props of {@link ClosedNotice}. */
export interface ClosedNoticeProps {
  shopName: string;
}

/** What the display shows while the shop is closed: no code to scan, and a friendly word. */
export function ClosedNotice({ shopName }: ClosedNoticeProps) {
  return (
    <section className="closed-notice" aria-labelledby="closed-notice-title">
      <h2 id="closed-notice-title" className="closed-notice__title">
        {shopName} is closed
      </h2>
      <p className="closed-notice__text">No orders right now. See you soon!</p>
    </section>
  );
}
