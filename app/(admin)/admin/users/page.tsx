import { CreateUserForm } from "@/components/admin/users/create-user-form";
import { UserRowActions } from "@/components/admin/users/user-row-actions";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { listUsers } from "@/lib/users/list";
import { ROLE_LABELS } from "@/lib/platform/roles";
import { ColumnHeads } from "@/components/ui/data-table";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePagePermission("user.manage", "/admin/users");
  const users = await listUsers();
  return (
    <>
      <h1>Users</h1>
      <table className="data-table">
        <ColumnHeads columns={["Name", "Email", "Role", "Status", "Last sign-in", "Actions"]} />
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-${user.email}`}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.active ? "Active" : "Deactivated"}</td>
              <td>{user.lastLoginAt?.toISOString().slice(0, 16).replace("T", " ") ?? "Never"}</td>
              <td>
                <UserRowActions user={user} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a user</h2>
      <CreateUserForm />
    </>
  );
}
