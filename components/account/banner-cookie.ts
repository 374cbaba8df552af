/** Set by the verify-email banner's close button for this browser session; read on the server so it never flashes. */
export const BANNER_DISMISSED_COOKIE = "tradeoff-verify-banner-dismissed";
