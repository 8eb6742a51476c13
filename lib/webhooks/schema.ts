// Input of the webhook actions. The URL's syntax is checked here; whether its host may be
// reached (no private networks) is checked by manage-endpoints.ts, which resolves it.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";

export const WEBHOOK_URL_MAX = 2_000;

const id = (what: string) =>
  z
    .string({ error: `Missing ${what} id.` })
    .trim()
    .min(1, `Missing ${what} id.`)
    .max(64, `That ${what} id is not valid.`);

export const WEBHOOK_URL_SCHEME_MESSAGE =
  "Use an http:// or https:// address, e.g. https://example.com/hooks.";

const url = z
  .string({ error: "Enter the address that should receive the events." })
  .trim()
  .min(1, "Enter the address that should receive the events.")
  .max(WEBHOOK_URL_MAX, `Keep the address to ${WEBHOOK_URL_MAX.toLocaleString("en-US")} characters or fewer.`)
  .refine((value) => URL.canParse(value), "That is not a web address; use e.g. https://example.com/hooks.")
  .refine(
    (value) => !URL.canParse(value) || /^https?:$/.test(new URL(value).protocol),
    WEBHOOK_URL_SCHEME_MESSAGE,
  )
  .refine(
    (value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password),
    "Leave the user name and password out of the address; the signature proves who is calling.",
  );

/** A checkbox list arrives as one string, several strings, or nothing. */
const events = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.enum(WEBHOOK_EVENTS, { error: "Choose events from the list." }))
    .min(1, "Choose at least one event to send.")
    .transform((list) => [...new Set(list)]),
);

/** A checkbox: "on" when ticked, absent when not. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const description = z
  .string({ error: "The description must be text." })
  .trim()
  .max(200, "Keep the description to 200 characters or fewer.")
  .default("");

export const CreateWebhookSchema = z.object({ url, description, events, active: checkbox });
export const UpdateWebhookSchema = CreateWebhookSchema.extend({ endpointId: id("endpoint") });
export const WebhookIdSchema = z.object({ endpointId: id("endpoint") });
export const ResendDeliverySchema = z.object({ deliveryId: id("delivery") });

export type CreateWebhookInput = z.output<typeof CreateWebhookSchema>;
export type UpdateWebhookInput = z.output<typeof UpdateWebhookSchema>;
