import type { ActionResult } from "@/lib/platform/actions/result";

/** Shown once, right after it is made: the password is never stored in the clear. */
export function OneTimePassword({ state }: { state: ActionResult | null }) {
  const data = state?.ok
    ? (state.data as { email?: string; oneTimePassword?: string } | undefined)
    : undefined;
  if (!data?.oneTimePassword) return null;
  return (
    <p className="one-time-password">
      One-time password for {data.email}: <code data-testid="one-time-password">{data.oneTimePassword}</code>.
      Pass it on now; it will not be shown again.
    </p>
  );
}
