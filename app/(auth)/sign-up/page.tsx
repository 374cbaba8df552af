import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { SignUpForm } from "@/components/forms/auth-forms";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/http/return-path";

export const metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentUser()) redirect(safeReturnPath(next));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create your account</CardTitle>
        <CardDescription>Decide with your team, with evidence, and keep the record.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm next={next} />
      </CardContent>
      <CardFooter className="text-sm text-muted-foreground">
        Already have an account?&nbsp;
        <Link className="font-medium text-primary hover:underline" href={`/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`}>
          Sign in
        </Link>
      </CardFooter>
    </Card>
  );
}
