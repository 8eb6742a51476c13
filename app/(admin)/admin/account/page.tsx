import { ChangePasswordForm, SignOutEverywhereForm } from "@/components/admin/account/account-forms";
import { requirePagePermission } from "@/lib/platform/page-guard";

export const metadata = { title: "My account" };

export default async function AccountPage() {
  const user = await requirePagePermission("account.manageOwn", "/admin/account");
  return (
    <>
      <h1>My account</h1>
      <p>
        {user.name} · {user.email}
      </p>
      {user.mustChangePassword && (
        <p className="notice" role="status">
          You signed in with a one-time password: choose your own now.
        </p>
      )}
      <h2>Change password</h2>
      <ChangePasswordForm />
      <h2>Sessions</h2>
      <SignOutEverywhereForm />
    </>
  );
}
