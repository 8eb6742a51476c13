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
        <li>
          Chinese, Japanese and Korean are found wherever they appear, in the original of a translated piece
          too: <code lang="zh-Hans">台湾海峡</code>, <code lang="ja">岸田</code>. Separate words with spaces;
          OR and the minus work as above: <code lang="ja">沖縄 OR 台湾 -日本</code>.
        </li>
      </ul>
    </div>
  );
}
