// What readers call each kind of signed piece: the label on a story, the heading of its
// list, and what the list holds. One table for pages, views and feeds.
import type { PieceKind } from '../domain/story.ts';

export const PIECE_PAGES: Readonly<Record<PieceKind, { readonly title: string; readonly label: string; readonly about: string }>> = {
  opinion: { title: 'Opinion', label: 'Opinion', about: 'columns and comment' },
  blog: { title: 'Blogs', label: 'Blog', about: 'blog posts' },
  interview: { title: 'Interviews', label: 'Interview', about: 'interviews' },
};
