// next-auth: email and password (Credentials provider), sessions as signed JWTs carrying the
// user id, session version and session id. Whether that session still counts (not signed out,
// not idle too long, not too old) is decided per request by lib/platform/session.ts against the
// database; signing out revokes the session there (lib/platform/auth/sessions.ts).
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/platform/env";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { openSession, revokeSession, SESSION_ABSOLUTE_LIMIT_MS } from "./sessions";
import { signInWithPassword } from "./sign-in";

// The token never outlives the session's absolute limit; the idle limit and sign-out are
// enforced per request against the session's row.
const SESSION_MAX_AGE = SESSION_ABSOLUTE_LIMIT_MS / 1000;

export const authOptions: AuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login", error: "/login" },
  useSecureCookies: env.SITE_URL.startsWith("https://"),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const ip = clientIpFromHeaders(new Headers(request.headers as Record<string, string>));
        const result = await signInWithPassword(credentials, ip);
        // next-auth shows a thrown error's message to the sign-in form.
        if (!result.ok) throw new Error(result.message);
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sv: result.user.sessionVersion,
          sid: await openSession(result.user.id),
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv, sessionId: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(token.sid);
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    sid?: string;
  }
}
