import type { Edition, Sector } from '../domain/site.ts';
import type { RoundupTopicInput } from './roundup-topics.ts';

// The demo configuration from PRODUCT.md: a site may define its own lists.
export const DEFAULT_SECTORS: readonly Sector[] = [
  { slug: 'agro-forestry', name: 'Agro-Forestry' },
  { slug: 'art-culture', name: 'Art & Culture' },
  { slug: 'technology', name: 'Technology' },
  { slug: 'economy-business', name: 'Economy & Business' },
  { slug: 'education', name: 'Education' },
  { slug: 'energy-extractives', name: 'Energy & Extractives' },
  { slug: 'politics', name: 'Politics' },
  { slug: 'law-governance', name: 'Law & Governance' },
  { slug: 'health', name: 'Health' },
  { slug: 'science-environment', name: 'Science & Environment' },
  { slug: 'social-gender', name: 'Social & Gender' },
  { slug: 'sports', name: 'Sports' },
  { slug: 'transport', name: 'Transport' },
  { slug: 'urban-development', name: 'Urban Development' },
  { slug: 'wash', name: 'WASH' },
];

export const DEFAULT_EDITIONS: readonly Edition[] = [
  { slug: 'global', name: 'Global', countries: [] },
  { slug: 'pacific', name: 'Pacific', countries: ['AU', 'NZ', 'FJ', 'PG', 'WS', 'TO', 'VU', 'SB', 'KI', 'TV', 'NR', 'FM', 'MH', 'PW'] },
  { slug: 'south-asia', name: 'South Asia', countries: ['IN', 'PK', 'BD', 'LK', 'NP', 'BT', 'MV', 'AF'] },
  { slug: 'east-south-east-asia', name: 'East and South East Asia', countries: ['CN', 'JP', 'KR', 'KP', 'MN', 'TW', 'HK', 'MO', 'ID', 'MY', 'SG', 'TH', 'VN', 'PH', 'MM', 'KH', 'LA', 'BN', 'TL'] },
  { slug: 'europe-central-asia', name: 'Europe and Central Asia', countries: ['GB', 'IE', 'FR', 'DE', 'IT', 'ES', 'PT', 'NL', 'BE', 'LU', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'IS', 'PL', 'CZ', 'SK', 'HU', 'RO', 'BG', 'GR', 'HR', 'SI', 'RS', 'BA', 'ME', 'MK', 'AL', 'XK', 'EE', 'LV', 'LT', 'UA', 'BY', 'MD', 'RU', 'TR', 'GE', 'AM', 'AZ', 'KZ', 'KG', 'TJ', 'TM', 'UZ', 'CY', 'MT'] },
  { slug: 'central-africa', name: 'Central Africa', countries: ['CM', 'CF', 'TD', 'CG', 'CD', 'GQ', 'GA', 'ST', 'AO', 'BI'] },
  { slug: 'east-africa', name: 'East Africa', countries: ['KE', 'UG', 'TZ', 'RW', 'ET', 'SO', 'DJ', 'ER', 'SS', 'SD', 'MG', 'MU', 'SC', 'KM'] },
  { slug: 'southern-africa', name: 'Southern Africa', countries: ['ZA', 'NA', 'BW', 'ZW', 'ZM', 'MW', 'MZ', 'LS', 'SZ'] },
  { slug: 'west-africa', name: 'West Africa', countries: ['NG', 'GH', 'SN', 'CI', 'ML', 'BF', 'NE', 'GN', 'SL', 'LR', 'TG', 'BJ', 'GM', 'GW', 'CV', 'MR'] },
  { slug: 'middle-east-north-africa', name: 'Middle East and North Africa', countries: ['EG', 'LY', 'TN', 'DZ', 'MA', 'SA', 'AE', 'QA', 'KW', 'BH', 'OM', 'YE', 'IQ', 'IR', 'SY', 'JO', 'LB', 'IL', 'PS'] },
  { slug: 'north-america', name: 'North America', countries: ['US', 'CA'] },
  { slug: 'latin-america-caribbean', name: 'Latin America and Caribbean', countries: ['MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'CU', 'HT', 'DO', 'JM', 'TT', 'BS', 'BB', 'CO', 'VE', 'EC', 'PE', 'BO', 'BR', 'PY', 'UY', 'AR', 'CL', 'GY', 'SR'] },
];

// Demo roundup topics (WIREDESK_ROUNDUPS replaces them): three by sector, one by country,
// one of them at fixed times of day to show both kinds of schedule.
export const DEFAULT_ROUNDUP_TOPICS: readonly RoundupTopicInput[] = [
  { name: 'Health', sectors: ['health', 'wash'], at: ['08:00', '20:00'] },
  { name: 'Business', sectors: ['economy-business', 'energy-extractives', 'agro-forestry'], every: '6h' },
  { name: 'US Domestic', sector: 'politics', countries: ['US'], every: '6h' },
  // "World" on a South Asian site: everything political or social from beyond the region.
  { name: 'World', sectors: ['politics', 'law-governance', 'social-gender', 'urban-development'], excludeEditions: ['south-asia'], every: '6h' },
];
