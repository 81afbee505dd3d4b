import type { Backend } from '../../electron/backend';

/** The profile fields a member set or cleared by hand, as stored (customers.edited_fields). */
export function editedFieldsOf(backend: Backend, customerId: number): string[] {
  const row = backend.db.raw.prepare('SELECT edited_fields FROM customers WHERE id = ?').get(customerId) as {
    edited_fields: string;
  };
  return JSON.parse(row.edited_fields) as string[];
}
