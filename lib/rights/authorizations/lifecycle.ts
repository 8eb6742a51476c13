// The life of a reprint authorization: requested → granted (with evidence) → revoked, or
// requested → denied. Every change runs in one transaction with an append-only
// AuthorizationEvent and an audit entry. Decisions name the version they were made from, so
// two admins deciding the same request at once cannot both win. DENIED and REVOKED never change;
// neither does a GRANTED authorization whose term has ended (EXPIRED): it can only be renewed,
// which records a new request pointing at it. Evidence is only ever added, never removed.
import { createHash, randomUUID } from "node:crypto";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateRevokedSource, invalidateTaxonomy } from "@/lib/platform/cache/article-changes";
import { now } from "@/lib/platform/clock";
import { db, type DbTransaction } from "@/lib/platform/db";
import type { Prisma, ReprintAuthorization } from "@/lib/generated/prisma/client";
import type { AuthorizationStatus } from "@/lib/generated/prisma/enums";
import { reviewSourceReprints } from "@/lib/rights/sweep";
import { getStorage } from "@/lib/platform/storage";
import {
  AUTHORIZATION_MESSAGES,
  dropUnusedScopeDetail,
  MAX_EVIDENCE_BYTES,
  termsProblems,
  type AddEvidenceFileInput,
  type AddEvidenceUrlInput,
  type DenyInput,
  type GrantInput,
  type RecordGrantedInput,
  type RecordRequestInput,
  type RenewInput,
  type RevokeInput,
} from "@/lib/rights/authorizations/schema";
import { cleanEvidenceFileName, detectEvidenceType, type EvidenceFileType } from "./evidence-type";
import { derivedStatus, type DerivedStatus } from "./status";
import { diffTerms, renewalTerms, TERM_KEYS, termsOf, type Terms } from "./terms";

export { derivedStatus, type DerivedStatus } from "./status";

const ENTITY = "ReprintAuthorization";

export const AUTHORIZATION_CONFLICTS = {
  decidedFirst: "Someone else decided this request first.",
  revokedFirst: "Someone else revoked this authorization first.",
  changed: "This authorization changed after you opened it. Reload the page and try again.",
  grantedOnlyRevoked:
    "A granted authorization can only be revoked (or renewed when its term ends); it cannot be decided again.",
  denied: "A denied request is final and never changes. Record a new request instead.",
  revoked: "A revoked authorization is final and never changes. Record a new request instead.",
  expired: "This authorization has expired and never changes again. Renew it to ask for a new term.",
  requestedNotRevocable: "Only a granted authorization can be revoked; deny a pending request instead.",
  noEvidence:
    "Add evidence of the grant first (the grantor's message as a file or screenshot, or a link to it): an authorization cannot be granted without evidence.",
  notRenewable:
    "Only a granted authorization, in force or expired, can be renewed. Record a new request instead.",
  renewalPending: "A renewal of this authorization is already waiting for a decision.",
  alreadyRenewed: "This authorization has already been renewed: renew the renewal instead.",
} as const;

type Move = "grant" | "deny" | "revoke";

const MOVE_TO: Record<Move, AuthorizationStatus> = { grant: "GRANTED", deny: "DENIED", revoke: "REVOKED" };
const MOVE_FROM: Record<Move, DerivedStatus> = { grant: "REQUESTED", deny: "REQUESTED", revoke: "GRANTED" };

// ─── Shared steps ────────────────────────────────────────────────────────────

/** What the audit log keeps of an authorization. */
function snapshot(row: ReprintAuthorization) {
  return {
    id: row.id,
    sourceId: row.sourceId,
    status: row.status,
    version: row.version,
    ...termsOf(row),
    renewsId: row.renewsId,
    decidedAt: row.decidedAt,
    decidedById: row.decidedById,
    denialReason: row.denialReason,
    revokedAt: row.revokedAt,
    revokedById: row.revokedById,
    revocationReason: row.revocationReason,
  };
}

function json(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? {})) as Prisma.InputJsonValue;
}

async function appendEvent(
  tx: DbTransaction,
  event: {
    authorizationId: string;
    type: string;
    fromStatus?: AuthorizationStatus | null;
    toStatus?: AuthorizationStatus | null;
    data?: unknown;
    actorId: string;
    at: Date;
  },
): Promise<void> {
  await tx.authorizationEvent.create({
    data: {
      authorizationId: event.authorizationId,
      type: event.type,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      data: event.data === undefined ? undefined : json(event.data),
      actorId: event.actorId,
      createdAt: event.at,
    },
  });
}

async function load(tx: DbTransaction, id: string, field = "id"): Promise<ReprintAuthorization> {
  const row = await tx.reprintAuthorization.findUnique({ where: { id } });
  if (!row) {
    const message = "That authorization no longer exists. Reload the page.";
    throw new ActionFailure("NOT_FOUND", message, { [field]: [message] });
  }
  return row;
}

function conflict(message: string, row: ReprintAuthorization, at: Date): ActionFailure {
  return new ActionFailure("CONFLICT", message, undefined, {
    status: derivedStatus(row, at),
    version: row.version,
  });
}

/**
 * Refuses every move the lifecycle does not allow. A client that saw an older version and finds
 * the authorization moved on is told someone else got there first; one that saw the current
 * state is told why this move is not possible from it.
 */
function assertMove(current: ReprintAuthorization, move: Move, version: number, at: Date): void {
  const status = derivedStatus(current, at);
  const stale = current.version !== version;
  if (status === MOVE_FROM[move]) {
    if (stale) throw conflict(AUTHORIZATION_CONFLICTS.changed, current, at);
    return;
  }
  if (stale && (move === "grant" || move === "deny") && current.status !== "REQUESTED") {
    throw conflict(AUTHORIZATION_CONFLICTS.decidedFirst, current, at);
  }
  if (stale && move === "revoke" && current.status === "REVOKED") {
    throw conflict(AUTHORIZATION_CONFLICTS.revokedFirst, current, at);
  }
  const message: Record<DerivedStatus, string> = {
    REQUESTED: AUTHORIZATION_CONFLICTS.requestedNotRevocable,
    GRANTED: AUTHORIZATION_CONFLICTS.grantedOnlyRevoked,
    EXPIRED: AUTHORIZATION_CONFLICTS.expired,
    DENIED: AUTHORIZATION_CONFLICTS.denied,
    REVOKED: AUTHORIZATION_CONFLICTS.revoked,
  };
  throw conflict(message[status], current, at);
}

/** After a guarded write matched nothing: who won, in words. */
async function lostRace(tx: DbTransaction, id: string, move: Move, at: Date): Promise<ActionFailure> {
  const latest = await load(tx, id);
  if (latest.status !== MOVE_FROM[move]) {
    return conflict(
      move === "revoke" && latest.status === "REVOKED"
        ? AUTHORIZATION_CONFLICTS.revokedFirst
        : move === "revoke"
          ? AUTHORIZATION_CONFLICTS.changed
          : AUTHORIZATION_CONFLICTS.decidedFirst,
      latest,
      at,
    );
  }
  return conflict(AUTHORIZATION_CONFLICTS.changed, latest, at);
}

/** The guarded write of a decision: only from the version and status the decision was made on. */
async function applyMove(
  tx: DbTransaction,
  current: ReprintAuthorization,
  move: Move,
  version: number,
  data: Prisma.ReprintAuthorizationUncheckedUpdateManyInput,
  at: Date,
): Promise<ReprintAuthorization> {
  const { count } = await tx.reprintAuthorization.updateMany({
    where: { id: current.id, version, status: current.status },
    data: { ...data, status: MOVE_TO[move], version: { increment: 1 }, updatedAt: at },
  });
  if (count === 0) throw await lostRace(tx, current.id, move, at);
  return tx.reprintAuthorization.findUniqueOrThrow({ where: { id: current.id } });
}

/**
 * Serializes renewals of one authorization, then checks it can be renewed: it exists, is of
 * `sourceId` (when given), is granted (in force or expired), and no renewal of it is pending
 * or granted (a granted renewal is renewed in turn).
 */
async function assertRenewable(
  tx: DbTransaction,
  renewsId: string,
  sourceId: string | null,
  at: Date,
): Promise<ReprintAuthorization> {
  const key = `crosscurrent:authorization-renewal:${renewsId}`;
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${key}))`;
  const renewed = await tx.reprintAuthorization.findUnique({ where: { id: renewsId } });
  if (!renewed) {
    const message = "The authorization to renew no longer exists.";
    throw new ActionFailure("NOT_FOUND", message, { renewsId: [message] });
  }
  if (sourceId !== null && renewed.sourceId !== sourceId) {
    const message = "A renewal must be for the same source as the authorization it renews.";
    throw new ActionFailure("INVALID", message, { sourceId: [message] });
  }
  const status = derivedStatus(renewed, at);
  if (status !== "GRANTED" && status !== "EXPIRED")
    throw conflict(AUTHORIZATION_CONFLICTS.notRenewable, renewed, at);
  const open = await tx.reprintAuthorization.findFirst({
    where: { renewsId, status: { in: ["REQUESTED", "GRANTED"] } },
    orderBy: { requestedAt: "desc" },
    select: { id: true, status: true },
  });
  if (open) {
    const message =
      open.status === "REQUESTED"
        ? AUTHORIZATION_CONFLICTS.renewalPending
        : AUTHORIZATION_CONFLICTS.alreadyRenewed;
    throw new ActionFailure("CONFLICT", message, undefined, { renewalId: open.id });
  }
  return renewed;
}

async function insertRequest(
  tx: DbTransaction,
  input: { sourceId: string; terms: Terms; renewsId: string | null },
  { actor, ip }: ActionContext,
  at: Date,
): Promise<ReprintAuthorization> {
  const created = await tx.reprintAuthorization.create({
    data: {
      ...input.terms,
      sourceId: input.sourceId,
      status: "REQUESTED",
      requestedAt: at,
      requestedById: actor.id,
      renewsId: input.renewsId,
      createdAt: at,
      updatedAt: at,
    },
  });
  await appendEvent(tx, {
    authorizationId: created.id,
    type: "REQUESTED",
    fromStatus: null,
    toStatus: "REQUESTED",
    data: { terms: termsOf(created), renewsId: created.renewsId },
    actorId: actor.id,
    at,
  });
  if (input.renewsId) {
    // The renewed authorization is never edited; its history notes the renewal.
    await appendEvent(tx, {
      authorizationId: input.renewsId,
      type: "RENEWAL_REQUESTED",
      data: { renewalId: created.id },
      actorId: actor.id,
      at,
    });
  }
  await recordAudit(tx, {
    actorId: actor.id,
    action: input.renewsId ? "authorization.renew" : "authorization.request",
    entityType: ENTITY,
    entityId: created.id,
    after: snapshot(created),
    ip,
  });
  return created;
}

// ─── The lifecycle ───────────────────────────────────────────────────────────

/** Records a request for reprint rights, with every term asked for. EDITOR and ADMIN. */
export async function recordRequest(
  input: RecordRequestInput,
  context: ActionContext,
): Promise<ReprintAuthorization> {
  const at = now();
  return db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
    if (!source) {
      const message = "That source no longer exists. Reload the page and pick it again.";
      throw new ActionFailure("NOT_FOUND", message, { sourceId: [message] });
    }
    if (input.renewsId) await assertRenewable(tx, input.renewsId, source.id, at);
    const { sourceId, renewsId, ...rest } = input;
    const terms = termsOf(rest as Terms);
    return insertRequest(tx, { sourceId, terms, renewsId }, context, at);
  });
}

/**
 * After a decision has committed: it changes which of the source's reprints are public, and their
 * attribution, so readers' caches forget the source's pages and every list. A decision that took
 * reprints away from readers (a revocation, a denial that withdrew some) is purged from a CDN
 * first.
 */
function sourceRightsChanged(
  sourceId: string,
  { withdrew = false }: { withdrew?: boolean } = {},
): Promise<void> {
  return withdrew ? invalidateRevokedSource(sourceId) : invalidateTaxonomy("source", sourceId);
}

/**
 * REQUESTED → GRANTED, with the terms as finally agreed (any term given replaces the requested
 * one). Refused unless at least one piece of evidence is on file.
 */
export async function grantAuthorization(
  input: GrantInput,
  { actor, ip }: ActionContext,
): Promise<ReprintAuthorization> {
  const at = now();
  const granted = await db.$transaction(async (tx) => {
    const current = await load(tx, input.id);
    assertMove(current, "grant", input.version, at);
    const evidenceCount = await tx.authorizationEvidence.count({ where: { authorizationId: current.id } });
    if (evidenceCount === 0) throw conflict(AUTHORIZATION_CONFLICTS.noEvidence, current, at);

    const given = Object.fromEntries(
      TERM_KEYS.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]),
    ) as Partial<Terms>;
    const terms = dropUnusedScopeDetail({ ...termsOf(current), ...given });
    const problems = termsProblems(terms);
    if (terms.validUntil && terms.validUntil.getTime() <= at.getTime()) {
      problems.validUntil ??= ["This end date has passed: the grant would be expired at once."];
    }
    const first = Object.values(problems)[0]?.[0];
    if (first) throw new ActionFailure("INVALID", first, problems);

    const granted = await applyMove(
      tx,
      current,
      "grant",
      input.version,
      { ...terms, decidedAt: at, decidedById: actor.id },
      at,
    );
    await appendEvent(tx, {
      authorizationId: granted.id,
      type: "GRANTED",
      fromStatus: "REQUESTED",
      toStatus: "GRANTED",
      data: { changedTerms: diffTerms(termsOf(current), termsOf(granted)), evidenceCount },
      actorId: actor.id,
      at,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "authorization.grant",
      entityType: ENTITY,
      entityId: granted.id,
      before: snapshot(current),
      after: snapshot(granted),
      ip,
    });
    return granted;
  });
  await sourceRightsChanged(granted.sourceId);
  return granted;
}

/** REQUESTED → DENIED, with the reason. */
export async function denyAuthorization(
  input: DenyInput,
  { actor, ip }: ActionContext,
): Promise<ReprintAuthorization> {
  const at = now();
  const { denied, withdrawn } = await db.$transaction(async (tx) => {
    const current = await load(tx, input.id);
    assertMove(current, "deny", input.version, at);
    const denied = await applyMove(
      tx,
      current,
      "deny",
      input.version,
      { decidedAt: at, decidedById: actor.id, denialReason: input.reason },
      at,
    );
    await appendEvent(tx, {
      authorizationId: denied.id,
      type: "DENIED",
      fromStatus: "REQUESTED",
      toStatus: "DENIED",
      data: { reason: input.reason },
      actorId: actor.id,
      at,
    });
    // A denial naming one piece outranks a whole-source grant: re-check what is public.
    const withdrawn = await reviewSourceReprints(tx, denied.sourceId, "REVOCATION", at, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "authorization.deny",
      entityType: ENTITY,
      entityId: denied.id,
      before: snapshot(current),
      after: snapshot(denied),
      ip,
    });
    return { denied, withdrawn };
  });
  await sourceRightsChanged(denied.sourceId, { withdrew: withdrawn > 0 });
  return denied;
}

/**
 * GRANTED (in force) → REVOKED, with the reason. What happens to covered articles follows the
 * onTermination term, applied at read time by the visibility rule (lib/articles/visibility.ts).
 */
export async function revokeAuthorization(
  input: RevokeInput,
  { actor, ip }: ActionContext,
): Promise<{ authorization: ReprintAuthorization; coveredArticles: number; withdrawnArticles: number }> {
  const at = now();
  const result = await db.$transaction(async (tx) => {
    const current = await load(tx, input.id);
    assertMove(current, "revoke", input.version, at);
    const revoked = await applyMove(
      tx,
      current,
      "revoke",
      input.version,
      { revokedAt: at, revokedById: actor.id, revocationReason: input.reason },
      at,
    );
    const coveredArticles = await tx.article.count({ where: { authorizationId: revoked.id } });
    // In the same transaction: the articles that depended on it stop being served at once.
    const withdrawnArticles = await reviewSourceReprints(tx, revoked.sourceId, "REVOCATION", at, actor.id);
    await appendEvent(tx, {
      authorizationId: revoked.id,
      type: "REVOKED",
      fromStatus: "GRANTED",
      toStatus: "REVOKED",
      data: {
        reason: input.reason,
        onTermination: revoked.onTermination,
        coveredArticles,
        withdrawnArticles,
      },
      actorId: actor.id,
      at,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "authorization.revoke",
      entityType: ENTITY,
      entityId: revoked.id,
      before: snapshot(current),
      after: snapshot(revoked),
      ip,
    });
    return { authorization: revoked, coveredArticles, withdrawnArticles };
  });
  await sourceRightsChanged(result.authorization.sourceId, { withdrew: true });
  return result;
}

/**
 * Asks to renew a granted authorization (in force or expired): a NEW request with the same
 * source and conditions, a term starting when the old one ends and lasting as long, and
 * renewsId pointing at the old one, which itself is never edited.
 */
export async function renewAuthorization(
  input: RenewInput,
  context: ActionContext,
): Promise<ReprintAuthorization> {
  const at = now();
  return db.$transaction(async (tx) => {
    const renewed = await assertRenewable(tx, input.id, null, at);
    return insertRequest(
      tx,
      { sourceId: renewed.sourceId, terms: renewalTerms(renewed, at), renewsId: renewed.id },
      context,
      at,
    );
  });
}

// ─── Evidence ────────────────────────────────────────────────────────────────

export const evidenceSelect = {
  id: true,
  authorizationId: true,
  kind: true,
  url: true,
  storageKey: true,
  fileName: true,
  contentType: true,
  byteSize: true,
  sha256: true,
  capturedAt: true,
  note: true,
  createdById: true,
  createdAt: true,
} as const;

export type EvidenceRow = Prisma.AuthorizationEvidenceGetPayload<{ select: typeof evidenceSelect }>;

async function insertEvidence(
  data: Omit<Prisma.AuthorizationEvidenceUncheckedCreateInput, "createdById" | "createdAt">,
  context: ActionContext,
  at: Date,
): Promise<EvidenceRow> {
  return db.$transaction((tx) => insertEvidenceIn(tx, data, context, at));
}

/** The evidence row, its event and its audit entry, inside the caller's transaction. */
async function insertEvidenceIn(
  tx: DbTransaction,
  data: Omit<Prisma.AuthorizationEvidenceUncheckedCreateInput, "createdById" | "createdAt">,
  { actor, ip }: ActionContext,
  at: Date,
): Promise<EvidenceRow> {
  const authorization = await load(tx, data.authorizationId, "authorizationId");
  const evidence = await tx.authorizationEvidence.create({
    data: { ...data, createdById: actor.id, createdAt: at },
    select: evidenceSelect,
  });
  const described = {
    evidenceId: evidence.id,
    kind: evidence.kind,
    url: evidence.url,
    fileName: evidence.fileName,
    contentType: evidence.contentType,
    byteSize: evidence.byteSize,
    sha256: evidence.sha256,
    capturedAt: evidence.capturedAt,
    note: evidence.note,
  };
  await appendEvent(tx, {
    authorizationId: authorization.id,
    type: "EVIDENCE_ADDED",
    data: described,
    actorId: actor.id,
    at,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "authorization.addEvidence",
    entityType: ENTITY,
    entityId: authorization.id,
    after: described,
    ip,
  });
  return evidence;
}

/** A link to the grant (a post, a message in an archive), with when it was seen and a note. */
export async function addEvidenceUrl(
  input: AddEvidenceUrlInput,
  context: ActionContext,
): Promise<EvidenceRow> {
  return insertEvidence(
    {
      authorizationId: input.authorizationId,
      kind: "URL",
      url: input.url,
      capturedAt: input.capturedAt,
      note: input.note,
    },
    context,
    now(),
  );
}

function invalidFile(message: string): ActionFailure {
  return new ActionFailure("INVALID", message, { file: [message] });
}

type StoredEvidence = Pick<
  Prisma.AuthorizationEvidenceUncheckedCreateInput,
  "storageKey" | "fileName" | "contentType" | "byteSize" | "sha256"
>;

/** The bytes of an uploaded file or screenshot, and what they really are; refused if not evidence. */
async function readEvidenceFile(
  file: File,
  kind: "FILE" | "SCREENSHOT",
): Promise<{ bytes: Uint8Array; type: EvidenceFileType }> {
  if (file.size === 0) throw invalidFile(AUTHORIZATION_MESSAGES.emptyFile);
  if (file.size > MAX_EVIDENCE_BYTES) throw invalidFile(AUTHORIZATION_MESSAGES.fileTooLarge);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > MAX_EVIDENCE_BYTES) throw invalidFile(AUTHORIZATION_MESSAGES.fileTooLarge);
  const type = detectEvidenceType(bytes);
  if (!type) throw invalidFile(AUTHORIZATION_MESSAGES.wrongFileType);
  if (kind === "SCREENSHOT" && !type.isImage) throw invalidFile(AUTHORIZATION_MESSAGES.screenshotNotImage);
  return { bytes, type };
}

/**
 * Stores evidence bytes under evidence/<authorizationId>/<uuid>.<ext>, then runs `write`; if
 * `write` fails, the stored file is removed again.
 */
async function withStoredEvidence<T>(
  authorizationId: string,
  file: { bytes: Uint8Array; contentType: string; extension: string; fileName: string },
  write: (stored: StoredEvidence) => Promise<T>,
): Promise<T> {
  const storageKey = `evidence/${authorizationId}/${randomUUID()}.${file.extension}`;
  const storage = getStorage();
  try {
    await storage.put(storageKey, file.bytes, file.contentType);
    return await write({
      storageKey,
      fileName: file.fileName,
      contentType: file.contentType,
      byteSize: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
    });
  } catch (error) {
    await storage.delete(storageKey).catch((e: unknown) => {
      console.error(`Could not delete stored evidence file ${storageKey}:`, e);
    });
    throw error;
  }
}

/**
 * A file (PDF or image) or a screenshot (image) of the grant, stored byte for byte under
 * evidence/<authorizationId>/<uuid>.<ext> with its SHA-256. The type is read from the bytes;
 * files over 20 MB are refused. If the row cannot be written, the stored file is removed.
 */
export async function addEvidenceFile(
  input: AddEvidenceFileInput,
  context: ActionContext,
): Promise<EvidenceRow> {
  const { bytes, type } = await readEvidenceFile(input.file, input.kind);
  // Before storing anything: the authorization exists (its id also becomes part of the key).
  const exists = await db.reprintAuthorization.findUnique({
    where: { id: input.authorizationId },
    select: { id: true },
  });
  if (!exists) {
    const message = "That authorization no longer exists. Reload the page.";
    throw new ActionFailure("NOT_FOUND", message, { authorizationId: [message] });
  }
  const file = { bytes, ...type, fileName: cleanEvidenceFileName(input.file.name, type) };
  return withStoredEvidence(exists.id, file, (stored) =>
    insertEvidence(
      {
        authorizationId: exists.id,
        kind: input.kind,
        ...stored,
        capturedAt: input.capturedAt,
        note: input.note,
      },
      context,
      now(),
    ),
  );
}

/** The grantor's reply pasted as text is kept as a UTF-8 text file, so it is hashed and downloadable. */
const PASTED_REPLY_FILE = {
  contentType: "text/plain; charset=utf-8",
  extension: "txt",
  fileName: "grantors-reply.txt",
};

/**
 * Records an authorization that was granted before it was recorded here (a permission received
 * by email, say): created GRANTED on the day it was granted, with its evidence, in one
 * transaction with its events and audit entries. Nothing is written when any part is refused.
 */
export async function recordGrantedAuthorization(
  input: RecordGrantedInput,
  context: ActionContext,
): Promise<ReprintAuthorization> {
  const at = now();
  const { actor, ip } = context;
  const { sourceId, grantedOn, evidenceKind, evidenceUrl, evidenceText, file, capturedAt, note, ...rest } =
    input;
  if (grantedOn.getTime() > at.getTime()) {
    const message = AUTHORIZATION_MESSAGES.grantedInFuture;
    throw new ActionFailure("INVALID", message, { grantedOn: [message] });
  }
  const terms = termsOf(rest as Terms);
  if (terms.validUntil && terms.validUntil.getTime() <= at.getTime()) {
    const message = "This end date has passed: the authorization would be expired at once.";
    throw new ActionFailure("INVALID", message, { validUntil: [message] });
  }
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { id: true } });
  if (!source) {
    const message = "That source no longer exists. Reload the page and pick it again.";
    throw new ActionFailure("NOT_FOUND", message, { sourceId: [message] });
  }
  // The id is chosen here: an evidence file's key names its authorization.
  const id = randomUUID();

  const write = (stored: StoredEvidence | null) =>
    db.$transaction(async (tx) => {
      const created = await tx.reprintAuthorization.create({
        data: {
          ...terms,
          id,
          sourceId: source.id,
          status: "GRANTED",
          requestedAt: grantedOn,
          requestedById: actor.id,
          decidedAt: grantedOn,
          decidedById: actor.id,
          createdAt: at,
          updatedAt: at,
        },
      });
      await appendEvent(tx, {
        authorizationId: id,
        type: "RECORDED_GRANTED",
        fromStatus: null,
        toStatus: "GRANTED",
        data: { terms: termsOf(created), grantedOn },
        actorId: actor.id,
        at,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "authorization.recordGranted",
        entityType: ENTITY,
        entityId: id,
        after: snapshot(created),
        ip,
      });
      const evidence =
        evidenceKind === "URL"
          ? { kind: "URL" as const, url: evidenceUrl }
          : { kind: evidenceKind === "SCREENSHOT" ? ("SCREENSHOT" as const) : ("FILE" as const), ...stored };
      await insertEvidenceIn(tx, { authorizationId: id, ...evidence, capturedAt, note }, context, at);
      return created;
    });

  let created: ReprintAuthorization;
  if (evidenceKind === "URL") {
    created = await write(null);
  } else if (evidenceKind === "TEXT") {
    const bytes = new TextEncoder().encode(evidenceText ?? "");
    created = await withStoredEvidence(id, { bytes, ...PASTED_REPLY_FILE }, write);
  } else {
    if (!file) throw invalidFile(AUTHORIZATION_MESSAGES.noFile);
    const { bytes, type } = await readEvidenceFile(file, evidenceKind);
    const named = { bytes, ...type, fileName: cleanEvidenceFileName(file.name, type) };
    created = await withStoredEvidence(id, named, write);
  }
  await sourceRightsChanged(created.sourceId);
  return created;
}

export type AddEvidenceInput = ({ kind: "URL" } & AddEvidenceUrlInput) | AddEvidenceFileInput;

/** Adds one piece of evidence: a link (kind URL) or a file or screenshot. */
export function addEvidence(input: AddEvidenceInput, context: ActionContext): Promise<EvidenceRow> {
  return input.kind === "URL" ? addEvidenceUrl(input, context) : addEvidenceFile(input, context);
}
