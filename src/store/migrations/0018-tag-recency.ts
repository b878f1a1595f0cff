import type { Migration } from 'kysely/migration';
import { storyTime } from './story-time.ts';

// "Newest stories with this tag" (related stories on every article page, tag pages)
// had no index in the order it asks for: (slug, story_id) gives arrival order, and a
// story's created_at is the wire's time, so a tag few stories carry meant walking every
// story (~220 ms a tag page on 100,000 stories).
export function tagRecency(): Migration {
  return storyTime('story_tags', 'slug', 'story_tags_slug', 'story_tags_slug_created');
}
