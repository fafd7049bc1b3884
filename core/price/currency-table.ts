/**
 * Currency symbols, abbreviations and words as shops write them, with the ISO 4217 code each stands for.
 *
 * Tiers decide how much evidence a match needs:
 * - safe ('s'): symbols nobody writes for anything else (€, zł, R$, 元, руб.) count wherever they appear;
 * - other ('o'): ISO codes and short letter abbreviations (RM, kr, Ft, KD) also spell ordinary words or units,
 *   so inside the price string they count only next to a number (a hint string may name them alone);
 * - weak ('w'): single capital letters (R 273, 61.858 L) count only when glued to the chosen amount.
 * Flags: 'p' = may be the start of a longer word (руб → рублей), 'g' = generic yuan word that yields to a
 * specific one in the same text (港币 … 元 is HKD), 'c' = cents (99¢ is 0.99 of the dollar).
 * An ISO field starting with '@' names a resolver: the code depends on the page's country (RESOLVER_TABLE).
 * An ISO field '-' means the text is a currency but no single ISO code fits (toman, ₿, historic ₤).
 *
 * The tables are plain text, one line per group of spellings: this module ships in the content script of
 * every page, and text is smaller than object literals. They are parsed on first use, so pages without a
 * product never pay for building them.
 */
export type Tier = 's' | 'o' | 'w';

export interface CurrencyEntry {
  symbol: string;
  iso: string;
  tier: Tier;
  prefix: boolean;
  generic: boolean;
  cents: boolean;
}

/**
 * `ISO FLAGS spelling|spelling|…`, in the order a scan should try them at one spot (after length: the
 * longest match wins). Spellings may contain spaces ("US $") but never '|'.
 */
const TABLE = [
  // Dollars. Prefixed forms first so "US$" wins over "$" at the same spot (longest match wins anyway).
  `
@dollar s $|＄|﹩
USD s US$|U$S|US $
@cordoba-or-cad s C$
CAD s CA$|CAN$|CDN$|Can$
AUD s A$|AU$|AU $
NZD s NZ$|NZ $
HKD s HK$|HK $
TWD s NT$|NT $
SGD s S$|SG$
BRL s R$
MXN s MX$|Mex$
ARS s AR$
CLP s CL$
COP s CO$|COL$
UYU s $U
DOP s RD$
JMD s J$
TTD s TT$
BZD s BZ$
BBD s Bds$
CUC s CUC$
MOP s MOP$
NAD s N$
TOP s T$
ZWL s Z$
WST s WS$
GYD s G$|GY$
BND s BN$
FJD s FJ$
XCD s EC$
KYD s CI$|KY$
CVE s CV$
BOB s $b
@dollar sc ¢
`,
  // Euro, pound, yen/yuan.
  `
EUR s €
EUR o euro|euros|Euro|Euros|EURO|евро
@pound s £|￡
EGP s E£
LBP s LB£
SYP s SY£
GBP o pound|pounds|stg
@yen s ¥|￥
JPY s JP¥
CNY s CN¥|RMB¥
JPY s 円|日元|日圆|日圓|日币|日幣
JPY o yen|Yen|YEN
CNY o yuan|Yuan|RMB|rmb
`,
  // Chinese currency words. 元/块 alone mean the local yuan; the others name a foreign currency.
  `
@yuan sg 元|圆|圓|块|塊
CNY s 人民币|人民幣
USD s 美元|美金|美圆
HKD s 港元|港币|港幣|港圓
TWD s 新台币|新台幣|台币|台幣
MOP s 澳门元|澳门币|澳門元|澳門幣|葡币
EUR s 欧元|歐元
GBP s 英镑|英鎊
KRW s 韩元|韓元|韩币|韓幣
AUD s 澳元|澳币|澳幣|澳大利亚元
CAD s 加元|加币|加幣|加拿大元
NZD s 纽元|新西兰元|紐元
SGD s 新加坡元|新币|新幣|坡币
THB s 泰铢|泰銖
RUB s 卢布|盧布
CHF s 瑞士法郎
MYR s 林吉特|马币|馬幣
IDR s 印尼盾
VND s 越南盾
INR s 印度卢比
SEK s 瑞典克朗
NOK s 挪威克朗
DKK s 丹麦克朗|丹麥克朗
PLN s 兹罗提
TRY s 土耳其里拉
BRL s 雷亚尔
ZAR s 兰特
AED s 迪拉姆
PHP s 菲律宾比索
MXN s 墨西哥比索
`,
  // Asia and Pacific.
  `
@won s ₩|원
INR s ₹|௹
@rupee o Rs|Rs.|rs.|₨|rupee|rupees
@rupee s ரூ|रू|रु
@rupee o र
LKR s රු
NPR s नेरू
BDT s ৳|টকা
BDT o Tk
THB s ฿|บาท
VND s ₫|VNĐ|vnđ|đồng
VND o đ|Đ
IDR o Rp
MYR o RM
@peso-sign s ₱
PHP o PhP
LAK s ₭
LAK o Kip
KHR s ៛
MNT s ₮
MMK o Ks
BTN s Nu.
BTN o Nu
MVR o Rf|MRf
MVR s ރ
VUV o Vt|VT
- o ₿|Ƀ|BTC
`,
  // Europe.
  `
CHF o CHF|SFr.|sFr.|Fr.|fr.
CHF o Fr|SFr
@franc o franc|francs|Franc|Francs
PLN s zł|Zł|ZŁ
PLN o zl
CZK s Kč|kč
CZK o Kc
HUF o Ft
HRK o kn
@leu o lei|Lei|LEI
BGN s лв|лв.
@krona o kr|kr.|Kr|Kr.|KR
TRY s ₺
TRY o TL
ALL o Lek|Lekë|lek
BAM o KM
RSD o din|din.|Din|Din.|дин|дин.|Дин|Дин.|динар|динара|Dinara|dinara
MKD o ден|ден.|ДЕН
RUB s ₽
@rouble sp руб.|руб
@rouble o р.|Р|р|Rbl|rbl
@birr-or-rouble o Br
UAH s ₴|грн|грн.
UAH o hrn|hrn.
KZT s ₸|тг|тңг|тңг.
KGS s сом
TJS o ЅM
KGS o som
UZS o сўм|so'm|soʻm
AZN s ₼|ман.
GEL s ₾|ლარი|лари
GEL o ლ
GEL o lari
AMD s ֏|դր.|դր
ILS s ₪|ש״ח|ש"ח|ש'ח
ILS o nis|NIS
`,
  // Americas.
  `
PAB s B/.
PEN s S/.|S/
@bolivar o Bs.|Bs|Bs.S|Bs.F
PYG s ₲
PYG o Gs.|Gs
@colon s ₡
@florin s ƒ|Afl.|NAf.
`,
  // Africa.
  `
NGN s ₦
GHS s GH₵|₵|GH¢
KES o KSh|Ksh|KShs|Kshs|KES
UGX o USh
TZS o TSh
@cfa o CFA|FCFA
BIF o FBu
DJF o Fdj
GNF o FG
RWF o RF|R₣|FRw|RWF
MZN o MT
AOA o Kz
ZMW o ZK
MWK o MK
MRU o UM
STN o Db
TND o DT
LYD o LD
ETB s ብር
ERN o Nfk|ናቕፋ|نافكا
MGA o Ar
`,
  // Arabic script and Gulf abbreviations.
  `
AED s د.إ|د.إ.
@dirham o درهم|Dh|Dhs|DH|Dhs.
SAR s ر.س|ر.س.
QAR s ر.ق|ر.ق.
OMR s ر.ع|ر.ع.
YER s ر.ي|ر.ي.
KWD s د.ك|د.ك.
KWD o KD
BHD s د.ب|د.ب.|.د.ب
BHD o BD
JOD s د.ا|د.أ|د.ا.|د.أ.|دينار أردني
DZD s د.ج|د.ج.|دج
MAD s د.م|د.م.
TND s د.ت|د.ت.
LYD s د.ل|د.ل.|ل.د
IQD s د.ع|د.ع.|ع.د
EGP s ج.م|ج.م.
SDG s ج.س|ج.س.
SYP s ل.س|ل.س.
LBP s ل.ل|ل.ل.
@pound-ar s جنيه
@dinar s دينار
@rial s ﷼|ريال
`,
  // Persian spelling (ی): Iran.
  `
IRR s ریال
- s تومان
AFN s ؋
`,
  // Historic and rare signs: a currency, but not one ISO code today.
  `
- s ₤|₶|₣|₠|₢|₰|₳|₷|ℳ|৲|૱
ESP s ₧
GRD s ₯
`,
  // Single letters: only glued to the amount (R273.00, 61.858 L, 200Q).
  `
ZAR w R
GTQ w Q
@letter-l w L
@letter-p w P
SZL w E
@letter-g w G
@letter-k w K
`,
].join('');

/**
 * ISO 4217 codes count when written in capitals: every code the tables here name (TABLE's ISO fields and the
 * resolvers' readings), plus these, which no spelling stands for.
 */
const OTHER_ISO_CODES =
  'GMD SLE SLL SOS TMT XCG XPF ZWG ' +
  // Pre-euro and other retired codes, still found in old listings.
  'ATS BEF BYR CSD CYP DEM EEK FIM FRF GHC IEP ITL LTL LUF LVL MRO MTL MZM NLG PTE ROL RUR SDD SIT SKK STD ' +
  'TRL VEF ZWD';

// Codes written glued to '$' (SGD$4.90) are matched as the code followed by '$': see DOLLAR_CODES.

/** Codes shops also write in lower case; none of them is an English word. */
const LOWER_CASE_CODES =
  'usd eur gbp chf jpy cny aud cad nzd sgd hkd twd sek nok dkk isk pln czk huf rub uah inr krw thb vnd idr myr ' +
  'brl mxn zar aed sar ils ron bgn mkd rsd kzt';

/** Dollar codes: written together with '$' ("SGD 4.90 $", "NZD $100"), the code is the more precise text. */
export const DOLLAR_CODES = new Set(
  'USD CAD AUD NZD SGD HKD TWD BBD BMD BND BSD BZD FJD GYD JMD KYD LRD NAD SBD SRD TTD XCD ZWD'.split(' '),
);

/**
 * Country-dependent symbols: `resolver fallback REGION=ISO …` (a long one continues on lines of its own name).
 * A region is ISO 3166 (from the page's domain or language) and the code is what the symbol means there; the
 * fallback is the reading with no evidence ('-': too ambiguous to guess).
 */
const RESOLVER_TABLE = `
dollar USD US=USD CA=CAD AU=AUD NZ=NZD SG=SGD HK=HKD TW=TWD MX=MXN AR=ARS CL=CLP CO=COP UY=UYU BR=BRL
dollar USD JM=JMD TT=TTD BS=BSD BB=BBD BZ=BZD FJ=FJD NA=NAD LR=LRD GY=GYD SR=SRD BN=BND KY=KYD BM=BMD
dollar USD SB=SBD DO=DOP CU=CUP NI=NIO TO=TOP WS=WST KI=AUD TV=AUD NR=AUD EC=USD SV=USD PA=USD PR=USD
dollar USD ZW=USD TL=USD FM=USD MH=USD PW=USD
cordoba-or-cad CAD CA=CAD NI=NIO
pound GBP GB=GBP EG=EGP LB=LBP SY=SYP SS=SSP GI=GIP FK=FKP SH=SHP
pound-ar EGP EG=EGP SD=SDG SS=SSP LB=LBP SY=SYP
yen CNY JP=JPY CN=CNY
yuan CNY CN=CNY TW=TWD HK=HKD MO=MOP
won KRW KR=KRW KP=KPW
krona - SE=SEK NO=NOK SJ=NOK DK=DKK FO=DKK GL=DKK IS=ISK
rupee INR IN=INR PK=PKR LK=LKR NP=NPR MU=MUR SC=SCR ID=IDR
peso-sign PHP PH=PHP CU=CUP
franc - CH=CHF LI=CHF BI=BIF RW=RWF DJ=DJF GN=GNF KM=KMF CD=CDF
leu RON RO=RON MD=MDL
rouble RUB RU=RUB BY=BYN
birr-or-rouble BYN BY=BYN ET=ETB
bolivar VES VE=VES BO=BOB
colon CRC CR=CRC SV=SVC
florin - AW=AWG CW=ANG SX=ANG
cfa XOF CM=XAF CF=XAF TD=XAF CG=XAF GQ=XAF GA=XAF
dirham AED AE=AED MA=MAD
dinar - DZ=DZD IQ=IQD JO=JOD KW=KWD LY=LYD TN=TND BH=BHD RS=RSD
rial - SA=SAR QA=QAR OM=OMR YE=YER IR=IRR
letter-l - HN=HNL AL=ALL LS=LSL MD=MDL
letter-p - BW=BWP PH=PHP
letter-g - HT=HTG
letter-k - PG=PGK ZM=ZMW MW=MWK LA=LAK MM=MMK
`;

export interface Resolver {
  fallback: string | null;
  regions: Record<string, string>;
}

function buildEntries(): CurrencyEntry[] {
  const out: CurrencyEntry[] = [];
  for (const line of TABLE.split('\n')) {
    if (!line) continue;
    const [iso = '', flags = '', ...rest] = line.split(' ');
    const tier: Tier = flags.includes('w') ? 'w' : flags.includes('s') ? 's' : 'o';
    for (const symbol of rest.join(' ').split('|')) {
      out.push({
        symbol,
        iso: iso === '-' ? '' : iso,
        tier,
        prefix: flags.includes('p'),
        generic: flags.includes('g'),
        cents: flags.includes('c'),
      });
    }
  }
  const seen = new Set(out.map((e) => e.symbol));
  const code = (symbol: string): CurrencyEntry => ({
    symbol,
    iso: symbol.toUpperCase(),
    tier: 'o',
    prefix: false,
    generic: false,
    cents: false,
  });
  for (const c of isoCodes()) if (!seen.has(c)) out.push(code(c));
  for (const c of LOWER_CASE_CODES.split(' ')) if (!seen.has(c)) out.push(code(c));
  return out;
}

function buildResolvers(): Map<string, Resolver> {
  const out = new Map<string, Resolver>();
  for (const line of RESOLVER_TABLE.split('\n')) {
    const [name, fallback, ...pairs] = line.split(' ');
    if (!name || !fallback) continue;
    const r = out.get(name) ?? { fallback: fallback === '-' ? null : fallback, regions: {} };
    for (const p of pairs) r.regions[p.slice(0, 2)] = p.slice(3);
    out.set(name, r);
  }
  return out;
}

let entries: CurrencyEntry[] | undefined;
let resolvers: Map<string, Resolver> | undefined;
let codes: Set<string> | undefined;

/** Every ISO 4217 code the parser knows (see OTHER_ISO_CODES). */
export function isoCodes(): Set<string> {
  codes ??= new Set([
    ...(TABLE.match(/^[A-Z]{3}(?= )/gm) ?? []),
    ...(RESOLVER_TABLE.match(/\b[A-Z]{3}\b/g) ?? []),
    ...OTHER_ISO_CODES.split(' '),
  ]);
  return codes;
}

/** Every currency spelling, table order first, then the bare ISO codes. */
export function currencyEntries(): readonly CurrencyEntry[] {
  entries ??= buildEntries();
  return entries;
}

/** The resolver a '@name' ISO field points to. */
export function resolver(name: string): Resolver | undefined {
  resolvers ??= buildResolvers();
  return resolvers.get(name);
}
