import type { Marketplace } from '../../../shared/domain/marketplaces';
import type { Carrier, StepKind } from '../../../shared/domain/steps';

/**
 * Word lists and marketplace profiles for the demo generator. Everything here is plausible sample
 * data, not a reference: postal codes and area codes match their area as far as we know, prices and
 * fees are rough 2020s figures. Codes (marketplaces, step kinds, states, carriers) are the stable
 * English ids of shared/domain; the strings people read are Japanese. Which steps a deal has and
 * when they fall due come from the marketplace workflows (shared/domain/workflows), not from here.
 */

/** Created only when the members table is empty. Role order matters: see ROLE_BY_STEP. */
export const DEMO_MEMBERS = [
  { name: '母', color: 'pink' },
  { name: '父', color: 'blue' },
  { name: '娘', color: 'green' },
] as const;

/**
 * Who usually does which step (入金確認 → 母, 発送 → 父, 連絡 → 娘), as an index into the member
 * list. With other members in the database the index wraps around.
 */
export const ROLE_BY_STEP: Record<StepKind, number> = {
  payment: 0,
  receipt: 0,
  shipping: 1,
  contact: 2,
  rating: 2,
};

// Surnames with their usual reading (hiragana). A few with readings people get wrong on purpose
// (東海林 しょうじ, 小鳥遊 たかなし) so kana search has something to prove.
// prettier-ignore
export const SURNAMES: readonly (readonly [kanji: string, kana: string])[] = [
  ['佐藤', 'さとう'], ['鈴木', 'すずき'], ['高橋', 'たかはし'], ['田中', 'たなか'], ['伊藤', 'いとう'],
  ['渡辺', 'わたなべ'], ['山本', 'やまもと'], ['中村', 'なかむら'], ['小林', 'こばやし'], ['加藤', 'かとう'],
  ['吉田', 'よしだ'], ['山田', 'やまだ'], ['佐々木', 'ささき'], ['山口', 'やまぐち'], ['松本', 'まつもと'],
  ['井上', 'いのうえ'], ['木村', 'きむら'], ['林', 'はやし'], ['斎藤', 'さいとう'], ['清水', 'しみず'],
  ['山崎', 'やまざき'], ['森', 'もり'], ['池田', 'いけだ'], ['橋本', 'はしもと'], ['阿部', 'あべ'],
  ['石川', 'いしかわ'], ['山下', 'やました'], ['中島', 'なかじま'], ['石井', 'いしい'], ['小川', 'おがわ'],
  ['前田', 'まえだ'], ['岡田', 'おかだ'], ['長谷川', 'はせがわ'], ['藤田', 'ふじた'], ['後藤', 'ごとう'],
  ['近藤', 'こんどう'], ['村上', 'むらかみ'], ['遠藤', 'えんどう'], ['青木', 'あおき'], ['坂本', 'さかもと'],
  ['斉藤', 'さいとう'], ['福田', 'ふくだ'], ['太田', 'おおた'], ['西村', 'にしむら'], ['藤井', 'ふじい'],
  ['金子', 'かねこ'], ['岡本', 'おかもと'], ['藤原', 'ふじわら'], ['中野', 'なかの'], ['三浦', 'みうら'],
  ['原田', 'はらだ'], ['中川', 'なかがわ'], ['松田', 'まつだ'], ['竹内', 'たけうち'], ['小野', 'おの'],
  ['田村', 'たむら'], ['中山', 'なかやま'], ['和田', 'わだ'], ['石田', 'いしだ'], ['森田', 'もりた'],
  ['上田', 'うえだ'], ['原', 'はら'], ['内田', 'うちだ'], ['柴田', 'しばた'], ['酒井', 'さかい'],
  ['宮崎', 'みやざき'], ['横山', 'よこやま'], ['高木', 'たかぎ'], ['安藤', 'あんどう'], ['宮本', 'みやもと'],
  ['大野', 'おおの'], ['小島', 'こじま'], ['工藤', 'くどう'], ['谷口', 'たにぐち'], ['今井', 'いまい'],
  ['高田', 'たかだ'], ['丸山', 'まるやま'], ['増田', 'ますだ'], ['杉山', 'すぎやま'], ['村田', 'むらた'],
  ['大塚', 'おおつか'], ['小山', 'こやま'], ['平野', 'ひらの'], ['藤本', 'ふじもと'], ['久保', 'くぼ'],
  ['松井', 'まつい'], ['千葉', 'ちば'], ['岩崎', 'いわさき'], ['桜井', 'さくらい'], ['木下', 'きのした'],
  ['野口', 'のぐち'], ['松尾', 'まつお'], ['菊地', 'きくち'], ['野村', 'のむら'], ['新井', 'あらい'],
  ['渡部', 'わたなべ'], ['佐野', 'さの'], ['大西', 'おおにし'], ['杉本', 'すぎもと'], ['浅野', 'あさの'],
  ['比嘉', 'ひが'], ['金城', 'きんじょう'], ['東海林', 'しょうじ'], ['小鳥遊', 'たかなし'], ['五十嵐', 'いがらし'],
];

// prettier-ignore
export const GIVEN_NAMES: readonly (readonly [kanji: string, kana: string])[] = [
  ['美咲', 'みさき'], ['さくら', 'さくら'], ['陽菜', 'ひな'], ['結衣', 'ゆい'], ['葵', 'あおい'],
  ['凛', 'りん'], ['芽依', 'めい'], ['莉子', 'りこ'], ['美優', 'みゆ'], ['愛', 'あい'],
  ['恵子', 'けいこ'], ['洋子', 'ようこ'], ['裕子', 'ゆうこ'], ['真由美', 'まゆみ'], ['久美子', 'くみこ'],
  ['由美子', 'ゆみこ'], ['智子', 'ともこ'], ['直美', 'なおみ'], ['明美', 'あけみ'], ['京子', 'きょうこ'],
  ['幸子', 'さちこ'], ['和子', 'かずこ'], ['彩', 'あや'], ['舞', 'まい'], ['麻衣', 'まい'],
  ['千尋', 'ちひろ'], ['沙織', 'さおり'], ['香織', 'かおり'], ['優子', 'ゆうこ'], ['奈々', 'なな'],
  ['菜摘', 'なつみ'], ['瞳', 'ひとみ'], ['詩織', 'しおり'], ['明日香', 'あすか'], ['遥', 'はるか'],
  ['花子', 'はなこ'], ['由紀', 'ゆき'], ['真理子', 'まりこ'], ['紀子', 'のりこ'], ['美穂', 'みほ'],
  ['涼子', 'りょうこ'], ['彩花', 'あやか'], ['杏奈', 'あんな'], ['琴音', 'ことね'], ['紬', 'つむぎ'],
  ['結菜', 'ゆいな'], ['美月', 'みづき'], ['千夏', 'ちなつ'], ['ひまり', 'ひまり'], ['翔太', 'しょうた'],
  ['大輔', 'だいすけ'], ['健太', 'けんた'], ['拓也', 'たくや'], ['直樹', 'なおき'], ['和也', 'かずや'],
  ['誠', 'まこと'], ['浩二', 'こうじ'], ['隆', 'たかし'], ['博', 'ひろし'], ['健一', 'けんいち'],
  ['正人', 'まさと'], ['達也', 'たつや'], ['翔', 'しょう'], ['蓮', 'れん'], ['悠真', 'ゆうま'],
  ['陽翔', 'はると'], ['湊', 'みなと'], ['大翔', 'ひろと'], ['颯太', 'そうた'], ['樹', 'いつき'],
  ['亮', 'りょう'], ['修', 'おさむ'], ['聡', 'さとし'], ['剛', 'つよし'], ['学', 'まなぶ'],
  ['勇気', 'ゆうき'], ['雄一', 'ゆういち'], ['光', 'ひかる'], ['悟', 'さとる'], ['一郎', 'いちろう'],
  ['健二', 'けんじ'], ['俊介', 'しゅんすけ'], ['優斗', 'ゆうと'], ['海斗', 'かいと'], ['智也', 'ともや'],
  ['慎吾', 'しんご'], ['秀樹', 'ひでき'], ['康弘', 'やすひろ'], ['孝之', 'たかゆき'], ['龍之介', 'りゅうのすけ'],
  ['匠', 'たくみ'], ['航', 'わたる'], ['哲也', 'てつや'], ['昌平', 'しょうへい'], ['正和', 'まさかず'],
];

export interface Area {
  prefecture: string;
  /** 市区町村, including the ward for designated cities (横浜市港北区). */
  city: string;
  /** 町域, the part before the block number. */
  town: string;
  postalCode: string;
  /** Landline area code with its leading 0 (03, 045, 0466...). */
  areaCode: string;
  /** Whether the town has 丁目 (3-12-5) or only 番地 (1234-5). */
  chome: boolean;
  /** Relative share of buyers, roughly by population. */
  weight: number;
}

const area = (
  prefecture: string,
  city: string,
  town: string,
  postalCode: string,
  areaCode: string,
  weight = 1,
  chome = true,
): Area => ({ prefecture, city, town, postalCode, areaCode, chome, weight });

export const AREAS: readonly Area[] = [
  area('東京都', '世田谷区', '桜丘', '156-0054', '03', 3),
  area('東京都', '世田谷区', '三軒茶屋', '154-0024', '03', 2),
  area('東京都', '杉並区', '阿佐谷北', '166-0001', '03', 2),
  area('東京都', '練馬区', '石神井町', '177-0041', '03', 2),
  area('東京都', '中野区', '中野', '164-0001', '03', 2),
  area('東京都', '大田区', '蒲田', '144-0052', '03', 2),
  area('東京都', '江東区', '豊洲', '135-0061', '03', 2),
  area('東京都', '品川区', '大井', '140-0014', '03', 2),
  area('東京都', '足立区', '千住', '120-0034', '03', 2),
  area('東京都', '八王子市', '明神町', '192-0046', '042'),
  area('東京都', '武蔵野市', '吉祥寺本町', '180-0004', '0422'),
  area('東京都', '町田市', '原町田', '194-0013', '042'),
  area('東京都', '調布市', '布田', '182-0024', '042'),
  area('神奈川県', '横浜市港北区', '日吉', '223-0061', '045', 2),
  area('神奈川県', '横浜市青葉区', '青葉台', '227-0062', '045', 2),
  area('神奈川県', '川崎市中原区', '小杉町', '211-0063', '044', 2),
  area('神奈川県', '藤沢市', '鵠沼海岸', '251-0037', '0466'),
  area('神奈川県', '相模原市南区', '相模大野', '252-0303', '042'),
  area('神奈川県', '鎌倉市', '小町', '248-0006', '0467'),
  area('埼玉県', 'さいたま市浦和区', '高砂', '330-0063', '048', 2),
  area('埼玉県', '川口市', '本町', '332-0012', '048'),
  area('埼玉県', '所沢市', '緑町', '359-1111', '04'),
  area('埼玉県', '川越市', '新富町', '350-0043', '049'),
  area('千葉県', '船橋市', '本町', '273-0005', '047', 2),
  area('千葉県', '柏市', '柏', '277-0005', '04'),
  area('千葉県', '千葉市中央区', '富士見', '260-0015', '043'),
  area('千葉県', '松戸市', '松戸', '271-0092', '047', 1, false),
  area('大阪府', '大阪市北区', '梅田', '530-0001', '06', 2),
  area('大阪府', '大阪市天王寺区', '上本町', '543-0001', '06', 2),
  area('大阪府', '豊中市', '本町', '561-0884', '06'),
  area('大阪府', '吹田市', '江坂町', '564-0063', '06'),
  area('大阪府', '枚方市', '岡本町', '573-0031', '072', 1, false),
  area('京都府', '宇治市', '宇治', '611-0021', '0774', 1, false),
  area('兵庫県', '神戸市中央区', '三宮町', '650-0021', '078', 2),
  area('兵庫県', '西宮市', '北口町', '663-8035', '0798'),
  area('兵庫県', '姫路市', '本町', '670-0012', '079', 1, false),
  area('愛知県', '名古屋市中区', '栄', '460-0008', '052', 2),
  area('愛知県', '名古屋市千種区', '今池', '464-0850', '052', 2),
  area('愛知県', '豊田市', '小坂本町', '471-0034', '0565'),
  area('愛知県', '岡崎市', '康生町', '444-0052', '0564', 1, false),
  area('福岡県', '福岡市中央区', '天神', '810-0001', '092', 2),
  area('福岡県', '福岡市博多区', '博多駅前', '812-0011', '092', 2),
  area('福岡県', '北九州市小倉北区', '魚町', '802-0006', '093'),
  area('北海道', '札幌市中央区', '大通西', '060-0042', '011', 2),
  area('北海道', '札幌市北区', '北七条西', '060-0807', '011'),
  area('北海道', '旭川市', '宮下通', '070-0030', '0166'),
  area('北海道', '函館市', '本町', '040-0011', '0138'),
  area('宮城県', '仙台市青葉区', '一番町', '980-0811', '022', 2),
  area('宮城県', '仙台市泉区', '泉中央', '981-3133', '022'),
  area('広島県', '広島市中区', '紙屋町', '730-0031', '082', 2),
  area('静岡県', '静岡市葵区', '呉服町', '420-0031', '054'),
  area('静岡県', '浜松市中央区', '鍛冶町', '430-0933', '053', 1, false),
  area('長野県', '松本市', '中央', '390-0811', '0263'),
  area('沖縄県', '那覇市', '久茂地', '900-0015', '098'),
  area('鹿児島県', '鹿児島市', '東千石町', '892-0842', '099', 1, false),
  area('熊本県', '熊本市中央区', '上通町', '860-0845', '096', 1, false),
  area('岡山県', '岡山市北区', '表町', '700-0822', '086'),
  area('石川県', '金沢市', '片町', '920-0981', '076'),
  area('奈良県', '生駒市', '元町', '630-0257', '0743'),
  area('群馬県', '高崎市', '八島町', '370-0849', '027', 1, false),
  area('栃木県', '宇都宮市', '馬場通り', '320-0026', '028'),
  area('茨城県', 'つくば市', '吾妻', '305-0031', '029'),
  area('愛媛県', '松山市', '大街道', '790-0004', '089'),
  area('香川県', '高松市', '丸亀町', '760-0029', '087', 1, false),
  area('青森県', '青森市', '新町', '030-0801', '017'),
  area('山形県', '山形市', '七日町', '990-0042', '023'),
];

/** Building names are built as prefix + word (コーポ桜, メゾン青葉); 荘 names use the owner's surname. */
export const BUILDING_PREFIXES = [
  'コーポ',
  'メゾン',
  'ハイツ',
  'レジデンス',
  'パレス',
  'サンハイツ',
  'グランドメゾン',
  'ライオンズマンション',
  'パークハイム',
  'シャトー',
  'ヴィラ',
  'ドミール',
] as const;
export const BUILDING_WORDS = [
  '桜',
  '青葉',
  '若葉',
  '緑ヶ丘',
  '南',
  '旭',
  'ひまわり',
  'フォレスト',
  'リバーサイド',
  '富士見',
  '中央',
  '第二',
] as const;

export const MOBILE_PREFIXES = ['090', '080', '070'] as const;

export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 35],
  ['yahoo.co.jp', 25],
  ['icloud.com', 12],
  ['docomo.ne.jp', 6],
  ['ezweb.ne.jp', 4],
  ['au.com', 3],
  ['softbank.ne.jp', 3],
  ['i.softbank.jp', 3],
  ['outlook.jp', 4],
  ['hotmail.co.jp', 3],
  ['nifty.com', 1],
  ['biglobe.ne.jp', 1],
];

export const itemCategories = ['handmade', 'books', 'clothes', 'electronics', 'food', 'hobby'] as const;
export type ItemCategory = (typeof itemCategories)[number];

export interface ItemTemplate {
  name: string;
  /** Price range in yen, before the marketplace's rounding style. */
  min: number;
  max: number;
  sku: string;
  category: ItemCategory;
}

type RawItem = readonly [name: string, min: number, max: number];

const RAW_ITEMS: Record<ItemCategory, readonly RawItem[]> = {
  handmade: [
    ['ハンドメイド 淡水パール ピアス', 1200, 3800],
    ['がま口ポーチ 北欧風 花柄', 1500, 3200],
    ['刺繍ブローチ ミモザ', 1800, 4500],
    ['レジン キーホルダー 押し花', 800, 2000],
    ['帆布 トートバッグ 生成り', 2800, 6800],
    ['木製 カッティングボード ウォールナット', 3500, 9800],
    ['手編み ニット帽 ネイビー', 2500, 5500],
    ['革 キーケース 手縫い キャメル', 3800, 8800],
    ['陶器 マグカップ 織部', 2200, 4800],
    ['ビーズ刺繍 ヘアゴム 2個セット', 900, 1800],
    ['ソイキャンドル ラベンダー', 1200, 2800],
    ['天然石 ブレスレット ローズクォーツ', 1800, 5200],
    ['スタイ ダブルガーゼ 2枚組', 1200, 2400],
    ['ドライフラワー スワッグ', 2400, 5800],
    ['ポーセラーツ 豆皿 5枚セット', 2000, 4500],
  ],
  books: [
    ['村上春樹「ノルウェイの森」上下巻 文庫', 300, 900],
    ['鬼滅の刃 全23巻 セット', 3500, 7500],
    ['ONE PIECE 1〜30巻 まとめ売り', 2500, 6000],
    ['東野圭吾 文庫 5冊セット', 800, 1800],
    ['TOEIC L&R 公式問題集 7', 1200, 2600],
    ['ジブリの教科書 3冊セット', 900, 2200],
    ['昭和レトロ 料理本 婦人之友社', 500, 2400],
    ['赤本 早稲田大学（法学部）', 600, 1800],
    ['ハリー・ポッターと賢者の石 単行本', 400, 3000],
    ['絵本 はらぺこあおむし ボードブック', 400, 900],
    ['司馬遼太郎「竜馬がゆく」全8巻 文庫', 1800, 3800],
    ['写真集 星野道夫', 1500, 5800],
    ['NHK趣味の園芸 バックナンバー 12冊', 900, 2500],
  ],
  clothes: [
    ['ユニクロ ウルトラライトダウン M ネイビー', 1500, 3800],
    ['花柄 ロングワンピース L', 1800, 5800],
    ['ナイキ エアフォース1 26.5cm', 5800, 14800],
    ['子供服 まとめ売り 100cm 10点', 1500, 3800],
    ['浴衣 帯 下駄 3点セット', 2800, 7800],
    ['リーバイス 501 W32', 3800, 12800],
    ['ノースフェイス フリースジャケット M', 4800, 12800],
    ['カシミヤ マフラー グレー', 2200, 6800],
    ['無印良品 リネンシャツ 白 S', 1200, 2800],
    ['ベビー ロンパース 70cm 3枚組', 900, 2200],
    ['レインコート 通学用 130cm', 1200, 2600],
    ['正絹 小紋 袷 着物', 3800, 18000],
  ],
  electronics: [
    ['ワイヤレスイヤホン Bluetooth5.3 ホワイト', 1980, 5980],
    ['Joy-Con (L) ネオンブルー', 2800, 4800],
    ['USB PD 充電器 20W Type-C', 980, 2480],
    ['モバイルバッテリー 10000mAh', 1780, 3980],
    ['Canon IXY 650 デジカメ', 6800, 18800],
    ['iPhone 15 ケース 手帳型', 980, 2980],
    ['Kindle Paperwhite 第11世代', 7800, 13800],
    ['ゲームボーイアドバンス 本体', 1500, 5800],
    ['HDMIケーブル 2m 4K対応', 580, 1280],
    ['テンキーレス キーボード 赤軸', 3800, 9800],
    ['microSDカード 128GB', 1280, 2980],
    ['防水 ポータブルスピーカー', 2480, 6980],
    ['ドライブレコーダー 前後2カメラ', 5980, 12800],
  ],
  food: [
    ['新潟県産 コシヒカリ 5kg', 2800, 4980],
    ['手作りクッキー 詰め合わせ 12枚', 1200, 2600],
    ['静岡 深蒸し茶 100g×3袋', 1500, 3200],
    ['北海道産 じゃがいも 男爵 10kg', 1800, 3500],
    ['干し芋 紅はるか 平干し 500g', 980, 2480],
    ['紀州南高梅 はちみつ梅干し 1kg', 1980, 3980],
    ['国産 百花蜜 はちみつ 500g', 1800, 3600],
    ['自家焙煎 コーヒー豆 200g×2', 1600, 3200],
    ['訳あり 愛媛みかん 5kg', 1980, 3480],
    ['手作り 麹みそ 1kg', 1200, 2400],
    ['讃岐うどん 乾麺 10人前', 1080, 2160],
    ['無添加 ドライフルーツ ミックス 300g', 1200, 2400],
    ['米粉シフォンケーキ プレーン', 1600, 2800],
  ],
  hobby: [
    ['ポケモンカード まとめ売り 200枚', 1500, 5800],
    ['ガンプラ HG 未組立', 980, 3800],
    ['記念切手 シート まとめ', 1200, 6800],
    ['プラレール 車両 5両セット', 1200, 3800],
    ['LEGO パーツ 1kg', 2800, 6800],
    ['ジグソーパズル 1000ピース', 1200, 2800],
    ['Nゲージ 客車 4両セット', 3800, 12800],
    ['昭和歌謡 LPレコード 10枚', 1800, 6800],
    ['ミニ四駆 パーツ まとめ売り', 800, 3200],
    ['シルバニアファミリー 家具セット', 1200, 3800],
    ['トミカ 20台 まとめ', 1800, 4800],
    ['毛糸 まとめ売り 20玉', 1200, 3500],
  ],
};

const SKU_PREFIX: Record<ItemCategory, string> = {
  handmade: 'HM',
  books: 'BK',
  clothes: 'CL',
  electronics: 'EL',
  food: 'FD',
  hobby: 'HB',
};

export const ITEMS = {} as Record<ItemCategory, readonly ItemTemplate[]>;
for (const category of itemCategories) {
  ITEMS[category] = RAW_ITEMS[category].map(([name, min, max], i) => ({
    name,
    min,
    max,
    category,
    sku: `${SKU_PREFIX[category]}-${String(i + 1).padStart(4, '0')}`,
  }));
}

/** Title decorations sellers put on second-hand listings (not on food or handmade goods). */
export const USED_TITLE_PREFIXES = ['【美品】', '【中古】', '【未使用】', '【送料無料】', '★美品★'] as const;

export interface DeliveryMethod {
  name: string;
  carrier: Carrier;
  /** What the buyer pays for it when the buyer pays shipping (varies with size and area). */
  fees: readonly number[];
  /** 匿名配送: on flea markets the seller never sees the buyer's name or address. */
  anonymous: boolean;
}

const method = (name: string, carrier: Carrier, fees: readonly number[], anonymous = false) =>
  ({ name, carrier, fees, anonymous }) satisfies DeliveryMethod;

export const DELIVERY_METHODS = {
  clickpost: method('クリックポスト', 'japanpost', [185]),
  yuPacket: method('ゆうパケット', 'japanpost', [250, 360]),
  yuPacketPost: method('ゆうパケットポスト', 'japanpost', [215]),
  nekoposu: method('ネコポス', 'yamato', [385]),
  compact: method('宅急便コンパクト', 'yamato', [610, 700, 830]),
  takkyubin: method('宅急便', 'yamato', [940, 1060, 1300, 1500]),
  yuPack: method('ゆうパック', 'japanpost', [870, 1030, 1300]),
  letterPackLight: method('レターパックライト', 'japanpost', [430]),
  letterPackPlus: method('レターパックプラス', 'japanpost', [600]),
  hikyaku: method('飛脚宅配便', 'sagawa', [880, 1000, 1210]),
  rakurakuMercari: method('らくらくメルカリ便', 'yamato', [0], true),
  yuyuMercari: method('ゆうゆうメルカリ便', 'japanpost', [0], true),
  otegaruYamato: method('おてがる配送（ヤマト運輸）', 'yamato', [0], true),
  otegaruPost: method('おてがる配送（日本郵便）', 'japanpost', [0], true),
} as const;
type MethodKey = keyof typeof DELIVERY_METHODS;

export type PriceStyle = 'auction' | 'flea' | 'store' | 'craft';
export type ShippingPolicy =
  /** 送料込み: the price includes shipping; the seller pays the carrier. */
  | { kind: 'included' }
  /** The buyer pays the method's fee, except for listings marked 送料無料. */
  | { kind: 'buyer'; freeChance: number }
  /** Shops: free from an order value up, otherwise the method's fee. */
  | { kind: 'free_over'; threshold: number };

export interface MarketplaceProfile {
  code: Marketplace;
  /** Share of the family's deals. */
  weight: number;
  /** Marketplace fee as a share of items + shipping, plus a fixed part per order (yen). */
  feeRate: number;
  feeFixed: number;
  categories: readonly (readonly [ItemCategory, number])[];
  delivery: readonly (readonly [DeliveryMethod, number])[];
  /** Whether anonymous delivery hides the buyer here (it does not on Mercari Shops). */
  anonymousHidesBuyer: boolean;
  /** Weights for 1, 2 and 3 lines per deal. */
  lines: readonly [number, number, number];
  multiQuantity: boolean;
  sku: boolean;
  priceStyle: PriceStyle;
  shipping: ShippingPolicy;
  /** How the buyer's e-mail reaches the seller: their own, a relay address, or usually not at all. */
  email: 'personal' | 'rakuten_masked' | 'amazon_relay' | 'rarely';
  /** Share of ship-to readings typed in hiragana (buyers type their own ふりがな on auctions). */
  hiraganaKanaChance: number;
  /** Whether buyers have a handle here (Yahoo! ID, flea-market nickname) worth recording. */
  handle: 'yahoo_id' | 'nickname' | null;
}

const d = (entries: readonly (readonly [MethodKey, number])[]) =>
  entries.map(([key, weight]) => [DELIVERY_METHODS[key], weight] as const);

const storeDelivery = d([
  ['takkyubin', 30],
  ['yuPacket', 20],
  ['nekoposu', 20],
  ['yuPack', 15],
  ['hikyaku', 10],
  ['compact', 5],
]);
const craftDelivery = d([
  ['clickpost', 30],
  ['yuPacket', 25],
  ['nekoposu', 15],
  ['letterPackLight', 15],
  ['compact', 10],
  ['yuPack', 5],
]);

export const MARKETPLACES: readonly MarketplaceProfile[] = [
  {
    code: 'yahoo_auction',
    weight: 22,
    feeRate: 0.1,
    feeFixed: 0,
    categories: [
      ['books', 25],
      ['electronics', 25],
      ['hobby', 25],
      ['clothes', 20],
      ['handmade', 5],
    ],
    delivery: d([
      ['clickpost', 20],
      ['yuPacket', 15],
      ['nekoposu', 10],
      ['compact', 10],
      ['yuPack', 10],
      ['takkyubin', 5],
      ['letterPackLight', 5],
      ['letterPackPlus', 3],
      ['otegaruYamato', 12],
      ['otegaruPost', 10],
    ]),
    anonymousHidesBuyer: true,
    lines: [88, 9, 3],
    multiQuantity: false,
    sku: false,
    priceStyle: 'auction',
    shipping: { kind: 'buyer', freeChance: 0.3 },
    email: 'rarely',
    handle: 'yahoo_id',
    hiraganaKanaChance: 0.3,
  },
  {
    code: 'yahoo_auction_store',
    weight: 4,
    feeRate: 0.1,
    feeFixed: 0,
    categories: [
      ['electronics', 50],
      ['hobby', 30],
      ['clothes', 20],
    ],
    delivery: d([
      ['yuPacket', 25],
      ['nekoposu', 20],
      ['takkyubin', 25],
      ['yuPack', 15],
      ['compact', 15],
    ]),
    anonymousHidesBuyer: true,
    lines: [80, 15, 5],
    multiQuantity: false,
    sku: true,
    priceStyle: 'auction',
    shipping: { kind: 'free_over', threshold: 5000 },
    email: 'personal',
    handle: 'yahoo_id',
    hiraganaKanaChance: 0,
  },
  {
    code: 'mercari',
    weight: 20,
    feeRate: 0.1,
    feeFixed: 0,
    categories: [
      ['clothes', 35],
      ['books', 20],
      ['hobby', 20],
      ['electronics', 15],
      ['handmade', 10],
    ],
    delivery: d([
      ['rakurakuMercari', 50],
      ['yuyuMercari', 35],
      ['clickpost', 8],
      ['yuPacket', 4],
      ['letterPackLight', 3],
    ]),
    anonymousHidesBuyer: true,
    lines: [94, 5, 1],
    multiQuantity: false,
    sku: false,
    priceStyle: 'flea',
    shipping: { kind: 'included' },
    email: 'rarely',
    handle: 'nickname',
    hiraganaKanaChance: 0.1,
  },
  {
    code: 'mercari_shops',
    weight: 6,
    feeRate: 0.1,
    feeFixed: 0,
    categories: [
      ['handmade', 40],
      ['food', 30],
      ['clothes', 30],
    ],
    delivery: d([
      ['rakurakuMercari', 60],
      ['yuyuMercari', 40],
    ]),
    anonymousHidesBuyer: false,
    lines: [75, 20, 5],
    multiQuantity: true,
    sku: true,
    priceStyle: 'craft',
    shipping: { kind: 'included' },
    email: 'rarely',
    handle: null,
    hiraganaKanaChance: 0,
  },
  {
    code: 'rakuten',
    weight: 14,
    feeRate: 0.08,
    feeFixed: 0,
    categories: [
      ['food', 50],
      ['electronics', 30],
      ['clothes', 20],
    ],
    delivery: storeDelivery,
    anonymousHidesBuyer: false,
    lines: [60, 28, 12],
    multiQuantity: true,
    sku: true,
    priceStyle: 'store',
    shipping: { kind: 'free_over', threshold: 3980 },
    email: 'rakuten_masked',
    handle: null,
    hiraganaKanaChance: 0,
  },
  {
    code: 'amazon',
    weight: 12,
    feeRate: 0.1,
    feeFixed: 0,
    categories: [
      ['electronics', 50],
      ['books', 20],
      ['food', 20],
      ['hobby', 10],
    ],
    delivery: d([
      ['yuPacket', 25],
      ['nekoposu', 25],
      ['takkyubin', 25],
      ['yuPack', 10],
      ['hikyaku', 15],
    ]),
    anonymousHidesBuyer: false,
    lines: [75, 20, 5],
    multiQuantity: true,
    sku: true,
    priceStyle: 'store',
    shipping: { kind: 'free_over', threshold: 3500 },
    email: 'amazon_relay',
    handle: null,
    hiraganaKanaChance: 0,
  },
  {
    code: 'yahoo_shopping',
    weight: 8,
    feeRate: 0.06,
    feeFixed: 0,
    categories: [
      ['food', 45],
      ['electronics', 35],
      ['clothes', 20],
    ],
    delivery: storeDelivery,
    anonymousHidesBuyer: false,
    lines: [60, 28, 12],
    multiQuantity: true,
    sku: true,
    priceStyle: 'store',
    shipping: { kind: 'free_over', threshold: 3980 },
    email: 'personal',
    handle: null,
    hiraganaKanaChance: 0,
  },
  {
    code: 'base',
    weight: 6,
    feeRate: 0.066,
    feeFixed: 40,
    categories: [
      ['handmade', 60],
      ['food', 40],
    ],
    delivery: d([
      ['clickpost', 25],
      ['yuPacket', 20],
      ['nekoposu', 20],
      ['compact', 15],
      ['takkyubin', 10],
      ['yuPack', 10],
    ]),
    anonymousHidesBuyer: false,
    lines: [65, 25, 10],
    multiQuantity: true,
    sku: true,
    priceStyle: 'craft',
    shipping: { kind: 'free_over', threshold: 5000 },
    email: 'personal',
    handle: null,
    hiraganaKanaChance: 0,
  },
  {
    code: 'minne',
    weight: 3,
    feeRate: 0.1056,
    feeFixed: 0,
    categories: [['handmade', 1]],
    delivery: craftDelivery,
    anonymousHidesBuyer: false,
    lines: [80, 15, 5],
    multiQuantity: false,
    sku: false,
    priceStyle: 'craft',
    shipping: { kind: 'buyer', freeChance: 0.2 },
    email: 'rarely',
    handle: 'nickname',
    hiraganaKanaChance: 0.1,
  },
  {
    code: 'creema',
    weight: 2,
    feeRate: 0.11,
    feeFixed: 0,
    categories: [['handmade', 1]],
    delivery: craftDelivery,
    anonymousHidesBuyer: false,
    lines: [80, 15, 5],
    multiQuantity: false,
    sku: false,
    priceStyle: 'craft',
    shipping: { kind: 'buyer', freeChance: 0.2 },
    email: 'rarely',
    handle: 'nickname',
    hiraganaKanaChance: 0.1,
  },
  {
    code: 'paypay_flea',
    weight: 2,
    feeRate: 0.05,
    feeFixed: 0,
    categories: [
      ['clothes', 35],
      ['hobby', 30],
      ['books', 20],
      ['electronics', 15],
    ],
    delivery: d([
      ['otegaruYamato', 55],
      ['otegaruPost', 45],
    ]),
    anonymousHidesBuyer: true,
    lines: [95, 4, 1],
    multiQuantity: false,
    sku: false,
    priceStyle: 'flea',
    shipping: { kind: 'included' },
    email: 'rarely',
    handle: 'nickname',
    hiraganaKanaChance: 0.1,
  },
  {
    code: 'other',
    weight: 1,
    feeRate: 0,
    feeFixed: 0,
    categories: [
      ['food', 50],
      ['handmade', 50],
    ],
    delivery: d([
      ['letterPackPlus', 20],
      ['yuPack', 40],
      ['takkyubin', 40],
    ]),
    anonymousHidesBuyer: false,
    lines: [50, 30, 20],
    multiQuantity: true,
    sku: false,
    priceStyle: 'craft',
    shipping: { kind: 'buyer', freeChance: 0 },
    email: 'personal',
    handle: null,
    hiraganaKanaChance: 0,
  },
];

/** The family's own shop ids, used inside marketplace order numbers. */
export const SHOP_IDS = {
  rakuten: '318724',
  yahooShopping: 'kurashi-torihiki',
} as const;

/** Flea-market nicknames; buyers on anonymous delivery are known only by these. */
export const NICKNAMES = [
  'ゆき',
  'はるママ',
  'koharu',
  'たっくん',
  'みー',
  'Riko',
  'ぽんた',
  'まめ',
  'sakura',
  'ひなた',
  'ゆずぽん',
  'もも',
  'ちゃこ',
  'ねこ好き',
  'くま吉',
  'りんご',
  'なっつ',
  'そら',
  'プロフ必読 あや',
  'mint',
] as const;

export const DEAL_NOTES = [
  'ラッピング希望（誕生日プレゼント）',
  '日時指定：土曜午前中',
  '前回の取引と同梱希望',
  '領収書の発行希望',
  'お値下げ交渉あり（−300円）',
  '置き配希望（玄関前）',
  '平日は不在がち。夜間の配達希望',
  '住所に部屋番号の記載漏れあり、確認済み',
  'のし希望（御礼）',
  'まとめ買いのため送料を調整',
] as const;

export const CANCEL_NOTES = [
  '購入者都合によりキャンセル',
  '在庫切れのためキャンセル（お詫び済み）',
  '期限までに入金がなくキャンセル',
] as const;

export const CUSTOMER_NOTES = [
  'リピーター。いつも丁寧な連絡をくださる方',
  '前回、配送遅延でご迷惑をおかけした',
  '青色のバージョンが入荷したら連絡希望',
  '受取連絡が遅めの方',
  'VIP',
  'ギフト利用が多い',
] as const;

/** Relative order volume by hour of day in Japan (0–23 時): lunch and late-evening peaks. */
export const HOUR_WEIGHTS_JST = [
  3, 2, 1, 0.5, 0.3, 0.3, 0.8, 1.5, 2.5, 3, 3.5, 4, 5, 4, 3.5, 3.5, 3.5, 4, 5, 6, 7, 7.5, 7, 5,
] as const;
