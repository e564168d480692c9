import { OrderBoard } from '../features/board/components/order-board';
import type { BoardColumns } from '../features/board/utils/board-state';
import { QrPanel } from '../features/qr-code/components/qr-panel';
import type { QrView } from '../features/qr-code/utils/qr-state';
import { ClosedNotice } from '../features/shop/components/closed-notice';

/** Props of {@link DisplayScreen}. */
export interface DisplayScreenProps {
  shopName: string;
  /** `undefined` while the shop's config is loading. */
  open: boolean | undefined;
  qr: QrView;
  columns: BoardColumns;
}

/**
 * The overhead screen, 1920×1080: the QR panel on the left and the order board on the right.
 * While the shop is closed the QR panel gives way to a closed notice; with no orders left to
 * collect either, the whole screen says so.
 */
export function DisplayScreen({ shopName, open, qr, columns }: DisplayScreenProps) {
  const idle = columns.making.length === 0 && columns.ready.length === 0;
  if (open === false && idle) {
    return (
      <main className="display display--closed">
        <ClosedNotice shopName={shopName} />
      </main>
    );
  }
  return (
    <main className="display">
      <h1 className="visually-hidden">{shopName}</h1>
      {open === false ? <ClosedNotice shopName={shopName} /> : <QrPanel shopName={shopName} view={qr} />}
      <OrderBoard columns={columns} />
    </main>
  );
}
