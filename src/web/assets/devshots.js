// DevShots keys, loaded deferred on /devshots only: j / k and the arrow keys move from
// card to card (focus, which scrolls it into view). The page works without it: Tab
// moves between cards, and swiping or scrolling snaps to them.
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, textarea, select, [contenteditable]')) return;
  const forward = ['j', 'ArrowDown', 'ArrowRight'].includes(event.key);
  const back = ['k', 'ArrowUp', 'ArrowLeft'].includes(event.key);
  if (!forward && !back) return;
  const cards = Array.from(document.querySelectorAll('.shot'));
  const current = target?.closest('.shot') ?? null;
  // Arrow keys scroll the page as usual until a card has focus; j and k start from the top.
  if (!current && event.key.startsWith('Arrow')) return;
  const at = current ? cards.indexOf(current) : -1;
  const next = cards[forward ? at + 1 : Math.max(at - 1, 0)];
  if (!next || next === current) return;
  event.preventDefault();
  next.focus();
});
