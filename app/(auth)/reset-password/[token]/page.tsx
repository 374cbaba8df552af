import Link from "next/link";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { ResetPasswordForm } from "@/components/forms/auth-forms";
import { resetTokenIsUsable } from "@/lib/domain/password-reset";

export const metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await resetTokenIsUsable(token);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{usable ? "Choose a new password" : "This reset link no longer works"}</CardTitle>
        <CardDescription>
          {usable
            ? "After the change every session of your account is signed out, and you are signed in here."
            : "Reset links work once and expire after an hour. Ask for a new one."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <Link className="font-medium text-primary hover:underline" href="/forgot-password">
            Send a new reset link
          </Link>
        )}
      </CardContent>
      <CardFooter className="text-sm text-muted-foreground">
        <Link className="font-medium text-primary hover:underline" href="/sign-in">
          Back to sign in
        </Link>
      </CardFooter>
    </Card>
  );
}
