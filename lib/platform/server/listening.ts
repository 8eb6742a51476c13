// Starting and stopping an HTTP server the way the launcher's servers do.
import type { Server } from "node:http";

// Requests still running after this long are cut off, well before an orchestrator's SIGKILL.
const SHUTDOWN_GRACE_MS = 8_000;

/** Listens on `where`: a port on all interfaces, as `next start` listens, or a socket's path. */
export function listen(server: Server, where: number | string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `Port ${where} is already in use.` : error.message));
    server.once("error", onError);
    server.listen(where, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/** Stops accepting connections and lets requests under way finish, up to a grace period. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    // A keep-alive connection whose last request just finished would otherwise hold close() open
    // until its idle timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(cutOff);
      clearInterval(sweep);
      resolve();
    });
  });
}
