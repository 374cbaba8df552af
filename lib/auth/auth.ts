import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/lib/domain/users";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/auth/client-address";

/** The session as lib/auth/session.ts reads it: a cookie from before versions existed has -1 and is refused. */
export type SessionWithVersion = { user?: { id?: string }; sessionVersion?: number };

/** Carries our error code through Auth.js to the sign-in form. */
class SignInFailed extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Undefined only outside `npm start` (which generates one); Auth.js then refuses requests with MissingSecret.
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  trustHost: true,
  logger: {
    // A wrong password is an expected outcome, answered on the form: not a server error to log.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const user = await authenticate(credentials, clientAddress(request?.headers));
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (error instanceof AppError) throw new SignInFailed(error.code);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    // The cookie remembers the account's session version at sign-in; lib/auth/session.ts compares
    // it with the stored one on every request, so bumping the stored version ends the session.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      (session as SessionWithVersion).sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
});
