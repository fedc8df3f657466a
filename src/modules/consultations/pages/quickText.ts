// What stays in the fast-entry text box once a comment has been saved. The specialist keeps typing the next comment
// while the previous one is on its way: what was typed after it must survive the save.

/**
 * The box's text after the comment `sent` (the box's text when it was sent) was stored, given what the box holds now.
 * Unchanged box: empty. Text typed after the sent comment: that text alone. Text edited otherwise: left as it is.
 */
export function textAfterSave(current: string, sent: string): string {
  if (current === sent) return '';
  if (current.startsWith(sent)) return current.slice(sent.length).replace(/^\s+/, '');
  return current;
}
