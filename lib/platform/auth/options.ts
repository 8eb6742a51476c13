// next-auth: email and password (Credentials provider), sessions as signed JWTs carrying the
// user id and session version. Whether that session still counts is decided per request by
// lib/platform/session.ts against the database.
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/platform/env";
import { clientIpFromHeaders } from "@/lib/platform/http/client-ip";
import { signInWithPassword } from "./sign-in";

const SESSION_MAX_AGE = 12 * 60 * 60; // a working day; the version check ends sessions sooner

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
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv };
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}
