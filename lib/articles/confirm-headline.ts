// An editor's confirmation that a reprint's headline may differ from the original title: the
// fidelity check asks for it when the authorization does not allow modification. It holds for
// the exact headline confirmed; a later change of title needs a new confirmation. The action
// lets only those who may publish confirm.
import { z } from "zod";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { db } from "@/lib/platform/db";

export const ConfirmHeadlineSchema = z.object({
  id: z.string().min(1).max(64),
  /** The headline the editor saw and confirms. */
  title: z.string().max(300),
});

export async function confirmHeadline(
  input: z.output<typeof ConfirmHeadlineSchema>,
  { actor, ip }: ActionContext,
) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.id },
      select: { title: true, confirmedHeadline: true, originalTitle: true },
    });
    if (!article) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
    if (article.title !== input.title) {
      throw new ActionFailure(
        "CONFLICT",
        "The headline changed since you looked at it: save the article and confirm the headline as it is now.",
      );
    }
    await tx.article.update({ where: { id: input.id }, data: { confirmedHeadline: article.title } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.headline_confirmed",
      entityType: "Article",
      entityId: input.id,
      before: { confirmedHeadline: article.confirmedHeadline },
      after: { confirmedHeadline: article.title, originalTitle: article.originalTitle },
      ip,
    });
    return { confirmedHeadline: article.title };
  });
}
