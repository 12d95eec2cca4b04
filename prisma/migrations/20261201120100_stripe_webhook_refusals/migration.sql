-- Webhook deliveries the app refused because it cannot read them (an unsupported Stripe API
-- version, a payload that does not parse), counted per reason and version for admins.
-- CreateTable
CREATE TABLE "StripeWebhookRefusal" (
    "reason" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastEventId" TEXT NOT NULL,
    "lastEventType" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeWebhookRefusal_pkey" PRIMARY KEY ("reason","apiVersion")
);

-- CreateIndex
CREATE INDEX "StripeWebhookRefusal_lastAt_idx" ON "StripeWebhookRefusal"("lastAt");
