"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every two seconds until the server shows the webhook has recorded the gift. */
export function RefreshUntilConfirmed() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
