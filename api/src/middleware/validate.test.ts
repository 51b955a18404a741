import { describe, expect, it } from 'vitest';
import { wellFormedJsonText } from './validate.ts';

describe('wellFormedJsonText', () => {
  it.each([
    ['{"a":"plain"}', '{"a":"plain"}'],
    ['{"a":"pair \\ud83d\\ude00 ok"}', '{"a":"pair \\ud83d\\ude00 ok"}'],
    ['{"a":"lone low \\udfff"}', '{"a":"lone low \\ufffd"}'],
    ['{"a":"lone high \\ud83d end"}', '{"a":"lone high \\ufffd end"}'],
    ['{"a":"high then other \\ud83d\\u0041"}', '{"a":"high then other \\ufffd\\u0041"}'],
    ['{"a":"cut at the end \\ud83d"}', '{"a":"cut at the end \\ufffd"}'],
    ['{"a":"escaped backslash \\\\udfff is text"}', '{"a":"escaped backslash \\\\udfff is text"}'],
    ['{"\\udfff":1}', '{"\\ufffd":1}'],
  ])('%s', (input, expected) => {
    expect(wellFormedJsonText(input)).toBe(expected);
    expect(() => JSON.parse(wellFormedJsonText(input))).not.toThrow();
  });

  it('leaves no lone surrogate behind', () => {
    const parsed = JSON.parse(wellFormedJsonText('["\\udc00\\ud800","\\ud800\\udc00"]')) as string[];
    expect(parsed[0]).toBe('\ufffd\ufffd');
    expect(parsed[1]).toBe('\u{10000}');
  });
});
