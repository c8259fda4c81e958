// Where Tessera is reached from outside. Configured, never taken from the
// request's Host header (a forged Host must not change links or the issuer).
export function getOrigin(): string {
  const configured = process.env.TESSERA_ORIGIN || process.env.NEXTAUTH_URL;
  const origin = configured || `http://localhost:${process.env.PORT || 3000}`;
  return origin.replace(/\/+$/, "");
}
