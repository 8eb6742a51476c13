// The filter form above an admin list: a GET form, so the filters stay in the address.
import type { ReactNode } from "react";

export function FilterForm({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <form className="filters" method="get" aria-label={label}>
      {children}
      <button type="submit">Filter</button>
    </form>
  );
}

export function TextFilter({
  label,
  name,
  value,
  type,
  placeholder,
}: {
  label: string;
  name: string;
  value: string | undefined;
  type?: "date";
  placeholder?: string;
}) {
  return (
    <label>
      {label} <input name={name} type={type} defaultValue={value} placeholder={placeholder} />
    </label>
  );
}

/** A choice among `options`, or "Any". */
export function SelectFilter({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
