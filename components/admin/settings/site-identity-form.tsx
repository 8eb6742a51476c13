"use client";

import { useState } from "react";
import { saveSiteIdentity } from "@/app/(admin)/admin/settings/actions";
import { MediaPicker } from "@/components/admin/media/media-picker";
import { IDENTITY_LIMITS, type StoredSiteIdentity } from "@/lib/site/identity-fields";
import { SettingsField, SettingsForm } from "./settings-form";
import { FieldMessage } from "@/components/admin/taxonomy/fields";
import type { ActionResult } from "@/lib/platform/actions/result";

export interface LogoPreview {
  mediaId: string;
  url: string;
  alt: string;
}

export function SiteIdentityForm({
  identity,
  logo,
  savedAt,
  timeZones,
}: {
  identity: StoredSiteIdentity;
  logo: LogoPreview | null;
  savedAt: string;
  /** Suggestions: the names the server accepts. */
  timeZones: readonly string[];
}) {
  return (
    <SettingsForm action={saveSiteIdentity} savedAt={savedAt} submitLabel="Save site identity">
      {(state) => (
        <>
          <SettingsField state={state} name="title" label="Site title">
            {(props) => (
              <input {...props} required maxLength={IDENTITY_LIMITS.title} defaultValue={identity.title} />
            )}
          </SettingsField>
          <SettingsField
            state={state}
            name="tagline"
            label="Tagline"
            hint="Under the title in the header. May be empty."
          >
            {(props) => (
              <input {...props} maxLength={IDENTITY_LIMITS.tagline} defaultValue={identity.tagline} />
            )}
          </SettingsField>
          <SettingsField
            state={state}
            name="description"
            label="Description"
            hint="For search engines, link previews and the feed."
          >
            {(props) => (
              <textarea
                {...props}
                required
                rows={2}
                maxLength={IDENTITY_LIMITS.description}
                defaultValue={identity.description}
              />
            )}
          </SettingsField>
          <LogoField state={state} initial={logo} />
          <SettingsField
            state={state}
            name="timeZone"
            label="Time zone"
            hint="An IANA name, e.g. Europe/London or Asia/Shanghai. Dates printed on pages use it; feeds and machine-readable times stay in UTC."
          >
            {(props) => (
              <>
                <input
                  {...props}
                  required
                  list="site-time-zones"
                  defaultValue={identity.timeZone}
                  autoComplete="off"
                />
                <datalist id="site-time-zones">
                  {timeZones.map((zone) => (
                    <option key={zone} value={zone} />
                  ))}
                </datalist>
              </>
            )}
          </SettingsField>
          <SettingsField
            state={state}
            name="language"
            label="Language"
            hint="A BCP 47 tag, e.g. en, en-GB or zh-Hans: the pages’ language and the feeds’."
          >
            {(props) => (
              <input
                {...props}
                required
                maxLength={IDENTITY_LIMITS.language}
                defaultValue={identity.language}
              />
            )}
          </SettingsField>
        </>
      )}
    </SettingsForm>
  );
}

/** The logo: an image of the media library, or none (the default icon). */
function LogoField({ state, initial }: { state: ActionResult | null; initial: LogoPreview | null }) {
  const [logo, setLogo] = useState(initial);
  const [picking, setPicking] = useState(false);
  return (
    <fieldset className="stack">
      <legend>Logo</legend>
      <input type="hidden" name="logoMediaId" value={logo?.mediaId ?? ""} />
      <p className="meta" id="site-logo-hint">
        Shown before the title and used as the favicon. Without one, the site’s default icon is used.
      </p>
      {logo ? (
        // eslint-disable-next-line @next/next/no-img-element -- already resized; served from /media
        <img src={logo.url} alt={`Current logo: ${logo.alt}`} className="site-logo-preview" />
      ) : (
        <p>No logo chosen.</p>
      )}
      {picking ? (
        <MediaPicker
          onPick={(media) => {
            setLogo({ mediaId: media.id, url: media.url, alt: media.alt });
            setPicking(false);
          }}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <div className="row-actions">
          <button type="button" onClick={() => setPicking(true)}>
            {logo ? "Choose another logo" : "Choose a logo"}
          </button>
          {logo && (
            <button type="button" className="link-button" onClick={() => setLogo(null)}>
              Remove the logo
            </button>
          )}
        </div>
      )}
      <FieldMessage state={state} name="logoMediaId" id="site-logo-error" />
    </fieldset>
  );
}
