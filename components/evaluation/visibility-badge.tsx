import { Eye, EyeOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { VISIBILITY_LABELS, type Visibility } from "@/lib/ballots/visibility";

/**
 * States plainly how the evaluation's ballots are shown: open voting (live results) stands out;
 * blind voting is the quiet default. Only meaningful before the ballots are revealed.
 */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const open = visibility === "open";
  const Icon = open ? Eye : EyeOff;
  return (
    <Badge variant={open ? "warning" : "muted"} data-testid="visibility-badge" className="whitespace-normal">
      <Icon aria-hidden /> {VISIBILITY_LABELS[visibility].badge}
    </Badge>
  );
}
