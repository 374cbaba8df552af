import Link from "next/link";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { VerifyEmailForm } from "@/components/account/verify-email-form";
import { verificationLinkState } from "@/lib/domain/email-verification";
import { currentUser } from "@/lib/auth/session";

export const metadata = { title: "Confirm your email", referrer: "no-referrer" };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [link, user] = await Promise.all([verificationLinkState(token), currentUser()]);
  return (
    <div className="mx-auto w-full max-w-sm py-6 sm:py-12">
      <Card>
        <CardHeader>
          <CardTitle as="h1">{link.usable ? "Confirm your email" : "This confirmation link no longer works"}</CardTitle>
          <CardDescription>
            {link.usable
              ? `Confirm that ${link.email} is yours to use it for your Tradeoff account.`
              : "Confirmation links work once and expire after a day. Send a new one from Settings."}
          </CardDescription>
        </CardHeader>
        {link.usable ? (
          <CardContent>
            <VerifyEmailForm token={token} />
          </CardContent>
        ) : null}
        <CardFooter className="text-sm text-muted-foreground">
          <Link className="font-medium text-primary hover:underline" href={user ? "/settings" : "/sign-in"}>
            {user ? "Go to Settings" : "Sign in"}
          </Link>
        </CardFooter>
      </Card>
    </div>
  );
}
