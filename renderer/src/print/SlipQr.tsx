import { useMemo } from 'react';
import { qrDrawing } from '../../../shared/shop/qr';
import { useI18n } from '../i18n/i18n-context';

/** The member's ordering link as a QR code on their bag slip (issue 16): black on white, crisp at any print size. */
export function SlipQr({ link, name }: { link: string; name: string }) {
  const { t } = useI18n();
  const { side, path } = useMemo(() => qrDrawing(link), [link]);
  return (
    <figure className="sheet-slip-qr">
      <svg role="img" aria-label={t('shop.slipQr', { name })} viewBox={`0 0 ${side} ${side}`} shapeRendering="crispEdges" data-qr="member-link">
        <rect width={side} height={side} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption>{t('shop.slipQrCaption')}</figcaption>
    </figure>
  );
}
