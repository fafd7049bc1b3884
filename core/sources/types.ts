/**
 * The normalised wholesale offer every source provider produces. Absent facts are null, never invented.
 * Prices are integer minor units of `currency` (fen for CNY).
 */
export interface PriceTier {
  /** Smallest quantity this unit price applies from (起批量). */
  minQty: number;
  /** Unit price in minor units. */
  priceMinor: number;
}

export interface SupplierFacts {
  name: string | null;
  loginId: string | null;
  memberId: string | null;
  /** Province and city as the platform writes them (1688: "浙江", "义乌"); never a country. */
  province: string | null;
  city: string | null;
  /**
   * ISO 3166-1 alpha-2 country code ("CN") when the platform states it (Alibaba.com `countryCode`); null when it
   * does not. Optional because offers stored before this field existed lack it.
   */
  country?: string | null;
  /** Years on the platform (TrustPass years for 1688). */
  years: number | null;
  /** True when the platform says manufacturer / factory-inspected / super factory; null when unknown. */
  isFactory: boolean | null;
  /** Short labels as the platform shows them ("实力商家", "超级工厂", "深度验厂"). */
  badges: string[];
  /** Repurchase rate as a fraction 0..1, when given. */
  repurchaseRate: number | null;
  shopUrl: string | null;
}

export interface WholesaleOffer {
  /** Provider id ("1688", "alibaba"). */
  source: string;
  offerId: string;
  title: string;
  /** Canonical, short offer URL (never a tracking redirect). */
  url: string;
  images: string[];
  currency: string;
  priceTiers: PriceTier[];
  priceMinMinor: number | null;
  priceMaxMinor: number | null;
  moq: number | null;
  unit: string | null;
  /** Dropshipping (一件代发) offered; null when unknown. */
  dropship: boolean | null;
  /** Orders or pieces sold as the source reports it (≈30 days on 1688 search), null when unknown. */
  sales: number | null;
  /** Paid placement (P4P / ad). */
  isAd: boolean;
  /** Shipping promise ("48小时发货"), when given. */
  shippingPromise: string | null;
  supplier: SupplierFacts;
}
