import { formatClockTime, formatCountdown, type QrView } from '../utils/qr-state';
import { QrCodeImage } from './qr-code-image';

/** The side of the QR code on a 1920×1080 screen: large enough to scan from a few metres. */
export const QR_SIZE = 560;

/** Props of {@link QrPanel}. */
export interface QrPanelProps {
  /** The shop's name, above the code: with more than one bar at an event, which bar's code this is. */
  shopName: string;
  view: QrView;
}

/**
 * The left half of the display: the shop's name, the QR code with the drinks it still admits and
 * the time to the next code; a friendly message instead while the code is used up (with when new orders open) or
 * rotating. The panel keeps its size whatever it shows, so nothing around it moves.
 */
export function QrPanel({ shopName, view }: QrPanelProps) {
  return (
    <section className="qr-panel" aria-labelledby="qr-panel-title">
      {/* The screen's heading (visually hidden) names the shop already for assistive technology. */}
      <p className="qr-panel__shop" aria-hidden="true">
        {shopName}
      </p>
      <h2 id="qr-panel-title" className="qr-panel__title">
        Scan to order
      </h2>
      <div className="qr-panel__body">
        {view.kind === 'code' && (
          <>
            <QrCodeImage url={view.url} size={QR_SIZE} />
            <p className="qr-panel__remaining">
              <strong>{view.remaining}</strong> {view.remaining === 1 ? 'drink' : 'drinks'} left on this code
            </p>
            <p className="qr-panel__countdown">
              New code in <span className="qr-panel__time">{formatCountdown(view.msLeft)}</span>
            </p>
          </>
        )}
        {view.kind === 'used-up' && (
          <div className="qr-panel__message" role="status">
            <p className="qr-panel__headline">That&rsquo;s all for this round!</p>
            <p>
              New orders open at <strong>{formatClockTime(view.opensAt)}</strong>
            </p>
            <p className="qr-panel__countdown">
              in <span className="qr-panel__time">{formatCountdown(view.msLeft)}</span>
            </p>
          </div>
        )}
        {view.kind === 'rotating' && (
          <div className="qr-panel__message" role="status">
            <p className="qr-panel__headline">A new code is on its way…</p>
          </div>
        )}
        {view.kind === 'loading' && (
          <div className="qr-panel__message" role="status">
            <p className="qr-panel__headline">Getting the code…</p>
          </div>
        )}
      </div>
    </section>
  );
}
