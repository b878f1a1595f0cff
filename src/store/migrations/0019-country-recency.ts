import type { Migration } from 'kysely/migration';
import { storyTime } from './story-time.ts';

// As 0018 for tags: a country page walked every published story probing each for the
// country (~220 ms on 100,000 stories for a country in few of them).
export function countryRecency(): Migration {
  return storyTime('story_countries', 'country', 'story_countries_country', 'story_countries_country_created');
}
