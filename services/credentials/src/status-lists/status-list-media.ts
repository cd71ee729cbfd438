/** The forms a status list is served in: the VC-JWT (the default, what existing links expect) or JSON with a proof. */
export type StatusListMedia = 'application/vc+jwt' | 'application/vc' | 'application/json';

/**
 * The form an `Accept` header asks for: the first of its media types (by quality, then order) that we serve; the
 * VC-JWT when it names none of them, or `*\/*`, or nothing.
 */
export function statusListMediaOf(accept: string | undefined): StatusListMedia {
  const asked = (accept ?? '')
    .split(',')
    .map((part, order) => {
      const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const quality = parameters.find((parameter) => parameter.startsWith('q='));
      return { type, order, q: quality ? Number(quality.slice(2)) : 1 };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  const served: StatusListMedia[] = ['application/vc+jwt', 'application/vc', 'application/json'];
  return (
    served.find((media) => media === asked.find(({ type }) => served.includes(type as never))?.type) ??
    'application/vc+jwt'
  );
}
