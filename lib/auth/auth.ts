import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/lib/domain/users";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/auth/client-address";
import { SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/domain/sessions";

/**
 * The session as lib/auth/session.ts reads it. A cookie from before session rows existed has no
 * sessionId and is refused (its holder signs in once more).
 */
export type SessionWithClaims = { user?: { id?: string }; sessionId?: string; sessionVersion?: number };

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
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
          const address = clientAddress(request?.headers);
          const user = await authenticate(credentials, address);
          const { sessionId } = await startSession({ userId: user.id, userAgent: request?.headers?.get("user-agent"), address });
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, sessionId };
        } catch (error) {
          if (error instanceof AppError) throw new SignInFailed(error.code);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    // The cookie names its UserSession row and remembers the account's session version at
    // sign-in; lib/auth/session.ts reads the row on every request, so revoking the row (or bumping
    // the version) ends the session on every server.
    jwt({ token, user }) {
      if (user?.id) {
        const claims = user as { sessionVersion?: number; sessionId?: string };
        token.sub = user.id;
        token.sv = claims.sessionVersion ?? 0;
        token.sid = claims.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      const claims = session as SessionWithClaims;
      claims.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      claims.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
});
