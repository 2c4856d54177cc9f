"use client";

import { useState, type FormEvent } from "react";
import type { TRole } from "@/lib/contracts/auth";
import { useUsers } from "@/lib/client/hooks/use-users";
import { useCreateUser } from "@/lib/client/hooks/use-create-user";
import { useUpdateUser } from "@/lib/client/hooks/use-update-user";
import { ApiError } from "@/lib/client/api";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingRows } from "@/components/ui/states";

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const users = useUsers({ enabled: true });
  const create = useCreateUser();
  const update = useUpdateUser();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<TRole>("trader");
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    try {
      await create.mutateAsync({ email, password, role });
      setEmail("");
      setPassword("");
    } catch {
      // shown below
    }
  }

  return (
    <Panel title="Users">
      <form onSubmit={onCreate} aria-label="Create user" className="mb-6 flex flex-wrap items-end gap-3">
        <TextField
          label="New user email"
          type="email"
          required
          value={email}
          error={fieldErrors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          error={fieldErrors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as TRole)}>
          <option value="trader">trader</option>
          <option value="admin">admin</option>
        </SelectField>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create user
        </Button>
      </form>
      {create.error && Object.keys(fieldErrors).length === 0 ? <ErrorState error={create.error} /> : null}
      {update.error ? <ErrorState error={update.error} /> : null}
      {users.isPending ? (
        <LoadingRows label="Loading users" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[520px] text-sm" aria-label="Users">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="py-2 font-medium">Email</th>
                <th className="font-medium">Role</th>
                <th className="font-medium">Status</th>
                <th className="font-medium">API-key stamps</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((user) => (
                <tr key={user.id} className="border-t border-border">
                  <td className="py-2">{user.email}</td>
                  <td>{user.role}</td>
                  <td>{user.disabled_at ? "disabled" : "active"}</td>
                  <td>
                    <label className="inline-flex items-center gap-2">
                      <input
                        type="checkbox"
                        checked={user.api_key_stamps}
                        disabled={update.isPending}
                        aria-label={`API-key stamps for ${user.email}`}
                        onChange={(event) =>
                          update.mutate({ id: user.id, api_key_stamps: event.target.checked })
                        }
                      />
                      <span className="text-xs text-muted">{user.api_key_stamps ? "allowed" : "off"}</span>
                    </label>
                  </td>
                  <td className="text-right">
                    {user.id === currentUserId ? (
                      <span className="text-xs text-muted">you</span>
                    ) : (
                      <span className="inline-flex gap-2">
                        <Button
                          variant="ghost"
                          onClick={() =>
                            update.mutate({ id: user.id, role: user.role === "admin" ? "trader" : "admin" })
                          }
                        >
                          Make {user.role === "admin" ? "trader" : "admin"}
                        </Button>
                        <Button
                          variant={user.disabled_at ? "secondary" : "danger"}
                          onClick={() => update.mutate({ id: user.id, disabled: !user.disabled_at })}
                        >
                          {user.disabled_at ? "Enable" : "Disable"}
                        </Button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
