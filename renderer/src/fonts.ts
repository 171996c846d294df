/**
 * Every face fonts.css declares. A face is fetched only once some text uses it,
 * so `document.fonts.ready` taken when a sheet mounts can resolve before its
 * bold rows are drawn; a PDF taken then would print them in a fallback font.
 * A print view waits for all of them instead.
 */
const FACES = ['400', 'italic 400', '600', '700', 'italic 700', '800'];

export async function loadAppFonts(): Promise<void> {
  await Promise.all(FACES.map((face) => document.fonts.load(`${face} 1em "Cabas Inter"`)));
  await document.fonts.ready;
}
