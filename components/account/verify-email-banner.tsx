import { cookies } from "next/headers";
import { VerifyEmailBanner } from "@/components/account/verify-email-notice";
import { BANNER_DISMISSED_COOKIE } from "@/components/account/banner-cookie";

/** The "confirm your email" banner, unless this browser session dismissed it. */
export async function VerifyEmailBannerSlot() {
  if ((await cookies()).get(BANNER_DISMISSED_COOKIE)?.value === "1") return null;
  return <VerifyEmailBanner />;
}
