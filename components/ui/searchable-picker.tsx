"use client";

import * as Popover from "@radix-ui/react-popover";
import { Command } from "cmdk";
import { Plus } from "lucide-react";
import { useState, type ReactNode } from "react";

export interface PickerItem {
  id: string;
  name: string;
  /** Shown after the name and searched too (a tag's kind, a person's native name). */
  hint?: string;
}

/**
 * A button that opens a searchable list: type to narrow it, arrows and Enter to pick. With
 * `onCreate`, a query that names nothing on the list can be added as a new item on the spot.
 */
export function SearchablePicker({
  label,
  trigger,
  items,
  onPick,
  onCreate,
  createLabel = "Create",
}: {
  /** Names the search box and the list for assistive technology. */
  label: string;
  trigger: ReactNode;
  items: readonly PickerItem[];
  onPick: (item: PickerItem) => void;
  onCreate?: (name: string) => Promise<PickerItem | string>;
  createLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const wanted = query.trim();
  const exists = items.some((item) => item.name.toLowerCase() === wanted.toLowerCase());

  function close() {
    setOpen(false);
    setQuery("");
    setError(null);
  }

  async function create() {
    if (!onCreate) return;
    setCreating(true);
    const created = await onCreate(wanted);
    setCreating(false);
    if (typeof created === "string") return setError(created);
    onPick(created);
    close();
  }

  return (
    <Popover.Root open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover picker-popover"
          side="bottom"
          align="start"
          sideOffset={4}
          collisionPadding={8}
        >
          <Command
            label={label}
            filter={(_value, search, keywords) =>
              (keywords ?? []).join(" ").toLowerCase().includes(search.trim().toLowerCase()) ? 1 : 0
            }
          >
            <Command.Input
              value={query}
              onValueChange={(value) => {
                setQuery(value);
                setError(null);
              }}
              placeholder="Type to search…"
              aria-label={label}
            />
            <Command.List className="picker-list">
              <Command.Empty>{onCreate ? "None yet by that name." : "Nothing matches."}</Command.Empty>
              {items.map((item) => (
                <Command.Item
                  key={item.id}
                  value={item.id}
                  keywords={[item.name, item.hint ?? ""]}
                  onSelect={() => {
                    onPick(item);
                    close();
                  }}
                >
                  {item.name}
                  {item.hint && <span className="meta"> {item.hint}</span>}
                </Command.Item>
              ))}
              {onCreate && wanted && !exists && (
                <Command.Item
                  value={`create:${wanted}`}
                  keywords={[wanted]}
                  disabled={creating}
                  onSelect={() => void create()}
                >
                  <Plus aria-hidden size={14} /> {createLabel} “{wanted}”
                </Command.Item>
              )}
            </Command.List>
          </Command>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
