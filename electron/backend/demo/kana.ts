/** Romanisation of the vocabulary's hiragana readings, for plausible e-mail addresses. */

// Hepburn without macrons, as people type it in e-mail addresses (ou -> o is left as "ou" on purpose:
// "satou" and "sato" both occur in real addresses).
// prettier-ignore
const DIGRAPHS: Record<string, string> = {
  きゃ: 'kya', きゅ: 'kyu', きょ: 'kyo', しゃ: 'sha', しゅ: 'shu', しょ: 'sho', ちゃ: 'cha', ちゅ: 'chu',
  ちょ: 'cho', にゃ: 'nya', にゅ: 'nyu', にょ: 'nyo', ひゃ: 'hya', ひゅ: 'hyu', ひょ: 'hyo', みゃ: 'mya',
  みゅ: 'myu', みょ: 'myo', りゃ: 'rya', りゅ: 'ryu', りょ: 'ryo', ぎゃ: 'gya', ぎゅ: 'gyu', ぎょ: 'gyo',
  じゃ: 'ja', じゅ: 'ju', じょ: 'jo', びゃ: 'bya', びゅ: 'byu', びょ: 'byo', ぴゃ: 'pya', ぴゅ: 'pyu',
  ぴょ: 'pyo',
};

// prettier-ignore
const MONOGRAPHS: Record<string, string> = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o', か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko',
  さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so', た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to',
  な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no', は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho',
  ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo', や: 'ya', ゆ: 'yu', よ: 'yo', ら: 'ra', り: 'ri',
  る: 'ru', れ: 're', ろ: 'ro', わ: 'wa', を: 'o', ん: 'n', が: 'ga', ぎ: 'gi', ぐ: 'gu', げ: 'ge',
  ご: 'go', ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo', だ: 'da', ぢ: 'ji', づ: 'zu', で: 'de',
  ど: 'do', ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo', ぱ: 'pa', ぴ: 'pi', ぷ: 'pu', ぺ: 'pe',
  ぽ: 'po', ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o',
};

/** Romanises a hiragana reading (for e-mail local parts); throws on characters it does not know. */
export function toRomaji(hiragana: string): string {
  let out = '';
  let doubleNext = false;
  for (let i = 0; i < hiragana.length; i++) {
    const ch = hiragana[i] as string;
    if (ch === 'っ') {
      doubleNext = true;
      continue;
    }
    const pair = hiragana.slice(i, i + 2);
    let roman = DIGRAPHS[pair];
    if (roman !== undefined) i++;
    else roman = MONOGRAPHS[ch];
    if (roman === undefined) throw new RangeError(`toRomaji: no reading for "${ch}" in "${hiragana}"`);
    if (doubleNext) {
      out += roman.startsWith('ch') ? 't' : roman[0];
      doubleNext = false;
    }
    out += roman;
  }
  return out;
}
