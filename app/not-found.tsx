import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto grid max-w-md gap-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted-foreground">This page does not exist, or it belongs to a team you are not a member of.</p>
      <div>
        <Button asChild variant="outline">
          <Link href="/teams">Back to your teams</Link>
        </Button>
      </div>
    </div>
  );
}
