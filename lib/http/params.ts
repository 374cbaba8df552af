import { z } from "zod";
import { idSchema } from "@/lib/validation/team";

// Route parameter schemas, shared by every route with the same segment names.
export const EvaluationParams = z.object({ id: idSchema });
export const TeamParams = z.object({ teamId: idSchema });
