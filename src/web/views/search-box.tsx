// The search form in the masthead and on the 404 page: a plain GET form, so it works
// without JavaScript. `id` tells two boxes on one page apart.

export function SearchBox({ id, value = '' }: { id: string; value?: string }) {
  return (
    <form class="search-box" role="search" action="/search" method="get">
      <label for={id} class="visually-hidden">
        Search stories
      </label>
      <input id={id} type="search" name="q" value={value} placeholder="Search stories" maxLength={500} />
      <button type="submit">Search</button>
    </form>
  );
}
