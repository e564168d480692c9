import { ErrorMessage, OfflineIndicator, useNow, useShopConfig, useTopic } from '@coffee/app-shared';
import { shopConfigTopic, shopQueueTopic } from '@coffee/backend/contracts';
import { useMemo } from 'react';
import { useBoard } from '../../features/board/api/board-query';
import { useBoardUpdates } from '../../features/board/hooks/use-board-updates';
import { boardColumns } from '../../features/board/utils/board-state';
import { useQrCode } from '../../features/qr-code/api/qr-code-query';
import { useQrCodeUpdates } from '../../features/qr-code/hooks/use-qr-code-updates';
import { qrView } from '../../features/qr-code/utils/qr-state';
import { WaitTimeNote } from '../../features/wait-time/components/wait-time-note';
import { DisplayScreen } from '../display-screen';

/**
 * The overhead display, live: the shop's config (open or closed) from `shops/{shopId}/config`,
 * the board and the QR code's drink count from `shops/{shopId}/queue`, the code fetched again when
 * the config's limits change, one clock for every countdown and for ready orders leaving the board.
 */
export function DisplayPage({ shopId }: { shopId: string }) {
  const now = useNow(1000);
  const config = useShopConfig(shopId);
  const open = config.data?.open;
  const board = useBoard(shopId);
  const qr = useQrCode(shopId, open === true);
  const onBoardMessage = useBoardUpdates(shopId);
  const onQrMessage = useQrCodeUpdates(shopId);
  useTopic(shopQueueTopic(shopId), (message) => {
    onBoardMessage(message);
    onQrMessage(message);
  });
  useTopic(shopConfigTopic(shopId), onQrMessage);
  const columns = useMemo(() => boardColumns(board.data ?? [], now), [board.data, now]);
  const error = config.error ?? board.error;
  return (
    <>
      <OfflineIndicator />
      <DisplayScreen
        shopName={config.data?.name ?? 'Coffee bar'}
        open={open}
        qr={qrView(qr.data, now)}
        columns={columns}
      />
      {open === true && <WaitTimeNote shopId={shopId} />}
      {error && (
        <div className="display-error">
          <ErrorMessage error={error} />
        </div>
      )}
    </>
  );
}
