-- CreateIndex
CREATE INDEX "Donation_method_idx" ON "Donation"("method");
