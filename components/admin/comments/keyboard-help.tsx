import { QUEUE_SHORTCUTS } from "./shortcuts";
import styles from "./comments.module.css";

/** The queue's shortcuts, listed where the moderator can see them. */
export function KeyboardHelp() {
  return (
    <section aria-labelledby="shortcuts-heading" className={styles.shortcuts}>
      <h2 id="shortcuts-heading" className="meta">
        Keyboard shortcuts (not while typing in a field)
      </h2>
      <dl>
        {QUEUE_SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key}>
            <dt>
              <kbd>{shortcut.key}</kbd>
            </dt>
            <dd>{shortcut.label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
