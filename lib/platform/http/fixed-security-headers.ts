// The security headers with no per-response value, on every answer: Next adds them (next.config.ts)
// and so do the routes the launcher answers without Next (lib/platform/server/direct-routes.ts).
// The Content-Security-Policy, with a nonce per response, and HSTS come from the launcher
// (lib/platform/server/security-headers.ts).
export const FIXED_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
