-- DropForeignKey
ALTER TABLE "Rating" DROP CONSTRAINT "Rating_optionId_fkey";

-- DropForeignKey
ALTER TABLE "Rating" DROP CONSTRAINT "Rating_criterionId_fkey";

-- DropForeignKey
ALTER TABLE "Ballot" DROP CONSTRAINT "Ballot_userId_fkey";

-- DropForeignKey
ALTER TABLE "BallotRevision" DROP CONSTRAINT "BallotRevision_userId_fkey";

-- DropForeignKey
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_authorId_fkey";

-- DropForeignKey
ALTER TABLE "AuditEntry" DROP CONSTRAINT "AuditEntry_evaluationId_fkey";

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "importedById" TEXT,
ADD COLUMN     "importedFromSha256" TEXT,
ADD COLUMN     "visibility" TEXT NOT NULL DEFAULT 'blind';

-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "voterName" TEXT,
ALTER COLUMN "userId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "BallotRevision" ADD COLUMN     "voterName" TEXT,
ALTER COLUMN "userId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Option_id_evaluationId_key" ON "Option"("id", "evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_id_evaluationId_key" ON "Criterion"("id", "evaluationId");

-- CreateIndex
CREATE INDEX "Ballot_userId_idx" ON "Ballot"("userId");

-- CreateIndex
CREATE INDEX "BallotRevision_userId_idx" ON "BallotRevision"("userId");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_idx" ON "AuditEntry"("actorId");

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_decidedOptionId_fkey" FOREIGN KEY ("decidedOptionId") REFERENCES "Option"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_optionId_evaluationId_fkey" FOREIGN KEY ("optionId", "evaluationId") REFERENCES "Option"("id", "evaluationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_criterionId_evaluationId_fkey" FOREIGN KEY ("criterionId", "evaluationId") REFERENCES "Criterion"("id", "evaluationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotRevision" ADD CONSTRAINT "BallotRevision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
