/**
 * Lambert 93 (RGF93, EPSG:2154) → longitude/latitude, by the inverse of the conformal conic projection
 * as the IGN documents it (notes NT/G 71 and ALG0004). No installed package does projections, and
 * RGF93 matches WGS84 within a metre, well below what a map of structures shows.
 */
const E = 0.0818191910428158; // first eccentricity of the GRS80 ellipsoid
const N = 0.725607765053267; // cone constant of Lambert 93
const C = 11754255.426096; // projection constant, metres
const XS = 700000; // false easting of the pole
const YS = 12655612.049876; // false northing of the pole
const LON0 = (3 * Math.PI) / 180; // central meridian
const TOLERANCE = 1e-11;

export function lambert93ToWgs84(x: number, y: number): { longitude: number; latitude: number } {
  const dx = x - XS;
  const dy = y - YS;
  const r = Math.hypot(dx, dy);
  const gamma = Math.atan2(dx, -dy);
  const lon = LON0 + gamma / N;
  const isometric = -Math.log(r / C) / N;
  // Latitude from the isometric latitude by fixed-point iteration (converges in a few steps).
  let phi = 2 * Math.atan(Math.exp(isometric)) - Math.PI / 2;
  for (let i = 0; i < 20; i++) {
    const s = E * Math.sin(phi);
    const next = 2 * Math.atan(((1 + s) / (1 - s)) ** (E / 2) * Math.exp(isometric)) - Math.PI / 2;
    if (Math.abs(next - phi) < TOLERANCE) {
      phi = next;
      break;
    }
    phi = next;
  }
  const round = (deg: number) => Math.round(deg * 1e6) / 1e6;
  return { longitude: round((lon * 180) / Math.PI), latitude: round((phi * 180) / Math.PI) };
}

/** Whether a point lies in the Lambert 93 extent of metropolitan France and Corsica. */
export function inLambert93Extent(x: number, y: number): boolean {
  return x > 0 && x < 1_300_000 && y > 6_000_000 && y < 7_200_000;
}
