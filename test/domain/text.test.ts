import { hasHiddenCharacters } from '../../src/domain/text'

// Lone UTF-16 surrogates, found without lookbehind (which older WeChat
// engines cannot parse): a high one not followed by a low one, a low one not
// preceded by a high one, wherever they stand; a pair (an emoji) is text.
it.each([
  ['\ud83d', true],
  ['\ude00', true],
  ['a\ude00', true],
  ['\ude00a', true],
  ['\ud83d\ud83d\ude00', true],
  ['\ud83d\ude00\ude00', true],
  ['王\ud83d芳', true],
  ['😀', false],
  ['王芳😀', false],
  ['😀😀', false],
])('%j → %s', (text, hidden) => {
  expect(hasHiddenCharacters(text)).toBe(hidden)
})
