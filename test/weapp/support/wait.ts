// Waits for what a person would wait for: the page to show something, the
// scanner to open. It polls; the limit is only a backstop against a page that
// never gets there (the failure then says what it saw instead).
export async function waitFor(done: () => boolean, what: string, seen: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`waited for ${what}; ${seen()}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export async function waitForText(read: () => string, expected: string | RegExp, what: string): Promise<string> {
  const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text))
  await waitFor(() => matches(read()), `${what} to show ${String(expected)}`, () => `page shows: ${read().slice(0, 300) || '(nothing)'}`)
  return read()
}
