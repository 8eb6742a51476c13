import styles from "./search.module.css";

export function SearchTips() {
  return (
    <div className={styles.tips}>
      <h2>Search tips</h2>
      <ul>
        <li>
          Put a phrase in quotes to find those words together: <code>&quot;Taiwan Strait&quot;</code>.
        </li>
        <li>
          Use <code>OR</code> for either word: <code>Kishida OR Abe</code>.
        </li>
        <li>
          Put a minus before a word to leave it out: <code>Japan -Okinawa</code>.
        </li>
        <li>Fewer, more distinctive words find more. Common words such as “the” are ignored.</li>
      </ul>
    </div>
  );
}
