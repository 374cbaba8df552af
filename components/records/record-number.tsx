import { Badge } from "@/components/ui/badge";
import { formatRecordNumber } from "@/lib/export/file-name";

/** The team's decision record number, as the MADR file is named (0003-title.md). */
export function RecordNumberBadge({ recordNumber }: { recordNumber: number }) {
  return (
    <Badge
      variant="secondary"
      className="font-mono"
      data-testid="record-number"
      title={`Decision record ${formatRecordNumber(recordNumber)} of this team`}
    >
      ADR {formatRecordNumber(recordNumber)}
    </Badge>
  );
}
