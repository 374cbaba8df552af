import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/lib/domain/users";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

/** Carries our error code through Auth.js to the sign-in form. */
class SignInFailed extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

if (!env.AUTH_SECRET) {
  throw new Error("AUTH_SECRET is not set: `npm start` generates one, or set it (openssl rand -base64 32).");
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  trustHost: true,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        try {
          const user = await authenticate(credentials);
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          if (error instanceof AppError) throw new SignInFailed(error.code);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
