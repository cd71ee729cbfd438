import QRCode from 'qrcode';

/** A QR code drawn as SVG elements (no image data URL, which the page's policy would refuse). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  let path = '';
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) if (data[y * size + x]) path += `M${x + 4} ${y + 4}h1v1h-1z`;
  const extent = size + 8; // four modules of quiet zone each side
  return (
    <svg className="qr-code" viewBox={`0 0 ${extent} ${extent}`} role="img" aria-label={label}>
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
