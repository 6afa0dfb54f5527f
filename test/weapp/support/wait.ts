// Waits for what a person would wait for: a page's text to show something.
// It polls the rendered DOM; the limit is only a backstop against a page that
// never gets there (the failure then says what the page showed instead).
export async function waitForText(read: () => string, expected: string | RegExp, what: string): Promise<string> {
  const deadline = Date.now() + 15_000
  const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text))
  for (;;) {
    const text = read()
    if (matches(text)) return text
    if (Date.now() > deadline) throw new Error(`${what}: waited for ${String(expected)}, page shows: ${text.slice(0, 300) || '(nothing)'}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
