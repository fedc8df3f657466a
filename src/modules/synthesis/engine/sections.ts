// Section addresses ("III.2.a", "Xa.II.1"): people attach one opinion to a section, to its parent or to the whole
// draft, so those may share a group; sections on different branches may not, however many words their comments
// share, because the section often carries half of what a short comment means.

/** The address without surrounding spaces or trailing dots; '' stands for the whole draft. */
export function cleanSection(section: string | null | undefined): string {
  return (section ?? '').trim().replace(/[.\s]+$/, '');
}

/** Whether `a` is `b`, an ancestor of `b`, a descendant of it, or either is the whole draft. */
export function sectionsCompatible(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  return a.length < b.length ? b.startsWith(a + '.') : a.startsWith(b + '.');
}
