// next-auth 4 configuration: e-mail + password, optional GitHub/Google for existing users, JWT sessions.
import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { z } from "zod";
import { derivedSecret, env } from "@/lib/env";
import { clientIp } from "@/lib/rate-limit";
import { findUserForSignIn } from "@/lib/users/find-user";
import { SIGN_IN_BLOCKED, SIGN_IN_FAILED } from "./messages";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clearSignInFailures, isSignInBlocked, recordFailedSignIn } from "./sign-in-limits";

const SESSION_HOURS = 8;

const credentialsSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

/** Checks e-mail and password; every failure gives the same answer whether or not the e-mail exists. */
export async function authorizeCredentials(raw: unknown, ip: string): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(SIGN_IN_FAILED);
  const email = parsed.data.email.toLowerCase();
  if (await isSignInBlocked(email, ip)) {
    // The same work as any other answer: a blocked attempt is not told apart by its timing.
    await verifyAgainstDummy(parsed.data.password);
    throw new Error(SIGN_IN_BLOCKED);
  }
  const user = await findUserForSignIn(email);
  const valid =
    user?.passwordHash && !user.disabledAt
      ? await verifyPassword(user.passwordHash, parsed.data.password)
      : await verifyAgainstDummy(parsed.data.password);
  if (!user || !valid) {
    await recordFailedSignIn(email, ip);
    throw new Error(SIGN_IN_FAILED);
  }
  await clearSignInFailures(email, ip);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "E-mail",
      credentials: {
        email: { label: "E-mail", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: (credentials, req) => authorizeCredentials(credentials, clientIp(req.headers)),
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    list.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  }
  return list;
}

export const authOptions: NextAuthOptions = {
  providers: providers(),
  // A getter: `next build` loads this module without APP_SECRET; requests always have it.
  get secret() {
    return derivedSecret("nextauth");
  },
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  useSecureCookies: env.appUrl.startsWith("https://"),
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    // OAuth only signs in people who were already invited: matched by e-mail, never created.
    async signIn({ user, account }) {
      if (!account || account.type === "credentials") return true;
      const existing = user.email ? await findUserForSignIn(user.email) : null;
      return Boolean(existing && !existing.disabledAt);
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        if (account.type === "credentials") {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
        } else {
          const existing = user.email ? await findUserForSignIn(user.email) : null;
          token.uid = existing?.id;
          token.sv = existing?.sessionVersion ?? 0;
        }
      }
      return token;
    },
    async session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      return session;
    },
  },
};
