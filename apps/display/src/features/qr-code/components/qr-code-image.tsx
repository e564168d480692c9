import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** Props of {@link QrCodeImage}. */
export interface QrCodeImageProps {
  /** What the code encodes: the customer app's URL with the shop and the token. */
  url: string;
  /** The side of the square image, in CSS pixels. */
  size: number;
}

/** The SVG of a QR code for `url`, as a data URL an `<img>` can show. */
export async function qrCodeDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * The QR code for `url`, drawn as an SVG image (sharp at any size, dark on white for every phone
 * camera). The previous code stays until the next one is drawn, so a rotation never flashes.
 */
export function QrCodeImage({ url, size }: QrCodeImageProps) {
  const [drawn, setDrawn] = useState<{ url: string; src: string }>();
  useEffect(() => {
    let current = true;
    qrCodeDataUrl(url).then(
      (src) => {
        if (current) setDrawn({ url, src });
      },
      (error: unknown) => console.error('Could not draw the QR code', error),
    );
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <div className="qr-image" style={{ width: size, height: size }}>
      {drawn && (
        <img
          src={drawn.src}
          width={size}
          height={size}
          alt="QR code: scan it with your phone to order"
          data-url={drawn.url}
        />
      )}
    </div>
  );
}
