// Signs in through next-auth's credentials endpoint (as a browser form would) and returns the
// Cookie header of the session, or a reason why not.
import { PATHS } from "../config";

type Jar = Map<string, string>;

function remember(jar: Jar, response: Response): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const header = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signIn(base: string, email: string, password: string): Promise<{ cookie: string } | { error: string }> {
  const jar: Jar = new Map();
  const csrfResponse = await fetch(base + PATHS.csrf).catch(() => null);
  if (!csrfResponse || csrfResponse.status !== 200) return { error: `GET ${PATHS.csrf} answered ${csrfResponse?.status ?? "nothing"} (next-auth not mounted yet?)` };
  remember(jar, csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) return { error: "next-auth returned no csrfToken" };
  const response = await fetch(base + PATHS.credentialsCallback, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: base + PATHS.dashboardOverview, json: "true" }),
  });
  await response.arrayBuffer();
  remember(jar, response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    return { error: `credentials sign-in for ${email} set no session cookie (status ${response.status})` };
  }
  return { cookie: header(jar) };
}
