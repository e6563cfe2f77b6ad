// The plans' own words for what the app names in several places (a record kind, an indicator,
// the report): one entry each, so the phone, the office and the Word report cannot drift apart.

/**
 * Seed 000 (the ward's plan), line 133: "100% phản ánh, kiến nghị liên quan đến bình đẳng giới
 * được xem xét, xử lý theo quy định." Not "khiếu nại, tố cáo": that is another procedure in law
 * (seed 003, line 81), which the commune's plan does not count.
 */
export const COMPLAINTS: { readonly name: string; readonly lower: string } = { name: 'Phản ánh, kiến nghị', lower: 'phản ánh, kiến nghị' };
