import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/platform/auth/callback-path";
import { getCurrentUser } from "@/lib/platform/session";
import { siteIdentity } from "@/lib/site/identity";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

interface Props {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(destination);
  const { title } = await siteIdentity();
  return (
    <main className="auth-page">
      <h1>Sign in to {title}</h1>
      <LoginForm callbackPath={destination} />
    </main>
  );
}
