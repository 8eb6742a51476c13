"use client";

import * as Toast from "@radix-ui/react-toast";
import { CircleAlert, CircleCheck, X } from "lucide-react";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type Tone = "success" | "error";
interface ToastMessage {
  id: number;
  text: string;
  tone: Tone;
}

const ToastContext = createContext<(text: string, tone?: Tone) => void>(() => {});

/** Shows a short confirmation ("Published.") in the corner; errors stay until dismissed. */
export function useToast() {
  return useContext(ToastContext);
}

let nextId = 1;

export function Toaster({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<ToastMessage[]>([]);
  const show = useCallback((text: string, tone: Tone = "success") => {
    setMessages((current) => [...current.slice(-2), { id: nextId++, text, tone }]);
  }, []);
  const dismiss = (id: number) => setMessages((current) => current.filter((m) => m.id !== id));

  return (
    <ToastContext.Provider value={show}>
      <Toast.Provider swipeDirection="right" duration={5000}>
        {children}
        {messages.map((message) => (
          <Toast.Root
            key={message.id}
            className={`toast toast-${message.tone}`}
            type={message.tone === "error" ? "foreground" : "background"}
            duration={message.tone === "error" ? Infinity : undefined}
            onOpenChange={(open) => !open && dismiss(message.id)}
            data-testid="toast"
          >
            {message.tone === "error" ? (
              <CircleAlert aria-hidden size={18} />
            ) : (
              <CircleCheck aria-hidden size={18} />
            )}
            <Toast.Description>{message.text}</Toast.Description>
            <Toast.Close className="icon-button" aria-label="Dismiss">
              <X aria-hidden size={16} />
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="toast-viewport" label="Notifications ({hotkey})" />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}
