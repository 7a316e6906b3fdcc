/** GitHub rejects issue bodies and comments longer than this. */
export const GITHUB_TEXT_LIMIT = 65_536

/**
 * Renders `render(cap)` with the largest cap from 0 to `most` whose text
 * fits within `limit`, as `size` measures it (characters by default).
 * Fewer rows never make a longer text, so a binary search finds it in a
 * few renders even for long lists.
 */
export function largestFitting(
  render: (cap: number) => string,
  most: number,
  limit = GITHUB_TEXT_LIMIT,
  size: (text: string) => number = (text) => text.length
): string {
  const whole = render(most)
  if (size(whole) <= limit) return whole
  let fits = 0
  let tooLong = most
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2)
    if (size(render(middle)) <= limit) fits = middle
    else tooLong = middle
  }
  return render(fits)
}
