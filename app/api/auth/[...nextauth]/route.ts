// GET/POST /api/auth/* – next-auth 4: sign-in, sign-out, session and OAuth callbacks.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
