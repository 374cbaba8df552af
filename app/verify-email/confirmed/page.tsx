import Link from "next/link";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";

export const metadata = { title: "Email confirmed" };

/** Where a followed confirmation link lands; the address shown is the account's, read from the session. */
export default async function EmailConfirmedPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const [{ changed }, user] = await Promise.all([searchParams, currentUser()]);
  const description = user
    ? changed
      ? `Your email is now ${user.email}. Use it to sign in from now on.`
      : `Thanks: ${user.email} is confirmed.`
    : changed
      ? "Your email is changed. Sign in with the new address."
      : "Thanks: your email is confirmed.";
  return (
    <div className="mx-auto w-full max-w-sm py-6 sm:py-12">
      <Card>
        <CardHeader>
          <CardTitle as="h1">Email confirmed</CardTitle>
          <CardDescription role="status">{description}</CardDescription>
        </CardHeader>
        <CardFooter className="text-sm">
          <Link className="font-medium text-primary hover:underline" href={user ? "/settings" : "/sign-in"}>
            {user ? "Go to Settings" : "Sign in"}
          </Link>
        </CardFooter>
      </Card>
    </div>
  );
}
