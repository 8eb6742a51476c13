// A real SMTP server for mail tests: started on a free loopback port, it parses every message it
// accepts (mailparser) and keeps it. `refuse(reason)` makes it answer every message with a
// permanent error until `accept()`, as a relay that is down or rejecting would.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  from: string;
  fromName: string;
  subject: string;
  text: string;
  /** Each header as it arrived (unfolded, value only), by lower-case name. */
  headers: Map<string, string>;
  raw: string;
}

export interface TestSmtpServer {
  url: string;
  messages: ReceivedMail[];
  /** Messages addressed to `address`. */
  mailTo(address: string): ReceivedMail[];
  refuse(reason?: string): void;
  accept(): void;
  close(): Promise<void>;
}

function addresses(field: ParsedMail["to"]): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((group) => group.value.map((entry) => entry.address ?? ""));
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  let refusal: string | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusal !== null) {
          const error = Object.assign(new Error(refusal), { responseCode: 554 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              to: addresses(parsed.to),
              from: parsed.from?.value[0]?.address ?? "",
              fromName: parsed.from?.value[0]?.name ?? "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              headers: new Map(
                parsed.headerLines.map(({ key, line }) => [
                  key,
                  line
                    .replace(/\r?\n[ \t]+/g, " ")
                    .slice(line.indexOf(":") + 1)
                    .trim(),
                ]),
              ),
              raw,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    mailTo: (address) => messages.filter((m) => m.to.includes(address)),
    refuse: (reason = "554 5.7.1 Relay refused by the test") => (refusal = reason),
    accept: () => (refusal = null),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
