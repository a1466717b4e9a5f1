import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';

/** A QR code as inline SVG (crisp at any size), with the text it encodes as its label. */
export function QrCode({ text, size = 220, label }: { text: string; size?: number; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let current = true;
    void QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } }).then(
      (s) => current && setSvg(s),
    );
    return () => {
      current = false;
    };
  }, [text]);
  return <div class="qr" role="img" aria-label={label} style={{ width: size, height: size }} dangerouslySetInnerHTML={{ __html: svg }} />;
}
