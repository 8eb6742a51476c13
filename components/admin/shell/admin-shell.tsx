"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";

/**
 * The staff frame: a sidebar beside the page on wide screens; on narrow ones a top bar whose
 * menu button opens the sidebar over the page, closed again by Escape or by going somewhere.
 */
export function AdminShell({
  sidebar,
  topBar,
  children,
}: {
  sidebar: ReactNode;
  topBar: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname();
  // Open on the page where it was opened: going elsewhere closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpenOn(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="admin-shell" data-menu-open={open || undefined}>
      <div className="admin-topbar">
        <button
          type="button"
          className="icon-button"
          aria-expanded={open}
          aria-controls="admin-sidebar"
          onClick={() => setOpen(!open)}
        >
          {open ? <X aria-hidden size={20} /> : <Menu aria-hidden size={20} />}
          <span className="visually-hidden">{open ? "Close menu" : "Menu"}</span>
        </button>
        {topBar}
      </div>
      <aside id="admin-sidebar" className="admin-sidebar">
        {sidebar}
      </aside>
      <main className="admin-main">{children}</main>
    </div>
  );
}
