/**
 * A one-argument string function remembered by its argument: an import compares the same few hundred names and titles
 * thousands of times. Forgets everything once it holds `limit` answers, so memory stays bounded on any archive.
 */
export function memoize(fn: (text: string) => string, limit = 10_000): (text: string) => string {
  const answers = new Map<string, string>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = fn(text);
      answers.set(text, answer);
    }
    return answer;
  };
}
